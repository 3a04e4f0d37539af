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
  static final String FORM_SECRET = PasswordGuard.FORM_TOKEN_SECRET.property();
  static final String A_SECRET = "kq3V9x2LrT8mWz4pYb7nHc";

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
    MockEnvironment own = new MockEnvironment().withProperty(ADMIN_PASSWORD, "correct horse battery")
        .withProperty(FORM_SECRET, A_SECRET);
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

  @Test
  void outsideDemoAMissingFormTokenSecretStopsStartupSayingWhatToSet() {
    // As application.yaml has it: empty unless ALUMNI_FORM_TOKEN_SECRET is set.
    MockEnvironment environment = new MockEnvironment().withProperty(ADMIN_PASSWORD, "correct horse battery")
        .withProperty(FORM_SECRET, "");

    assertThatThrownBy(() -> guard.postProcessEnvironment(environment, new SpringApplication()))
        .isInstanceOfSatisfying(PasswordGuard.PasswordException.class, e -> {
          FailureAnalysis report = new PasswordFailureAnalyzer().analyze(e);
          assertThat(report.getDescription()).startsWith("ALUMNI_FORM_TOKEN_SECRET is not set")
              .contains("the same on every node");
          assertThat(report.getAction()).startsWith("Set the environment variable ALUMNI_FORM_TOKEN_SECRET")
              .contains("at least 16 characters");
        });
  }

  @Test
  void outsideDemoAShortOrWellKnownFormTokenSecretStopsStartup() {
    MockEnvironment tooShort = new MockEnvironment().withProperty(ADMIN_PASSWORD, "correct horse battery")
        .withProperty(FORM_SECRET, "only-15-chars!!");
    MockEnvironment known = new MockEnvironment().withProperty(ADMIN_PASSWORD, "correct horse battery")
        .withProperty(FORM_SECRET, "changeme");

    assertThatThrownBy(() -> guard.postProcessEnvironment(tooShort, new SpringApplication()))
        .hasMessageStartingWith("ALUMNI_FORM_TOKEN_SECRET is too short (15 characters)");
    assertThatThrownBy(() -> guard.postProcessEnvironment(known, new SpringApplication()))
        .hasMessageStartingWith("ALUMNI_FORM_TOKEN_SECRET is a well-known default");
  }

  @Test
  void theDemoProfileNeedsNoFormTokenSecretOfItsOwn() {
    MockEnvironment demo = new MockEnvironment();
    demo.setActiveProfiles("demo");

    assertThatCode(() -> guard.postProcessEnvironment(demo, new SpringApplication())).doesNotThrowAnyException();
  }

  /** The postgres profile with a good admin password, so only the database password decides. */
  private static MockEnvironment postgres() {
    MockEnvironment environment = new MockEnvironment().withProperty(ADMIN_PASSWORD, "correct horse battery")
        .withProperty(FORM_SECRET, A_SECRET);
    environment.setActiveProfiles("postgres");
    return environment;
  }
}
