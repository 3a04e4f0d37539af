package org.communitylifecycle.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
// A process engine plugin has no public API: ProcessEnginePlugin lives in impl.cfg.
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Makes H2 sort empty values last in ascending order, as PostgreSQL does. The engine's queries say
 * "order by due date" without a word on tasks that have none; without this, the embedded demo would
 * list them first in every filter sorted by due date, and production would not. The setting is kept
 * in the database file; on other databases nothing is done.
 */
@Component
class H2NullsLast extends AbstractProcessEnginePlugin {

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    try (Connection connection = configuration.getDataSource().getConnection()) {
      if (!"H2".equals(connection.getMetaData().getDatabaseProductName())) {
        return;
      }
      try (Statement statement = connection.createStatement()) {
        statement.execute("SET DEFAULT_NULL_ORDERING HIGH");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not set H2's ordering of empty values (SET DEFAULT_NULL_ORDERING HIGH)", e);
    }
  }
}
