package org.communitylifecycle.source;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.communitylifecycle.engine.AppClock;
import org.communitylifecycle.source.github.GitHubSource;
import org.communitylifecycle.testsupport.TestProcessEngineConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The GitHub kind through the sync process, against recorded answers of the REST API (WireMock):
 * the exact contributions stored and whom they are credited to, then a token GitHub refuses,
 * retried with backoff on the engine clock until the incident carries GitHub's reason, and a rate
 * limit that the sync waits out.
 */
@Deployment(resources = {"processes/contribution-source-sync.bpmn", "processes/contributor-tier.dmn"})
class GitHubSyncTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine =
      ProcessEngineCoverageExtension.builder(TestProcessEngineConfiguration.RESOURCE).build();

  @RegisterExtension
  static WireMockExtension github = WireMockExtension.newInstance()
      .options(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort())
      .build();

  static final Instant NOW = Instant.parse("2024-05-01T10:00:00Z");
  static final String REPO = "/repos/mozilla/kitsune";

  ProcessEngine processEngine;
  SourceFixture fixture;

  @BeforeEach
  void setUp() {
    init(processEngine);
    AppClock.set(NOW);
    fixture = new SourceFixture(processEngine, List.of(new GitHubSource()));
  }

  @AfterEach
  void tearDown() {
    AppClock.reset();
    Mocks.reset();
  }

  static String file(String name) {
    try {
      return Files.readString(Path.of("src/test/resources/sources/github", name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
    return aResponse().withHeader("Content-Type", "application/json").withBody(body);
  }

  /** One page of each stream of mozilla/kitsune, as GitHub answered them (src/test/resources/sources/github). */
  void stubKitsune() {
    github.stubFor(get(urlPathEqualTo(REPO + "/issues")).willReturn(json(file("issues-page1.json"))));
    github.stubFor(get(urlPathEqualTo(REPO + "/issues/comments")).willReturn(json(file("issue-comments.json"))));
    github.stubFor(get(urlPathEqualTo(REPO + "/pulls/comments")).willReturn(json(file("pull-comments.json"))));
    github.stubFor(get(urlPathEqualTo(REPO + "/commits")).willReturn(json(file("commits.json"))));
    github.stubFor(get(urlPathEqualTo(REPO + "/pulls/6102/reviews")).willReturn(json(file("reviews-6102.json"))));
  }

  SourceViews.Source addGitHub() {
    return fixture.sources.add(fixture.community, "kitsune on GitHub", "github",
        Map.of("repositories", "mozilla/kitsune", "apiUrl", github.baseUrl()), "ghp_kitsuneToken", "PT1H", "bob",
        List.of("cbt-liaisons"));
  }

  ProcessInstance runOf(long sourceId) {
    return runtimeService().createProcessInstanceQuery().processInstanceBusinessKey("source-" + sourceId).singleResult();
  }

  Job jobOf(ProcessInstance run) {
    return managementService().createJobQuery().processInstanceId(run.getId()).singleResult();
  }

  @Test
  void aSyncStoresEachContributionOnceCreditedToItsPerson() {
    stubKitsune();
    SourceViews.Source source = addGitHub();
    ProcessInstance sync = runOf(source.id());

    execute(jobOf(sync));

    assertThat(sync).isEnded().hasPassed("EndEvent_Synced");
    Assertions.assertThat(fixture.jdbc.sql("""
            select c.handle, a.contributed_on, a.kind, a.reference, i.kind, i.identity_value
            from cl_contribution a join cl_contributor c on c.id = a.contributor_id
            join cl_contributor_identity i on i.id = a.identity_id
            where a.source_id = :id order by c.handle, a.contributed_on, a.kind""")
        .param("id", source.id())
        .query((rs, n) -> String.join(" ", rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5) + ":" + rs.getString(6)))
        .list()).containsExactly(
            "akatsoulas 2024-04-29 issue https://github.com/mozilla/kitsune/issues/6101 github:akatsoulas",
            "akatsoulas 2024-04-30 comment https://github.com/mozilla/kitsune/pull/6102#discussion_r1585000001 github:akatsoulas",
            "akatsoulas 2024-04-30 review https://github.com/mozilla/kitsune/pull/6102#pullrequestreview-2030000001 github:akatsoulas",
            "escattone 2024-04-30 comment https://github.com/mozilla/kitsune/issues/6101#issuecomment-2087000002 github:escattone",
            "escattone 2024-04-30 commit https://github.com/mozilla/kitsune/commit/8f2c1e0a9b7d6c5e4f3a2b1c0d9e8f7a6b5c4d3e github:escattone",
            "escattone 2024-04-30 pull-request https://github.com/mozilla/kitsune/pull/6102 github:escattone",
            "escattone 2024-05-01 merge https://github.com/mozilla/kitsune/pull/6102 github:escattone",
            "jo 2024-04-28 commit https://github.com/mozilla/kitsune/commit/1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d email:jo@example.org");
    // sumo-bot, on the bots list of the settings, commented too: left out.
    // The commit named escattone's login and address: one person with both accounts.
    Assertions.assertThat(fixture.jdbc.sql("""
            select i.kind || ':' || i.identity_value from cl_contributor_identity i join cl_contributor c on c.id = i.contributor_id
            where c.community_key = :community and c.handle = 'escattone' order by i.kind""")
        .param("community", fixture.community).query(String.class).list())
        .containsExactly("email:rjohnson@mozilla.com", "github:escattone");
    SourceStore.Stored stored = fixture.store.find(source.id()).orElseThrow();
    Assertions.assertThat(stored.lastStatus()).isEqualTo("ok");
    Assertions.assertThat(stored.lastSyncAdded()).isEqualTo(8);
    Assertions.assertThat(stored.cursor()).contains("mozilla/kitsune");
    github.verify(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlPathEqualTo(REPO + "/issues"))
        .withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.equalTo("Bearer ghp_kitsuneToken")));

    // Syncing again adds nothing.
    fixture.sources.syncNow(fixture.community, source.id(), "bob", List.of("cbt-liaisons"));
    ProcessInstance again = runOf(source.id());
    execute(jobOf(again));
    Assertions.assertThat(fixture.store.find(source.id()).orElseThrow().lastSyncAdded()).isZero();
    Assertions.assertThat(fixture.store.contributed(source.id())).isEqualTo(new SourceStore.Contributed(8, 3));
  }

  @Test
  void aRefusedTokenIsRetriedWithBackoffThenAnIncidentSaysToReplaceItAndANewTokenResumesTheSync() {
    github.stubFor(get(urlPathEqualTo(REPO + "/issues")).willReturn(json(file("bad-credentials.json")).withStatus(401)));
    SourceViews.Source source = addGitHub();
    ProcessInstance sync = runOf(source.id());
    String message = "GitHub refused the token of 'kitsune on GitHub' (401 Bad credentials): replace the token of the source";

    Instant clock = NOW;
    List<Instant> attempts = new java.util.ArrayList<>();
    for (int attempt = 0; attempt < 4; attempt++) {
      Job job = jobOf(sync);
      clock = job.getDuedate() == null ? clock : job.getDuedate().toInstant();
      AppClock.set(clock);
      attempts.add(clock);
      Assertions.assertThatThrownBy(() -> managementService().executeJob(job.getId())).hasMessage(message);
    }

    Assertions.assertThat(attempts.subList(1, 4)).containsExactly(NOW.plusSeconds(60), NOW.plusSeconds(360),
        NOW.plusSeconds(2160));
    Incident incident = runtimeService().createIncidentQuery().processInstanceId(sync.getId()).singleResult();
    Assertions.assertThat(incident.getIncidentMessage()).isEqualTo(message);
    Assertions.assertThat(fixture.store.find(source.id()).orElseThrow().lastMessage()).isEqualTo(message);
    Assertions.assertThat(fixture.store.contributed(source.id()).contributions()).isZero();

    // The liaison replaces the token: the stopped sync tries again at once, with the new one.
    github.resetAll();
    stubKitsune();
    fixture.sources.change(fixture.community, source.id(), null, "ghp_renewedToken", false, null, "bob",
        List.of("cbt-liaisons"));
    Assertions.assertThat(runtimeService().createIncidentQuery().processInstanceId(sync.getId()).count()).isZero();
    execute(jobOf(sync));
    assertThat(sync).isEnded().hasPassed("EndEvent_Synced");
    Assertions.assertThat(fixture.store.contributed(source.id()).contributions()).isEqualTo(8);
    github.verify(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlPathEqualTo(REPO + "/issues"))
        .withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.equalTo("Bearer ghp_renewedToken")));
  }

  @Test
  void aRateLimitMakesTheSyncWaitUntilItsReset() {
    long reset = NOW.plusSeconds(1500).getEpochSecond();
    github.stubFor(get(urlPathEqualTo(REPO + "/issues")).willReturn(json(file("rate-limited.json")).withStatus(403)
        .withHeader("X-RateLimit-Remaining", "0").withHeader("X-RateLimit-Reset", String.valueOf(reset))));
    SourceViews.Source source = addGitHub();
    ProcessInstance sync = runOf(source.id());

    execute(jobOf(sync));

    assertThat(sync).isWaitingAt("Timer_RateLimitReset");
    Assertions.assertThat(jobOf(sync).getDuedate().toInstant()).isEqualTo(Instant.ofEpochSecond(reset));
    SourceStore.Stored waiting = fixture.store.find(source.id()).orElseThrow();
    Assertions.assertThat(waiting.lastStatus()).isEqualTo("rate-limited");
    Assertions.assertThat(waiting.lastMessage()).isEqualTo("GitHub rate limit of 'kitsune on GitHub' is used up until"
        + " 10:25 UTC; the sync waits and goes on at 2024-05-01 10:25 UTC");

    github.resetAll();
    stubKitsune();
    AppClock.set(Instant.ofEpochSecond(reset));
    execute(jobOf(sync));
    execute(jobOf(sync));

    assertThat(sync).isEnded().hasPassed("Timer_RateLimitReset", "EndEvent_Synced");
    Assertions.assertThat(fixture.store.contributed(source.id()).contributions()).isEqualTo(8);
  }
}
