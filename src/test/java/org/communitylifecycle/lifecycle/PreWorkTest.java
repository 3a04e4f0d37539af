package org.communitylifecycle.lifecycle;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.communitylifecycle.lifecycle.StageTestSupport.*;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.communitylifecycle.testsupport.FakeContributorFigures;
import org.communitylifecycle.testsupport.ProcessBeans;
import org.communitylifecycle.testsupport.StageDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.communitylifecycle.milestone.MilestoneContract;

/** Every path through processes/pre-work.bpmn. */
@Deployment(resources = {"processes/pre-work.bpmn", "processes/milestone.bpmn", "processes/stage-exit-criteria.dmn"})
class PreWorkTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = StageDriver.coverage(MilestoneContract.PROCESS_KEY);

  static final String STAGE = "pre-work";
  static final String KEY = "firefox-nightly-testers";

  ProcessEngine processEngine;
  StageDriver driver;

  @BeforeEach
  void setUp() {
    driver = StageDriver.ready(processEngine, new FakeContributorFigures(), ENTERED);
  }

  @AfterEach
  void tearDown() {
    StageDriver.reset(processEngine);
  }

  @Test
  void preWorkCompletesOnceTheActivatorIsAppointedAndCommitted() {
    ProcessInstance stage = startStage(processEngine, STAGE, "Firefox Nightly Testers");

    assertThat(stage).isWaitingAt("CallActivity_AttendWorkshop", "CallActivity_UnderstandLifecycle",
        "CallActivity_CommitToCbtPartner");
    Assertions.assertThat(driver.acceptAll(KEY))
        .containsExactlyInAnyOrder("attendWorkshop", "understandLifecycle", "commitToCbtPartner");
    assertThat(stage).isWaitingAt("ServiceTask_MeasureExitCriteria");
    later(Duration.ofDays(20));
    driver.measure(KEY);

    assertThat(stage).isWaitingAt(StageContract.TASK_REVIEW_STAGE_EXIT).variables()
        .containsEntry("activatorAppointed", true).containsEntry("exitCriteriaMet", true)
        .containsEntry("exitCriteriaMeasuredOn", "2026-03-22");
    Task review = driver.reviewTask(KEY);
    assertThat(review).isAssignedTo("bob").hasName("Review stage exit: Pre-work (Firefox Nightly Testers)");
    Assertions.assertThat(driver.candidateGroups(review)).containsExactly("liaisons-" + KEY);
    driver.review(KEY, "advance", null);

    assertThat(stage).hasPassed("EndEvent_StageCompleted").isEnded();
    Assertions.assertThat(history(processEngine, KEY)).singleElement().satisfies(stay -> {
      Assertions.assertThat(stay.stage()).isEqualTo(STAGE);
      Assertions.assertThat(stay.decision()).isEqualTo("advanced");
      Assertions.assertThat(stay.enteredAt()).isEqualTo(ENTERED);
      Assertions.assertThat(stay.leftAt()).isEqualTo(ENTERED.plus(Duration.ofDays(20)));
    });
  }

  @Test
  void droppedCommitmentLeavesTheActivatorUnappointedAndTheLiaisonHolds() {
    ProcessInstance stage = startStage(processEngine, STAGE, "Firefox Nightly Testers");
    driver.drop(KEY, "commitToCbtPartner", "The activator moved to another team");
    driver.acceptAll(KEY);
    driver.measure(KEY);

    assertThat(stage).isWaitingAt(StageContract.TASK_REVIEW_STAGE_EXIT).variables()
        .containsEntry("activatorAppointed", false).containsEntry("exitCriteriaMet", false);
    Assertions.assertThat((String) runtimeService().getVariable(stage.getId(), "exitCriteriaSummary"))
        .startsWith("No activator is appointed yet");
    driver.review(KEY, "hold", "A new activator is being hired");

    assertThat(stage).isWaitingAt("Timer_ReviewStageExitAgain");
    Assertions.assertThat(job(processEngine, "Timer_ReviewStageExitAgain").getDuedate())
        .isEqualTo(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(30))));
    fire(processEngine, "Timer_ReviewStageExitAgain");
    driver.measure(KEY);

    assertThat(stage).isWaitingAt(StageContract.TASK_REVIEW_STAGE_EXIT);
    driver.review(KEY, "advance", "erin takes over as activator and committed in the kick-off call");
    assertThat(stage).isEnded();
  }

  @Test
  void exitCriteriaWithoutContributorFiguresWaitAsAnIncident() {
    ProcessBeans.register(processEngine, null);
    ProcessInstance stage = startStage(processEngine, STAGE, "Firefox Nightly Testers");
    driver.acceptAll(KEY);

    Job measure = driver.measureJob(KEY);
    for (int attempt = 0; attempt < 3; attempt++) {
      assertThatThrownBy(() -> managementService().executeJob(measure.getId()))
          .hasMessageContaining("Cannot measure the exit criteria of 'firefox-nightly-testers': no ContributorFigures is available");
    }

    assertThat(stage).isWaitingAt("ServiceTask_MeasureExitCriteria");
    Incident incident = runtimeService().createIncidentQuery().processInstanceId(stage.getId()).singleResult();
    Assertions.assertThat(incident.getActivityId()).isEqualTo("ServiceTask_MeasureExitCriteria");
    Assertions.assertThat(incident.getIncidentMessage()).contains("once it is deployed, retry this job");
    Assertions.assertThat(driver.reviewTask(KEY)).isNull();
  }

  @Test
  void milestonesGetTheSeedsRolesAndDeliverables() {
    startStage(processEngine, STAGE, "Firefox Nightly Testers");

    Assertions.assertThat(driver.deliverTasks(KEY)).hasSize(3).allSatisfy(t -> assertThat(t).isAssignedTo("alice"));
    Task commitment = driver.deliverTask(KEY, "commitToCbtPartner");
    Assertions.assertThat(taskService().getVariables(commitment.getId()))
        .containsEntry("milestoneName", "Commit to work with a CBT partner")
        .containsEntry("deliverable", "The activator's commitment, agreed with the CBT partner: time, scope and check-ins")
        .containsEntry("responsibleUser", "alice").containsEntry("responsibleGroup", "activators-" + KEY)
        .containsEntry("supportUser", "bob").containsEntry("supportGroup", "liaisons-" + KEY)
        .containsEntry("stage", STAGE);
    Assertions.assertThat(List.of(driver.deliverTask(KEY, "attendWorkshop"), driver.deliverTask(KEY, "understandLifecycle")))
        .extracting(t -> taskService().getVariable(t.getId(), "milestoneName"))
        .containsExactly("Attend the participation-readiness workshop",
            "Understand the lifecycle and the community-building pillars");
  }
}
