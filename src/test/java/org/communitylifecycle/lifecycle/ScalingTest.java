package org.communitylifecycle.lifecycle;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.communitylifecycle.lifecycle.StageTestSupport.*;

import java.time.Duration;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.communitylifecycle.testsupport.FakeContributorFigures;
import org.communitylifecycle.testsupport.StageDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.communitylifecycle.milestone.MilestoneContract;

/** Every path through processes/scaling.bpmn. */
@Deployment(resources = {"processes/scaling.bpmn", "processes/milestone.bpmn", "processes/stage-exit-criteria.dmn"})
class ScalingTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = StageDriver.coverage(MilestoneContract.PROCESS_KEY);

  static final String STAGE = "scaling";
  static final String KEY = "common-voice-kenya";

  ProcessEngine processEngine;
  FakeContributorFigures figures = new FakeContributorFigures();
  StageDriver driver;

  @BeforeEach
  void setUp() {
    driver = StageDriver.ready(processEngine, figures, ENTERED);
  }

  @AfterEach
  void tearDown() {
    StageDriver.reset(processEngine);
  }

  @Test
  void scalingCompletesWhenActiveContributorsGrewTenfoldAndANewCoreMemberWasMentored() {
    ProcessInstance stage = startStage(processEngine, STAGE, "Common Voice Kenya");
    assertThat(stage).isWaitingAt("CallActivity_RecruitCoreMembers", "CallActivity_OfferLeadership",
        "CallActivity_ConnectToOtherTeams", "CallActivity_CommunicateRegularly");
    figures.activeOn(today(), 6).active(60).newCoreMembers(1);
    driver.acceptAll(KEY);
    later(Duration.ofDays(120));
    driver.measure(KEY);

    assertThat(stage).isWaitingAt(StageContract.TASK_REVIEW_STAGE_EXIT).variables()
        .containsEntry("activeAtStageEntry", 6L).containsEntry("activeContributors", 60L)
        .containsEntry("newCoreMembers", 1L).containsEntry("exitCriteriaMet", true);
    // Active at entry counts as of the entry date, active now as of today; new core members since entry.
    Assertions.assertThat(figures.asked()).contains("activeContributors common-voice-kenya 2026-03-02",
        "activeContributors common-voice-kenya " + today(), "newCoreMembersSince common-voice-kenya 2026-03-02");
    driver.review(KEY, "advance", null);

    assertThat(stage).hasPassed("EndEvent_StageCompleted").isEnded();
    Assertions.assertThat(history(processEngine, KEY)).singleElement()
        .satisfies(stay -> Assertions.assertThat(stay.decision()).isEqualTo("advanced"));
  }

  @Test
  void belowTenfoldTheLiaisonHoldsAndTheReviewComesBack() {
    ProcessInstance stage = startStage(processEngine, STAGE, "Common Voice Kenya");
    figures.activeOn(today(), 6).active(45).newCoreMembers(2);
    driver.acceptAll(KEY);
    later(Duration.ofDays(60));
    driver.measure(KEY);
    assertThat(stage).variables().containsEntry("exitCriteriaMet", false);
    Assertions.assertThat((String) runtimeService().getVariable(stage.getId(), "exitCriteriaSummary"))
        .isEqualTo("Active contributors: 45 now, 6 at stage entry; 10 times that (60) are needed.");

    driver.review(KEY, "hold", "The Swahili sprint in June should bring the rest");
    fire(processEngine, "Timer_ReviewStageExitAgain");
    figures.active(64);
    driver.measure(KEY);

    assertThat(stage).isWaitingAt(StageContract.TASK_REVIEW_STAGE_EXIT).variables()
        .containsEntry("activeContributors", 64L).containsEntry("exitCriteriaMet", true);
    driver.review(KEY, "advance", null);
    assertThat(stage).isEnded();
  }

  @Test
  void milestonesGetTheSeedsRolesAndDeliverables() {
    startStage(processEngine, STAGE, "Common Voice Kenya");

    Assertions.assertThat(driver.deliverTasks(KEY)).hasSize(4).allSatisfy(t -> assertThat(t).isAssignedTo("alice"));
    Task mentoring = driver.deliverTask(KEY, "recruitCoreMembers");
    Assertions.assertThat(taskService().getVariables(mentoring.getId()))
        .containsEntry("milestoneName", "Recruit and mentor new core members")
        .containsEntry("deliverable", "Documentation of the mentoring of new core members: who mentors whom, and how far they are")
        .containsEntry("responsibleGroup", "activators-" + KEY).containsEntry("supportGroup", "liaisons-" + KEY)
        .containsEntry("stage", STAGE);
  }
}
