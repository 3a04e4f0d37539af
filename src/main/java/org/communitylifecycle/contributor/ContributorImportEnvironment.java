package org.communitylifecycle.contributor;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * A command-line import runs the application only to import and stop: no web server (so it does
 * not collide with a running instance's port) and no job executor (so it takes no jobs from one).
 */
class ContributorImportEnvironment implements EnvironmentPostProcessor {

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    if (environment.containsProperty(ContributorImportCommand.OPTION)) {
      environment.getPropertySources().addFirst(new MapPropertySource("contributor-import", Map.of(
          "spring.main.web-application-type", "none",
          "camunda.bpm.job-execution.enabled", "false")));
    }
  }
}
