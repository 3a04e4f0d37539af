package org.communitylifecycle.source;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import java.time.Instant;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.communitylifecycle.contributor.SourcedEvent;
import org.communitylifecycle.contributor.SourcedEvent.Account;
import org.communitylifecycle.engine.AppClock;
import org.communitylifecycle.testsupport.TestProcessEngineConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every path through processes/contribution-source-sync.bpmn, with the real stores and services
 * on the test database and a scripted kind: one batch, several batches, a rate limit waited out
 * on the engine clock, a removed source, and a failure that becomes an incident.
 */
@Deployment(resources = {"processes/contribution-source-sync.bpmn", "processes/contributor-tier.dmn"})
class ContributionSourceSyncTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine =
      ProcessEngineCoverageExtension.builder(TestProcessEngineConfiguration.RESOURCE).assertClassCoverageAtLeast(1.0).build();

  static final Instant NOW = Instant.parse("2026-09-30T10:00:00Z");

  ProcessEngine processEngine;
  SourceFixture fixture;

  @BeforeEach
  void setUp() {
    init(processEngine);
    AppClock.set(NOW);
    fixture = new SourceFixture(processEngine);
  }

  @AfterEach
  void tearDown() {
    AppClock.reset();
    Mocks.reset();
  }

  static SourcedEvent issue(String login, String day, int number) {
    return new SourcedEvent(Instant.parse(day + "T12:00:00Z"), "issue",
        "https://github.com/mozilla/kitsune/issues/" + number, List.of(Account.github(login)));
  }

  ProcessInstance run(long sourceId) {
    return runtimeService().createProcessInstanceQuery().processInstanceBusinessKey("source-" + sourceId).singleResult();
  }

  static Job jobOf(ProcessInstance instance) {
    return managementService().createJobQuery().processInstanceId(instance.getId()).singleResult();
  }

  @Test
  void oneBatchIsWrittenAndTheSyncEnds() {
    fixture.kind.answers.add(() -> SyncBatch.of(List.of(issue("kiki-m", "2026-09-03", 1), issue("rosana-ortiz", "2026-09-04", 2)),
        "{\"page\":2}", false));
    SourceViews.Source source = fixture.add("kitsune on GitHub");
    ProcessInstance sync = run(source.id());
    assertThat(sync).isWaitingAt("ServiceTask_FetchBatch");

    execute(jobOf(sync));

    assertThat(sync).isEnded().hasPassed("EndEvent_Synced");
    SourceStore.Stored stored = fixture.store.find(source.id()).orElseThrow();
    Assertions.assertThat(stored.cursor()).isEqualTo("{\"page\":2}");
    Assertions.assertThat(stored.lastStatus()).isEqualTo("ok");
    Assertions.assertThat(stored.lastSyncAdded()).isEqualTo(2);
    Assertions.assertThat(stored.lastSyncAt()).isEqualTo(NOW);
    // The token reached the kind decrypted; the database holds it sealed only.
    Assertions.assertThat(fixture.kind.requests.get(0).credential()).isEqualTo("ghp_secret123");
    Assertions.assertThat(stored.sealedCredential()).doesNotContain("ghp_secret123");
    Assertions.assertThat(fixture.jdbc.sql("select c.handle, a.contributed_on, a.kind from cl_contribution a join cl_contributor c"
            + " on c.id = a.contributor_id where a.source_id = :id order by c.handle")
        .param("id", source.id()).query((rs, n) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3)).list())
        .containsExactly("kiki-m 2026-09-03 issue", "rosana-ortiz 2026-09-04 issue");
  }

  @Test
  void moreToFetchLoopsBackOneJobPerBatchAndAddsNothingTwice() {
    fixture.kind.answers.add(() -> SyncBatch.of(List.of(issue("kiki-m", "2026-09-03", 1)), "{\"page\":2}", true));
    fixture.kind.answers.add(() -> SyncBatch.of(List.of(issue("kiki-m", "2026-09-03", 1), issue("kiki-m", "2026-09-05", 3)),
        "{\"page\":3}", false));
    SourceViews.Source source = fixture.add("kitsune on GitHub");
    ProcessInstance sync = run(source.id());

    execute(jobOf(sync));
    assertThat(sync).isWaitingAt("ServiceTask_FetchBatch");
    Assertions.assertThat(fixture.kind.requests.get(0).cursor()).isNull();
    execute(jobOf(sync));

    assertThat(sync).isEnded().hasPassed("EndEvent_Synced");
    Assertions.assertThat(historyService().createHistoricActivityInstanceQuery().processInstanceId(sync.getId())
        .activityId("ServiceTask_FetchBatch").count()).isEqualTo(2);
    Assertions.assertThat(fixture.kind.requests.get(1).cursor()).isEqualTo("{\"page\":2}");
    SourceStore.Stored stored = fixture.store.find(source.id()).orElseThrow();
    Assertions.assertThat(stored.lastSyncAdded()).isEqualTo(2);
    Assertions.assertThat(fixture.store.contributed(source.id())).isEqualTo(new SourceStore.Contributed(2, 1));
  }

  @Test
  void aRateLimitIsWaitedOutOnTheEngineClock() {
    Instant reset = NOW.plusSeconds(1800);
    fixture.kind.answers.add(() -> {
      throw SourceFailure.rateLimited("GitHub rate limit of 'kitsune on GitHub' is used up until 10:30 UTC", reset);
    });
    fixture.kind.answers.add(() -> SyncBatch.of(List.of(issue("kiki-m", "2026-09-03", 1)), "{\"page\":2}", false));
    SourceViews.Source source = fixture.add("kitsune on GitHub");
    ProcessInstance sync = run(source.id());

    execute(jobOf(sync));

    assertThat(sync).isWaitingAt("Timer_RateLimitReset");
    Job timer = jobOf(sync);
    Assertions.assertThat(timer.getDuedate().toInstant()).isEqualTo(reset);
    SourceStore.Stored waiting = fixture.store.find(source.id()).orElseThrow();
    Assertions.assertThat(waiting.lastStatus()).isEqualTo("rate-limited");
    Assertions.assertThat(waiting.lastMessage()).isEqualTo("GitHub rate limit of 'kitsune on GitHub' is used up until 10:30 UTC;"
        + " the sync waits and goes on at 2026-09-30 10:30 UTC");

    AppClock.set(reset);
    execute(timer);
    execute(jobOf(sync));

    assertThat(sync).isEnded().hasPassed("Timer_RateLimitReset", "EndEvent_Synced");
    Assertions.assertThat(fixture.store.find(source.id()).orElseThrow().lastStatus()).isEqualTo("ok");
  }

  @Test
  void aRemovedSourceEndsItsSyncAndKeepsWhatItBrought() {
    SourceViews.Source source = fixture.add("kitsune on GitHub");
    ProcessInstance sync = run(source.id());
    fixture.sources.remove(fixture.community, source.id(), "bob", List.of("cbt-liaisons"));

    execute(jobOf(sync));

    assertThat(sync).isEnded().hasPassed("EndEvent_SourceRemoved");
    Assertions.assertThat(fixture.kind.requests).isEmpty();
    SourceStore.Stored removed = fixture.store.find(source.id()).orElseThrow();
    Assertions.assertThat(removed.removedAt()).isNotNull();
    Assertions.assertThat(removed.sealedCredential()).isNull();
  }

  @Test
  void aSourceThatKeepsFailingRaisesAnIncidentWithItsMessage() {
    String message = "GitHub refused the token of 'kitsune on GitHub' (401 Bad credentials): replace the token of the source";
    for (int i = 0; i < 4; i++) {
      fixture.kind.answers.add(() -> {
        throw new SourceFailure(SourceFailure.Reason.BAD_CREDENTIAL, message);
      });
    }
    SourceViews.Source source = fixture.add("kitsune on GitHub");
    ProcessInstance sync = run(source.id());

    // The first try and three retries (1, 5 and 30 minutes later), each on the engine clock.
    Instant clock = NOW;
    for (int attempt = 0; attempt < 4; attempt++) {
      Job job = jobOf(sync);
      AppClock.set(clock = job.getDuedate() == null ? clock : job.getDuedate().toInstant());
      try {
        managementService().executeJob(job.getId());
      } catch (SourceFailure expected) {
        Assertions.assertThat(expected.getMessage()).isEqualTo(message);
      }
    }

    assertThat(sync).isWaitingAt("ServiceTask_FetchBatch");
    Incident incident = runtimeService().createIncidentQuery().processInstanceId(sync.getId()).singleResult();
    Assertions.assertThat(incident.getIncidentMessage()).isEqualTo(message);
    Assertions.assertThat(clock).isEqualTo(NOW.plusSeconds(60 + 300 + 1800));
    SourceStore.Stored failing = fixture.store.find(source.id()).orElseThrow();
    Assertions.assertThat(failing.lastStatus()).isEqualTo("failing");
    Assertions.assertThat(failing.lastMessage()).isEqualTo(message);
    Assertions.assertThat(failing.cursor()).isNull();
    // While the incident is open, no second run starts; "sync now", once the cause is fixed, retries this one.
    Assertions.assertThat(fixture.sources.startRun(source.id())).isFalse();
    fixture.kind.answers.add(() -> SyncBatch.of(List.of(issue("kiki-m", "2026-09-03", 1)), "{\"page\":2}", false));
    fixture.sources.syncNow(fixture.community, source.id(), "bob", List.of("cbt-liaisons"));
    Assertions.assertThat(runtimeService().createIncidentQuery().processInstanceId(sync.getId()).count()).isZero();
    execute(jobOf(sync));
    assertThat(sync).isEnded().hasPassed("EndEvent_Synced");
    Assertions.assertThat(fixture.store.find(source.id()).orElseThrow().lastStatus()).isEqualTo("ok");
  }
}
