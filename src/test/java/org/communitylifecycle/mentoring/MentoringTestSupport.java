package org.communitylifecycle.mentoring;

import org.communitylifecycle.testsupport.TestUsers;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.communitylifecycle.testsupport.TestDatabase;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The mentoring program in the process tests: the app's tables migrated by Flyway in the tests'
 * database, the real beans registered under the names the model uses, and the people of a cohort.
 */
final class MentoringTestSupport {

  /** The seed's limits, as application.yaml sets them. */
  static final MentoringProperties SETTINGS =
      new MentoringProperties(10, 3, "P2M", "P3M", "P1W", 2, new MentoringProperties.Baseline(5, 10));

  private static boolean migrated;

  private MentoringTestSupport() {}

  /** The app's own tables, migrated once per test JVM as the app migrates them at startup. */
  static synchronized JdbcClient jdbc(ProcessEngine engine) {
    DataSource dataSource = engine.getProcessEngineConfiguration().getDataSource();
    if (!migrated) {
      // Flyway gets its own connections: it closes them in a way the engine's pool reports as an error.
      TestDatabase.Connection db = TestDatabase.get();
      Flyway.configure().dataSource(db.url(), db.user(), db.password()).table("cl_schema_history").baselineOnMigrate(true).baselineVersion("0")
          .load().migrate();
      migrated = true;
    }
    return JdbcClient.create(dataSource);
  }

  /** Empties the mentoring tables, which outlive each test's deployment. */
  static void clear(JdbcClient jdbc) {
    for (String table : new String[] {"cl_mentoring_update", "cl_mentoring_standup", "cl_mentoring_mentee", "cl_mentoring_cohort"}) {
      jdbc.sql("delete from " + table).update();
    }
  }

  /** Registers the beans the model calls, over real records. */
  static MentoringRecords register(ProcessEngine engine) {
    MentoringRecords records = new MentoringRecords(jdbc(engine));
    Mocks.register("cohortFormation", new CohortFormation(SETTINGS, records));
    Mocks.register("standups", new Standups(records));
    Mocks.register("graduationReview", new GraduationReview(records));
    Mocks.register("cohortReport", new CohortReport(records, SETTINGS));
    Mocks.register("mentoringTaskName", new MentoringTaskName());
    return records;
  }

  /** Mentors maya, mark and mona; mentees mateo, mina, milo and nora; alice is an activator only. */
  static void users(IdentityService identity) {
    TestUsers.user(identity, "maya", "mentors");
    TestUsers.user(identity, "mark", "mentors");
    TestUsers.user(identity, "mona", "mentors");
    TestUsers.user(identity, "mateo", "mentees");
    TestUsers.user(identity, "mina", "mentees");
    TestUsers.user(identity, "milo", "mentees");
    TestUsers.user(identity, "nora", "mentees");
    TestUsers.user(identity, "alice", "activators");
  }
}
