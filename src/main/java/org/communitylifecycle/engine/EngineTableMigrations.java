package org.communitylifecycle.engine;

import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
// A process engine plugin has no public API: ProcessEnginePlugin lives in impl.cfg.
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The app's own additions to the engine's tables (statistics and indexes that the engine's queries
 * need at scale), as Flyway migrations in {@code db/engine/<database type>/} with a history table of
 * their own, {@value #HISTORY_TABLE}. The app's tables (db/migration) are migrated before the engine
 * exists, already inside the {@link StartupLock}; these run right after the engine has created or
 * updated its schema, still inside it, and Flyway's own lock makes each apply once when nodes start together.
 * Every migration names the engine version whose schema it was written against: check them when
 * the engine is upgraded. A database type without a folder (H2) has none.
 */
@Component
class EngineTableMigrations extends AbstractProcessEnginePlugin {

  static final String HISTORY_TABLE = "cl_engine_schema_history";

  private static final Logger log = LoggerFactory.getLogger(EngineTableMigrations.class);

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    migrate(configuration.getDataSource(), configuration.getDatabaseType());
  }

  static void migrate(DataSource dataSource, String databaseType) {
    String location = "db/engine/" + databaseType;
    if (EngineTableMigrations.class.getClassLoader().getResource(location) == null) {
      log.debug("No migrations of the engine's tables for {}", databaseType);
      return;
    }
    int applied = Flyway.configure(EngineTableMigrations.class.getClassLoader())
        .dataSource(dataSource)
        .locations("classpath:" + location)
        .table(HISTORY_TABLE)
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .load()
        .migrate()
        .migrationsExecuted;
    if (applied > 0) {
      log.info("Applied {} migration(s) of the engine's tables from {}", applied, location);
    }
  }
}
