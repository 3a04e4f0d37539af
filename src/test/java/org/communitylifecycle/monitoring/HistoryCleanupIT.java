package org.communitylifecycle.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.communitylifecycle.testsupport.RunningApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The engine's history cleanup (application.yaml: removal-time-based, window 01:00-05:00) removes
 * an instance's history once its time to live has passed, and nothing younger.
 */
class HistoryCleanupIT extends RunningApplication {

  private static final String KEY = "history-cleanup-probe";
  private static final long DAY = 24L * 60 * 60 * 1000;

  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired ManagementService management;

  private String deploymentId;

  @AfterEach
  void resetClockAndUndeploy() {
    ClockUtil.reset();
    if (deploymentId != null) {
      repository.deleteDeployment(deploymentId, true);
    }
  }

  @Test
  void anEndedInstanceIsRemovedOnceItsTimeToLiveHasPassed() {
    deploymentId = repository.createDeployment().name(KEY)
        .addModelInstance(KEY + ".bpmn", Bpmn.createExecutableProcess(KEY).camundaHistoryTimeToLive(1)
            .startEvent().endEvent().done())
        .deploy().getId();
    Date start = new Date();
    ClockUtil.setCurrentTime(start);
    String ended = runtime.startProcessInstanceByKey(KEY).getId();
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(ended).singleResult().getRemovalTime())
        .as("removal time = end + P1D").isEqualTo(new Date(start.getTime() + DAY));

    ClockUtil.setCurrentTime(new Date(start.getTime() + DAY / 2));
    runCleanup();
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(ended).count())
        .as("still within its time to live").isEqualTo(1);

    ClockUtil.setCurrentTime(new Date(start.getTime() + DAY + 60_000));
    runCleanup();
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(ended).count()).isZero();
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(ended).count()).isZero();
  }

  /** What the job executor does in the batch window; jobs do not run by themselves in the ITs. */
  private void runCleanup() {
    history.cleanUpHistoryAsync(true);
    List<Job> jobs = history.findHistoryCleanupJobs();
    assertThat(jobs).isNotEmpty();
    for (Job job : jobs) {
      management.executeJob(job.getId());
    }
  }
}
