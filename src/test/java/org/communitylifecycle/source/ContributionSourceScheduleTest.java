package org.communitylifecycle.source;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import java.time.Instant;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.communitylifecycle.engine.AppClock;
import org.communitylifecycle.testsupport.TestProcessEngineConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * processes/contribution-source-schedule.bpmn: its five-minute timer starts a sync of each source
 * whose interval has passed, and none of a source synced recently or whose sync is still running.
 */
@Deployment(resources = {"processes/contribution-source-schedule.bpmn", "processes/contribution-source-sync.bpmn",
    "processes/contributor-tier.dmn"})
class ContributionSourceScheduleTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine =
      ProcessEngineCoverageExtension.builder(TestProcessEngineConfiguration.RESOURCE).build();

  static final Instant NOW = Instant.parse("2026-09-30T10:00:00Z");

  ProcessEngine processEngine;
  SourceFixture fixture;

  @BeforeEach
  void setUp() {
    init(processEngine);
    AppClock.set(NOW);
    fixture = new SourceFixture(processEngine);
    // The schedule looks at every source: those other tests left in the shared test database are removed.
    fixture.jdbc.sql("update cl_source set removed_at = current_timestamp where community_key <> :mine and removed_at is null")
        .param("mine", fixture.community).update();
  }

  @AfterEach
  void tearDown() {
    AppClock.reset();
    Mocks.reset();
  }

  @Test
  void everyFiveMinutesTheSourcesThatAreDueStartASync() {
    // Synced an hour ago (due), synced ten minutes ago (not due), and one whose first sync still runs.
    SourceViews.Source due = fixture.add("kitsune on GitHub");
    SourceViews.Source recent = fixture.add("kitsune docs");
    SourceViews.Source busy = fixture.add("kitsune forum");
    for (SourceViews.Source synced : List.of(due, recent)) {
      AppClock.set(synced == due ? NOW.minusSeconds(3600) : NOW.minusSeconds(600));
      managementService().executeJob(syncJob(synced.id()).getId());
    }
    AppClock.set(NOW);
    String busyRun = fixture.store.find(busy.id()).orElseThrow().processInstanceId();

    Job timer = managementService().createJobQuery().processDefinitionKey("contribution-source-schedule").timers().singleResult();
    managementService().executeJob(timer.getId());

    HistoricProcessInstance schedule = historyService().createHistoricProcessInstanceQuery()
        .processDefinitionKey("contribution-source-schedule").singleResult();
    assertThat(processInstanceQuery().processInstanceId(schedule.getId()).singleResult()).isNull();
    Assertions.assertThat(historyService().createHistoricActivityInstanceQuery().processInstanceId(schedule.getId())
        .activityId("EndEvent_SyncsStarted").count()).isEqualTo(1);
    Assertions.assertThat(historyService().createHistoricVariableInstanceQuery().processInstanceId(schedule.getId())
        .variableName("syncsStarted").singleResult().getValue()).isEqualTo(1);
    Assertions.assertThat(runningSyncs(due.id())).isEqualTo(1);
    Assertions.assertThat(runningSyncs(recent.id())).isZero();
    Assertions.assertThat(runningSyncs(busy.id())).isEqualTo(1);
    Assertions.assertThat(fixture.store.find(busy.id()).orElseThrow().processInstanceId()).isEqualTo(busyRun);
    // The timer goes on: the next run is five minutes later.
    Job next = managementService().createJobQuery().processDefinitionKey("contribution-source-schedule").timers().singleResult();
    Assertions.assertThat(next.getDuedate().toInstant()).isEqualTo(NOW.plusSeconds(300));
  }

  long runningSyncs(long sourceId) {
    return runtimeService().createProcessInstanceQuery().processInstanceBusinessKey("source-" + sourceId).count();
  }

  Job syncJob(long sourceId) {
    String run = fixture.store.find(sourceId).orElseThrow().processInstanceId();
    return managementService().createJobQuery().processInstanceId(run).singleResult();
  }
}
