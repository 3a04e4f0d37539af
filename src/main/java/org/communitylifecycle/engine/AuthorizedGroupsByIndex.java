package org.communitylifecycle.engine;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.session.Configuration;
// A process engine plugin and the engine's SQL sessions have no public API.
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.springframework.stereotype.Component;

/**
 * Every command that the engine runs for a signed-in user starts by asking which groups hold any
 * authorization at all ({@code SELECT DISTINCT GROUP_ID_ FROM ACT_RU_AUTHORIZATION}, in
 * AuthorizationManager#filterAuthenticatedGroupIds), and PostgreSQL answers it by reading the whole
 * table. That table grows with the work: the engine keeps an authorization per open task and person
 * or team, and with historic instance permissions (application.yaml) one per finished task and
 * instance until history cleanup removes it. A few dozen groups, but tens of thousands of rows read
 * on every click and every completed task.
 *
 * <p>On PostgreSQL this plugin maps the statement to one of ours (AuthorizedGroupsByIndex.postgres.xml):
 * the same groups, found by stepping through the group index from one group to the next, so the
 * time follows the number of groups, not of authorizations. Written against Camunda 7.24.0.
 */
@Component
class AuthorizedGroupsByIndex extends AbstractProcessEnginePlugin {

  static final String ENGINE_STATEMENT = "selectAuthorizedGroupIds";
  static final String STATEMENT = "selectAuthorizedGroupIdsByIndex";
  private static final String MAPPER = "org/communitylifecycle/engine/AuthorizedGroupsByIndex.postgres.xml";

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (!"postgres".equals(configuration.getDatabaseType())) {
      return;
    }
    Configuration mybatis = configuration.getSqlSessionFactory().getConfiguration();
    if (!mybatis.hasStatement(STATEMENT, false)) {
      try (InputStream mapper = AuthorizedGroupsByIndex.class.getClassLoader().getResourceAsStream(MAPPER)) {
        if (mapper == null) {
          throw new IllegalStateException(MAPPER + " is missing from the application");
        }
        new XMLMapperBuilder(mapper, mybatis, MAPPER, mybatis.getSqlFragments()).parse();
      } catch (IOException e) {
        throw new IllegalStateException("Could not read " + MAPPER, e);
      }
    }
    DbSqlSessionFactory sessions = configuration.getDbSqlSessionFactory();
    // The engine's mappings of a database type are shared by every engine in the JVM: this engine gets a copy.
    Map<String, String> mappings = new HashMap<>();
    if (sessions.getStatementMappings() != null) {
      mappings.putAll(sessions.getStatementMappings());
    }
    mappings.put(ENGINE_STATEMENT, STATEMENT);
    sessions.setStatementMappings(mappings);
  }
}
