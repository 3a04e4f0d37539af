package org.communitylifecycle.identity;

import java.util.Locale;
import java.util.Set;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * Refuses to start outside the demo profile unless the administrator's password is set and is
 * not one of the well-known defaults. Runs before the engine starts, so nothing is created with a
 * guessable password.
 */
public class AdminPasswordGuard implements EnvironmentPostProcessor, Ordered {

  static final String PROPERTY = "community-lifecycle.identity.admin-password";

  private static final Set<String> KNOWN_DEFAULTS =
      Set.of("demo", "admin", "password", "camunda", "changeme", "change-me", "secret", "123456", "12345678",
          "community_lifecycle", "postgres", "test");

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    if (environment.acceptsProfiles(Profiles.of("demo"))) {
      return;
    }
    check(environment.getProperty(PROPERTY));
  }

  static void check(String password) {
    if (password == null || password.isBlank()) {
      throw new AdminPasswordException(
          "ADMIN_PASSWORD is not set. Outside the demo profile the administrator account needs a password of its own.");
    }
    if (KNOWN_DEFAULTS.contains(password.trim().toLowerCase(Locale.ROOT))) {
      throw new AdminPasswordException(
          "ADMIN_PASSWORD is a well-known default. Outside the demo profile choose a password nobody can guess.");
    }
  }

  @Override
  public int getOrder() {
    // After the configuration files are read, so profiles and properties are known.
    return Ordered.LOWEST_PRECEDENCE;
  }

  /** Startup stops with this; {@link AdminPasswordFailureAnalyzer} explains it. */
  static class AdminPasswordException extends IllegalStateException {
    AdminPasswordException(String message) {
      super(message);
    }
  }
}
