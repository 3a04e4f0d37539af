package org.communitylifecycle.alumni;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.communitylifecycle.testsupport.TestProcessEngineConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The two deletions the engine's API lacks, on the test database (H2 or PostgreSQL). */
@Deployment(resources = "processes/alumni-network.bpmn")
class EngineRecordsTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder(TestProcessEngineConfiguration.RESOURCE).build();

  ProcessEngine processEngine;
  CohortDriver cohort;

  @BeforeEach
  void setUp() {
    cohort = new CohortDriver(processEngine, AlumniTestSupport.register(processEngine));
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-03-02T09:00:00Z")));
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    Mocks.reset();
  }

  @Test
  void oneCommentOfAFinishedInstanceIsDeleted() {
    cohort.start("Uma Nair, uma@example.org");
    Comment keep = processEngine.getTaskService().createComment(null, cohort.cohort.getId(), "Keep me");
    Comment erase = processEngine.getTaskService().createComment(null, cohort.cohort.getId(), "Erase me");
    processEngine.getRuntimeService().deleteProcessInstance(cohort.cohort.getId(), "test");

    Comment stored = processEngine.getTaskService().getProcessInstanceComments(cohort.cohort.getId()).stream()
        .filter(c -> c.getId().equals(erase.getId())).findFirst().orElseThrow();
    new EngineRecords(processEngine).deleteComment(stored);

    assertThat(processEngine.getTaskService().getProcessInstanceComments(cohort.cohort.getId()))
        .extracting(Comment::getId).containsExactly(keep.getId());
  }

  @Test
  void oneDetailIsDeleted() {
    cohort.start("Uma Nair, uma@example.org");
    processEngine.getRuntimeService().setVariable(cohort.cohort.getId(), "hostNotes", "first");
    processEngine.getRuntimeService().setVariable(cohort.cohort.getId(), "hostNotes", "second");
    HistoryService history = processEngine.getHistoryService();
    HistoricDetail first = history.createHistoricDetailQuery().processInstanceId(cohort.cohort.getId()).variableUpdates().list()
        .stream().filter(d -> "first".equals(((org.camunda.bpm.engine.history.HistoricVariableUpdate) d).getValue()))
        .findFirst().orElseThrow();

    new EngineRecords(processEngine).deleteDetail(first.getId());

    assertThat(history.createHistoricDetailQuery().detailId(first.getId()).count()).isZero();
    assertThat(history.createHistoricDetailQuery().processInstanceId(cohort.cohort.getId()).variableUpdates().list())
        .extracting(d -> ((org.camunda.bpm.engine.history.HistoricVariableUpdate) d).getValue()).contains("second");
  }
}
