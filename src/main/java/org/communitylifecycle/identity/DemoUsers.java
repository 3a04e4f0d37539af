package org.communitylifecycle.identity;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo profile's people, one per role, all with the password "demo". Each is marked, so that
 * {@link AdminAccount} can remove them when the same database is later started without demo.
 */
@Component
@Profile("demo")
@Order(20)
class DemoUsers implements ApplicationRunner {

  static final String MARK_KEY = "seededBy";
  static final String MARK_VALUE = "demo-profile";
  static final String PASSWORD = "demo";

  private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

  private record DemoUser(String id, String firstName, String lastName, String group) {}

  private static final List<DemoUser> USERS =
      List.of(
          new DemoUser("alice", "Alice", "Activator", Groups.ACTIVATORS),
          new DemoUser("bart", "Bart", "Activator", Groups.ACTIVATORS),
          new DemoUser("bob", "Bob", "Liaison", Groups.CBT_LIAISONS),
          new DemoUser("carol", "Carol", "Designer", Groups.PROCESS_DESIGNERS),
          new DemoUser("dave", "Dave", "Lead", Groups.COMMUNITY_LEADS),
          new DemoUser("admin", "Demo", "Admin", Groups.CAMUNDA_ADMIN),
          new DemoUser("maya", "Maya", "Mentor", Groups.MENTORS),
          new DemoUser("mark", "Mark", "Mentor", Groups.MENTORS),
          new DemoUser("mateo", "Mateo", "Mentee", Groups.MENTEES),
          new DemoUser("mina", "Mina", "Mentee", Groups.MENTEES),
          new DemoUser("milo", "Milo", "Mentee", Groups.MENTEES),
          new DemoUser("hana", "Hana", "Host", Groups.HUB_HOSTS),
          new DemoUser("paula", "Paula", "Project", Groups.PROJECT_MANAGERS),
          new DemoUser("bruno", "Bruno", "Branch", Groups.BRANCH_LEADS),
          new DemoUser("ines", "Ines", "Instance", Groups.INSTANCE_MANAGERS),
          new DemoUser("ivan", "Ivan", "Instance", Groups.INSTANCE_MANAGERS));

  private final IdentityService identity;

  DemoUsers(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  public void run(ApplicationArguments args) {
    for (DemoUser demo : USERS) {
      if (identity.createUserQuery().userId(demo.id()).count() == 0) {
        User user = identity.newUser(demo.id());
        user.setFirstName(demo.firstName());
        user.setLastName(demo.lastName());
        user.setEmail(demo.id() + "@example.org");
        user.setPassword(PASSWORD);
        identity.saveUser(user);
        identity.setUserInfo(demo.id(), MARK_KEY, MARK_VALUE);
        log.info("Created demo user '{}' in {}", demo.id(), demo.group());
      }
      if (identity.createUserQuery().userId(demo.id()).memberOfGroup(demo.group()).count() == 0) {
        identity.createMembership(demo.id(), demo.group());
      }
    }
  }
}
