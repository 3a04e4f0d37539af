package org.communitylifecycle.testsupport;

import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The app's own tables (cl_*) in the process tests' database, migrated by Flyway as the app does
 * at startup, so the beans the models call read and write real rows.
 */
public final class AppTables {

  private static boolean migrated;

  private AppTables() {}

  public static synchronized JdbcClient jdbc(ProcessEngine engine) {
    DataSource dataSource = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDataSource();
    if (!migrated) {
      // As spring.flyway in application.yaml: the engine's tables are there first.
      // Its own connections: Flyway closes them in ways the engine's pool does not expect.
      TestDatabase.Connection db = TestDatabase.get();
      Flyway.configure().dataSource(db.url(), db.user(), db.password()).table("cl_schema_history").baselineOnMigrate(true).baselineVersion("0")
          .load().migrate();
      migrated = true;
    }
    return JdbcClient.create(dataSource);
  }

  /** Forgets every stage history row; other test classes may have left theirs. */
  public static void clearStageHistory(ProcessEngine engine) {
    jdbc(engine).sql("delete from cl_stage_history").update();
  }
}
