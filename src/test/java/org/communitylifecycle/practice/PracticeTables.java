package org.communitylifecycle.practice;

import org.communitylifecycle.testsupport.TestDatabase;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The app's tables in the process tests' database, migrated as the app migrates them, so the
 * process tests store assessments with the real SQL.
 */
final class PracticeTables {

  private static JdbcClient jdbc;

  private PracticeTables() {}

  static synchronized JdbcClient jdbc() {
    if (jdbc == null) {
      TestDatabase.Connection db = TestDatabase.get();
      DriverManagerDataSource dataSource = new DriverManagerDataSource(db.url(), db.user(), db.password());
      Flyway.configure().dataSource(dataSource).baselineOnMigrate(true).baselineVersion("0")
          .table("cl_schema_history").load().migrate();
      jdbc = JdbcClient.create(dataSource);
    }
    return jdbc;
  }

  /** Empties the tables between tests. */
  static void clear() {
    JdbcClient client = jdbc();
    for (String table : new String[] {"cl_practice_step", "cl_practice_indicator", "cl_practice_assessment", "cl_practice_community"}) {
      client.sql("delete from " + table).update();
    }
  }
}
