package org.communitylifecycle.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application on a random port, in the demo profile, on the test database. Integration
 * tests extend this class so that they share one Spring context, and so one engine: Spring reuses
 * a context only for identical configuration, and a {@code @DynamicPropertySource} method of each
 * test class's own would make every configuration different. Jobs do not run by themselves: tests
 * move the clock and run them. Mail is on for every integration test, against the in-process SMTP
 * server of {@link TestSmtp}, so that the whole suite runs with the task listeners that queue mail.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
        "camunda.bpm.job-execution.enabled=false",
        // Likewise the mail outbox's poller: tests call it after moving the clock.
        "community-lifecycle.mail.poll-interval=PT1H",
        // The demo profile's live redeploy would watch the repository's folders and deploy into the test database.
        "community-lifecycle.models.live-redeploy=false",
        // Spring Boot's tests turn metrics export off unless asked; /actuator/prometheus is part of the app.
        "management.prometheus.metrics.export.enabled=true"})
@ActiveProfiles("demo")
public abstract class RunningApplication {

  @Autowired private TestRestTemplate demoRest;

  @DynamicPropertySource
  static void databaseAndMail(DynamicPropertyRegistry registry) {
    TestDatabase.Connection db = TestDatabase.forSpring();
    registry.add("spring.datasource.url", db::url);
    registry.add("spring.datasource.username", db::user);
    registry.add("spring.datasource.password", db::password);
    registry.add("spring.mail.host", TestSmtp::host);
    registry.add("spring.mail.port", TestSmtp::port);
    registry.add("community-lifecycle.sources.gharchive-root", TestGhArchive::root);
  }

  /** The tasks the REST API lists for the query, asked as the demo user (password "demo"). */
  protected List<Map<String, Object>> restTasks(String user, String query) {
    return demoRest.withBasicAuth(user, "demo").exchange("/engine-rest/task?" + query, HttpMethod.GET, null,
        new ParameterizedTypeReference<List<Map<String, Object>>>() {}).getBody();
  }

  /** GETs the path as the demo user (password "demo"), which must answer 200. */
  protected <T> T restGet(String user, String path, Class<T> type) {
    ResponseEntity<T> response = demoRest.withBasicAuth(user, "demo").getForEntity(path, type);
    assertThat(response.getStatusCode()).as("GET %s as %s", path, user).isEqualTo(HttpStatus.OK);
    return response.getBody();
  }
}
