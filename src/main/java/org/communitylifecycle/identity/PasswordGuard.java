package org.communitylifecycle.identity;

import java.util.Locale;
import java.util.Set;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * Refuses to start without the passwords and secrets a deployment must choose itself, or with one
 * of the well-known defaults: the administrator's password (ADMIN_PASSWORD) and the key of the
 * public alumni forms (ALUMNI_FORM_TOKEN_SECRET, which every node of a cluster shares) outside the
 * demo profile, and the database's password (DB_PASSWORD) in the postgres profile. Runs before the
 * engine starts, so nothing is created with, or connects with, a guessable password.
 */
class PasswordGuard implements EnvironmentPostProcessor, Ordered {

  /**
   * A password the deployment sets: where it is read, and what to do when it is missing; a secret
   * that only machines read has a minimum length, a password 0.
   */
  record Password(String property, String variable, String need, String action, int minLength) {

    Password(String property, String variable, String need, String action) {
      this(property, variable, need, action, 0);
    }
  }

  static final Password ADMIN = new Password("community-lifecycle.identity.admin-password", "ADMIN_PASSWORD",
      "Outside the demo profile the administrator account needs a password of its own.",
      "Set the environment variable ADMIN_PASSWORD (and optionally ADMIN_USER, default 'admin'), "
          + "or run with the demo profile (SPRING_PROFILES_ACTIVE=demo) for a local trial with demo users.");

  static final Password DATABASE = new Password("spring.datasource.password", "DB_PASSWORD",
      "The postgres profile has no default database password.",
      "Set the environment variable DB_PASSWORD to the password of the PostgreSQL user (DB_USER, default "
          + "'community_lifecycle'). With docker compose, the same DB_PASSWORD also sets up the database.");

  static final Password FORM_TOKEN_SECRET = new Password("community-lifecycle.alumni.form-token-secret",
      "ALUMNI_FORM_TOKEN_SECRET",
      "Outside the demo profile the public alumni forms need a signing key of their own, the same on every node.",
      "Set the environment variable ALUMNI_FORM_TOKEN_SECRET to a random string of at least 16 characters "
          + "(for example the output of: openssl rand -base64 32), the same on every node that shares the database, "
          + "or run with the demo profile (SPRING_PROFILES_ACTIVE=demo) for a local trial.",
      16);

  private static final Set<String> KNOWN_DEFAULTS =
      Set.of("demo", "admin", "password", "camunda", "changeme", "change-me", "secret", "123456", "12345678",
          "community_lifecycle", "postgres", "test");

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    if (!environment.acceptsProfiles(Profiles.of("demo"))) {
      check(ADMIN, value(environment, ADMIN));
      check(FORM_TOKEN_SECRET, value(environment, FORM_TOKEN_SECRET));
    }
    if (environment.acceptsProfiles(Profiles.of("postgres"))) {
      check(DATABASE, value(environment, DATABASE));
    }
  }

  static void check(Password password, String value) {
    if (value == null || value.isBlank()) {
      throw new PasswordException(password, password.variable() + " is not set. " + password.need());
    }
    if (KNOWN_DEFAULTS.contains(value.trim().toLowerCase(Locale.ROOT))) {
      throw new PasswordException(password,
          password.variable() + " is a well-known default. Choose a password nobody can guess.");
    }
    if (value.trim().length() < password.minLength()) {
      throw new PasswordException(password, password.variable() + " is too short (" + value.trim().length()
          + " characters); it must be at least " + password.minLength() + ". " + password.need());
    }
  }

  /** The configured value, or null: application-postgres.yaml names ${DB_PASSWORD} without a default. */
  private static String value(ConfigurableEnvironment environment, Password password) {
    try {
      return environment.getProperty(password.property());
    } catch (IllegalArgumentException unresolvablePlaceholder) {
      return null;
    }
  }

  @Override
  public int getOrder() {
    // After the configuration files are read, so profiles and properties are known.
    return Ordered.LOWEST_PRECEDENCE;
  }

  /** Startup stops with this; {@link PasswordFailureAnalyzer} explains it. */
  static class PasswordException extends IllegalStateException {

    private final String action;

    PasswordException(Password password, String message) {
      super(message);
      this.action = password.action();
    }

    /** What to set, for the startup report. */
    String action() {
      return action;
    }
  }
}
