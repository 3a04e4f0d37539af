package org.communitylifecycle.opsjam;

import org.communitylifecycle.testsupport.TestUsers;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.communitylifecycle.testsupport.TestDatabase;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * What the ops jam tests share: the app's tables in the test database, the beans the models call
 * (registered under their names, with test settings), and the people of the jam.
 */
final class OpsJamFixtures {

  /** The test settings: input window 7 days, monthly check-ins, daily overdue checks, 7 days with the owner. */
  static final OpsJamProperties SETTINGS = new OpsJamProperties("P7D", "R/P1M", "R/P1D", "P7D");

  private static JdbcClient jdbc;

  private OpsJamFixtures() {}

  /** The app's tables, migrated by Flyway as at startup, on the database the test engine uses. */
  static synchronized JdbcClient database() {
    if (jdbc == null) {
      TestDatabase.Connection db = TestDatabase.get();
      Flyway.configure()
          .dataSource(db.url(), db.user(), db.password())
          .locations("classpath:db/migration")
          .table("cl_schema_history")
          .baselineOnMigrate(true)
          .baselineVersion("0")
          .load()
          .migrate();
      DriverManagerDataSource dataSource = new DriverManagerDataSource(db.url(), db.user(), db.password());
      jdbc = JdbcClient.create(dataSource);
    }
    return jdbc;
  }

  /** Empties the ops jam tables, so each test starts without jams. */
  static void clean() {
    JdbcClient db = database();
    for (String table : new String[] {"cl_ops_roadmap_dependency", "cl_ops_roadmap_item_tag", "cl_ops_roadmap_item",
        "cl_ops_submission", "cl_ops_follow_up", "cl_ops_check_in", "cl_ops_jam"}) {
      db.sql("delete from " + table).update();
    }
  }

  static OpsJams jams() {
    return new OpsJams(database());
  }

  static RoadmapItems items() {
    return new RoadmapItems(database());
  }

  /** The real beans, under the names the models use. */
  static void registerBeans() {
    OpsJams jams = jams();
    RoadmapItems items = items();
    Mocks.register("opsJamStart", new OpsJamStart(jams, SETTINGS));
    Mocks.register("opsJamPreparation", new OpsJamPreparation(jams));
    Mocks.register("instanceInput", new InstanceInput(jams, items));
    Mocks.register("backlogCombing", new BacklogCombing(jams, items));
    Mocks.register("roadmapPublishing", new RoadmapPublishing(jams, items));
    Mocks.register("followUpMeetings", new FollowUpMeetings(jams, items));
    Mocks.register("checkIns", new CheckIns(jams, items));
    Mocks.register("overdueItems", new OverdueItems(items));
    Mocks.register("opsRequests", new OpsRequests(jams, items));
    Mocks.register("opsJamTasks", new OpsJamTasks());
  }

  /** paula manages projects, bruno leads the branch, ines, ivan and iris manage instances; alice and dave as before. */
  static void ensureUsers(IdentityService identity) {
    TestUsers.user(identity, "paula", "project-managers");
    TestUsers.user(identity, "pete", "project-managers");
    TestUsers.user(identity, "bruno", "branch-leads");
    TestUsers.user(identity, "ines", "instance-managers");
    TestUsers.user(identity, "ivan", "instance-managers");
    TestUsers.user(identity, "iris", "instance-managers");
    TestUsers.user(identity, "alice", "activators");
    TestUsers.user(identity, "dave", "community-leads");
  }
}
