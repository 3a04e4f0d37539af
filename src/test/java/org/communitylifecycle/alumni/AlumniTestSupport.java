package org.communitylifecycle.alumni;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.communitylifecycle.testsupport.TestDatabase;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The alumni network's beans for plain-engine tests: the real ones, on the app's tables in the
 * test database (migrated by Flyway once per JVM), with test settings.
 */
final class AlumniTestSupport {

  /** Links valid 30 days, reunion after 6 months, links on https://alumni.example.org. */
  static final AlumniProperties SETTINGS = new AlumniProperties("P30D", "P6M", "https://alumni.example.org",
      new AlumniProperties.RateLimit(60, Duration.ofMinutes(1)));

  private static JdbcClient jdbc;
  private static HikariDataSource dataSource;

  /** The beans a test drives directly. */
  record Beans(AlumniDirectory directory, AlumniFeedback feedback, PersonalDataEraser eraser, JdbcClient jdbc) {}

  private AlumniTestSupport() {}

  static synchronized JdbcClient jdbc() {
    if (jdbc == null) {
      TestDatabase.Connection db = TestDatabase.get();
      dataSource = new HikariDataSource();
      dataSource.setJdbcUrl(db.url());
      dataSource.setUsername(db.user());
      dataSource.setPassword(db.password());
      dataSource.setMaximumPoolSize(3);
      Flyway.configure().dataSource(dataSource).table("cl_schema_history").baselineOnMigrate(true)
          .baselineVersion("0").load().migrate();
      jdbc = JdbcClient.create(dataSource);
    }
    return jdbc;
  }

  static DataSource dataSource() {
    jdbc();
    return dataSource;
  }

  /** Registers the beans the model calls, under the names it uses. */
  static Beans register(ProcessEngine engine) {
    AlumniDirectory directory = new AlumniDirectory(jdbc());
    PersonalDataEraser eraser = new PersonalDataEraser(engine);
    AlumniInvitations invitations = new AlumniInvitations(directory, SETTINGS, eraser);
    Mocks.register("alumniCohorts", new AlumniCohorts(directory, SETTINGS, invitations));
    Mocks.register("alumniInvitations", invitations);
    Mocks.register("alumniReunion", new AlumniReunion(directory));
    AlumniFeedback feedback = new AlumniFeedback(directory, engine.getRuntimeService(), eraser, SETTINGS,
        TransactionOperations.withoutTransaction());
    return new Beans(directory, feedback, eraser, jdbc());
  }

  /** The start form's variables. */
  static Map<String, Object> cohort(String hub, String cohort, String lastDay, String residents) {
    return AlumniNetworkContract.startForm(hub, cohort, lastDay, residents);
  }

  /** The token at the end of the link in the host's list for this email. */
  static String tokenFor(String links, String email) {
    return links.lines().filter(line -> line.contains("<" + email + ">")).findFirst()
        .map(line -> line.substring(line.lastIndexOf('/') + 1))
        .orElseThrow(() -> new AssertionError("no link for " + email + " in " + links.lines().count() + " lines"));
  }

  /** The hub hosts of the tests: hana and ines. */
  static void ensureHosts(IdentityService identity) {
    if (identity.createGroupQuery().groupId("hub-hosts").count() == 0) {
      Group group = identity.newGroup("hub-hosts");
      group.setName("Hub hosts");
      identity.saveGroup(group);
    }
    for (String id : List.of("hana", "ines")) {
      if (identity.createUserQuery().userId(id).count() == 0) {
        User user = identity.newUser(id);
        user.setPassword("test");
        identity.saveUser(user);
        identity.createMembership(id, "hub-hosts");
      }
    }
  }

  static List<String> lines(Object text) {
    return text == null ? List.of() : text.toString().lines().toList();
  }
}
