package org.communitylifecycle.contributor;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * A command-line import runs the application only to import and stop: its web server listens on a
 * free port, so it does not collide with a running instance, and its job executor stays off, so it
 * takes no jobs from one. (The engine's REST API needs a web server, so there has to be one.)
 */
class ContributorImportEnvironment implements EnvironmentPostProcessor {

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    if (environment.containsProperty(ContributorImportCommand.OPTION)) {
      environment.getPropertySources().addFirst(new MapPropertySource("contributor-import", Map.of(
          "server.port", "0",
          "camunda.bpm.job-execution.enabled", "false")));
    }
  }
}
