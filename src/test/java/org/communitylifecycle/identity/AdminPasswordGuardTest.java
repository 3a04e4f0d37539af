package org.communitylifecycle.identity;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class AdminPasswordGuardTest {

  AdminPasswordGuard guard = new AdminPasswordGuard();

  @Test
  void outsideDemoAMissingPasswordStopsStartup() {
    MockEnvironment environment = new MockEnvironment();
    environment.setActiveProfiles("postgres");

    assertThatThrownBy(() -> guard.postProcessEnvironment(environment, new SpringApplication()))
        .hasMessageStartingWith("ADMIN_PASSWORD is not set");
  }

  @Test
  void outsideDemoAWellKnownPasswordStopsStartup() {
    MockEnvironment environment = new MockEnvironment().withProperty(AdminPasswordGuard.PROPERTY, "Demo");

    assertThatThrownBy(() -> guard.postProcessEnvironment(environment, new SpringApplication()))
        .hasMessageStartingWith("ADMIN_PASSWORD is a well-known default");
  }

  @Test
  void anOwnPasswordOrTheDemoProfileStarts() {
    MockEnvironment own = new MockEnvironment().withProperty(AdminPasswordGuard.PROPERTY, "correct horse battery");
    MockEnvironment demo = new MockEnvironment();
    demo.setActiveProfiles("demo");

    assertThatCode(() -> guard.postProcessEnvironment(own, new SpringApplication())).doesNotThrowAnyException();
    assertThatCode(() -> guard.postProcessEnvironment(demo, new SpringApplication())).doesNotThrowAnyException();
  }
}
