package org.communitylifecycle.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.mock.env.MockEnvironment;

class PasswordGuardTest {

  static final String ADMIN_PASSWORD = PasswordGuard.ADMIN.property();
  static final String DB_PASSWORD = PasswordGuard.DATABASE.property();

  PasswordGuard guard = new PasswordGuard();

  @Test
  void outsideDemoAMissingPasswordStopsStartup() {
    MockEnvironment environment = new MockEnvironment();
    environment.setActiveProfiles("postgres");

    assertThatThrownBy(() -> guard.postProcessEnvironment(environment, new SpringApplication()))
        .hasMessageStartingWith("ADMIN_PASSWORD is not set");
  }

  @Test
  void outsideDemoAWellKnownPasswordStopsStartup() {
    MockEnvironment environment = new MockEnvironment().withProperty(ADMIN_PASSWORD, "Demo");

    assertThatThrownBy(() -> guard.postProcessEnvironment(environment, new SpringApplication()))
        .hasMessageStartingWith("ADMIN_PASSWORD is a well-known default");
  }

  @Test
  void anOwnPasswordOrTheDemoProfileStarts() {
    MockEnvironment own = new MockEnvironment().withProperty(ADMIN_PASSWORD, "correct horse battery");
    MockEnvironment demo = new MockEnvironment();
    demo.setActiveProfiles("demo");

    assertThatCode(() -> guard.postProcessEnvironment(own, new SpringApplication())).doesNotThrowAnyException();
    assertThatCode(() -> guard.postProcessEnvironment(demo, new SpringApplication())).doesNotThrowAnyException();
  }

  @Test
  void thePostgresProfileWithoutDatabasePasswordStopsStartupSayingWhatToSet() {
    MockEnvironment environment = postgres()
        // As application-postgres.yaml has it: no default, so unresolvable while DB_PASSWORD is unset.
        .withProperty(DB_PASSWORD, "${DB_PASSWORD}");

    assertThatThrownBy(() -> guard.postProcessEnvironment(environment, new SpringApplication()))
        .isInstanceOfSatisfying(PasswordGuard.PasswordException.class, e -> {
          FailureAnalysis report = new PasswordFailureAnalyzer().analyze(e);
          assertThat(report.getDescription()).startsWith("DB_PASSWORD is not set");
          assertThat(report.getAction()).startsWith("Set the environment variable DB_PASSWORD");
        });
  }

  @Test
  void thePostgresProfileRefusesTheOldDefaultDatabasePassword() {
    MockEnvironment environment = postgres().withProperty(DB_PASSWORD, "community_lifecycle");

    assertThatThrownBy(() -> guard.postProcessEnvironment(environment, new SpringApplication()))
        .hasMessageStartingWith("DB_PASSWORD is a well-known default");
  }

  @Test
  void anOwnDatabasePasswordStartsAndOtherProfilesNeedNone() {
    MockEnvironment demo = new MockEnvironment();
    demo.setActiveProfiles("demo");

    assertThatCode(() -> guard.postProcessEnvironment(postgres().withProperty(DB_PASSWORD, "s3cret-of-our-own"),
        new SpringApplication())).doesNotThrowAnyException();
    assertThatCode(() -> guard.postProcessEnvironment(demo, new SpringApplication())).doesNotThrowAnyException();
  }

  /** The postgres profile with a good admin password, so only the database password decides. */
  private static MockEnvironment postgres() {
    MockEnvironment environment = new MockEnvironment().withProperty(ADMIN_PASSWORD, "correct horse battery");
    environment.setActiveProfiles("postgres");
    return environment;
  }
}
