package org.communitylifecycle.identity;

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
 * Outside the demo profile: ensures the administrator account from ADMIN_USER and ADMIN_PASSWORD,
 * and removes every user the demo profile seeded, so demo logins never work on a real database.
 */
@Component
@Profile("!demo")
@Order(20)
class AdminAccount implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(AdminAccount.class);

  private final IdentityService identity;
  private final IdentityProperties properties;

  AdminAccount(IdentityService identity, IdentityProperties properties) {
    this.identity = identity;
    this.properties = properties;
  }

  @Override
  public void run(ApplicationArguments args) {
    PasswordGuard.check(PasswordGuard.ADMIN, properties.adminPassword());
    for (User user : identity.createUserQuery().list()) {
      if (DemoUsers.MARK_VALUE.equals(identity.getUserInfo(user.getId(), DemoUsers.MARK_KEY))) {
        identity.deleteUser(user.getId());
        log.warn("Removed demo user '{}': demo users exist only in the demo profile", user.getId());
      }
    }
    String adminId = properties.adminUser();
    User admin = identity.createUserQuery().userId(adminId).singleResult();
    if (admin == null) {
      admin = identity.newUser(adminId);
      admin.setFirstName("Administrator");
      admin.setLastName("");
      admin.setPassword(properties.adminPassword());
      identity.saveUser(admin);
      log.info("Created administrator '{}'", adminId);
    }
    if (identity.createUserQuery().userId(adminId).memberOfGroup(Groups.CAMUNDA_ADMIN).count() == 0) {
      identity.createMembership(adminId, Groups.CAMUNDA_ADMIN);
    }
  }
}
