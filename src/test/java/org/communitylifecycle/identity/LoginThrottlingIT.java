package org.communitylifecycle.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.communitylifecycle.testsupport.RunningApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/** Camunda's brute-force protection is on, with application.yaml's settings, for every password check. */
class LoginThrottlingIT extends RunningApplication {

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identity;
  @Autowired ProcessEngineConfigurationImpl engine;

  @Test
  void theSettingsOfApplicationYamlAreTheEngines() {
    assertThat(engine.getLoginMaxAttempts()).isEqualTo(10);
    assertThat(engine.getLoginDelayBase()).isEqualTo(3);
    assertThat(engine.getLoginDelayFactor()).isEqualTo(2);
    assertThat(engine.getLoginDelayMaxTime()).isEqualTo(60);
  }

  @Test
  void afterAWrongPasswordEvenTheRightOneWaits() {
    String id = "throttle-" + UUID.randomUUID().toString().substring(0, 8);
    User user = identity.newUser(id);
    user.setPassword("the-right-one");
    identity.saveUser(user);
    // The engine clock stands still: the right password comes within the delay however slow the machine.
    ClockUtil.setCurrentTime(new java.util.Date());
    try {
      assertThat(rest.withBasicAuth(id, "a-wrong-one").getForEntity("/api/dashboard/portfolio", String.class)
          .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

      assertThat(rest.withBasicAuth(id, "the-right-one").getForEntity("/engine-rest/user/" + id + "/profile", String.class)
          .getStatusCode()).as("locked for login-delay-base seconds").isEqualTo(HttpStatus.UNAUTHORIZED);
      identity.unlockUser(id);
      assertThat(identity.checkPassword(id, "the-right-one")).isTrue();
    } finally {
      ClockUtil.reset();
      identity.deleteUser(id);
    }
  }
}
