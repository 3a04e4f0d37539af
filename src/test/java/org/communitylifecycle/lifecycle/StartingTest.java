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
import org.communitylifecycle.milestone.MilestoneContract;
import org.communitylifecycle.testsupport.FakeContributorFigures;
import org.communitylifecycle.testsupport.StageDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every path through processes/starting.bpmn. */
@Deployment(resources = {"processes/starting.bpmn", "processes/milestone.bpmn", "processes/stage-exit-criteria.dmn"})
class StartingTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = StageDriver.coverage(MilestoneContract.PROCESS_KEY);

  static final String STAGE = "starting";
  static final String KEY = "mozfest-volunteers";

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
  void startingCompletesWithADocumentedPathwayPrototypedByUpTo20People() {
    ProcessInstance stage = startStage(processEngine, STAGE, "MozFest Volunteers");
    assertThat(stage).isWaitingAt("CallActivity_BuildPathway", "CallActivity_ConnectToFunnel", "CallActivity_UnderstandRoles")
        .isNotWaitingAt("CallActivity_PrototypePathway");

    driver.accept(KEY, "buildPathway");
    assertThat(stage).isWaitingAt("CallActivity_PrototypePathway");
    driver.acceptAll(KEY);
    figures.contributors(14);
    driver.measure(KEY);

    assertThat(stage).isWaitingAt(StageContract.TASK_REVIEW_STAGE_EXIT).variables()
        .containsEntry("pathwayDocumented", true).containsEntry("prototypeSize", 14L).containsEntry("exitCriteriaMet", true);
    driver.review(KEY, "advance", null);
    assertThat(stage).hasPassed("CallActivity_PrototypePathway", "EndEvent_StageCompleted").isEnded();
    Assertions.assertThat(history(processEngine, KEY)).singleElement()
        .satisfies(stay -> Assertions.assertThat(stay.decision()).isEqualTo("advanced"));
  }

  @Test
  void droppedPathwaySkipsThePrototypeAndTheGateFindsNoPathway() {
    ProcessInstance stage = startStage(processEngine, STAGE, "MozFest Volunteers");

    driver.drop(KEY, "buildPathway", "The festival team builds its pathway with the Foundation instead");

    assertThat(stage).hasPassed("Gateway_PathwayWorkDone").hasNotPassed("CallActivity_PrototypePathway");
    Assertions.assertThat(MilestoneContract.resultOf(runtimeService().getVariables(stage.getId()), "buildPathway").outcome())
        .isEqualTo("dropped");
    driver.acceptAll(KEY);
    figures.contributors(8);
    driver.measure(KEY);
    assertThat(stage).variables().containsEntry("pathwayDocumented", false).containsEntry("exitCriteriaMet", false);
    Assertions.assertThat((String) runtimeService().getVariable(stage.getId(), "exitCriteriaSummary"))
        .startsWith("The pathway is not documented yet");

    driver.review(KEY, "hold", "Waiting for the Foundation's pathway");
    later(Duration.ofDays(3));
    fire(processEngine, "Timer_ReviewStageExitAgain");
    driver.measure(KEY);

    assertThat(stage).isWaitingAt(StageContract.TASK_REVIEW_STAGE_EXIT);
    Assertions.assertThat(history(processEngine, KEY)).singleElement().satisfies(stay -> {
      Assertions.assertThat(stay.decision()).isEqualTo("held");
      Assertions.assertThat(stay.reason()).isEqualTo("Waiting for the Foundation's pathway");
    });
  }

  @Test
  void milestonesGetTheSeedsRolesAndDeliverables() {
    startStage(processEngine, STAGE, "MozFest Volunteers");

    Task pathway = driver.deliverTask(KEY, "buildPathway");
    assertThat(pathway).isAssignedTo("alice");
    Assertions.assertThat(taskService().getVariables(pathway.getId()))
        .containsEntry("milestoneName", "Build the contribution pathway with the CBT partner")
        .containsEntry("deliverable", "Documentation of the pathway, with the people assigned to manage incoming contributors")
        .containsEntry("responsibleGroup", "activators-" + KEY).containsEntry("supportUser", "bob")
        .containsEntry("supportGroup", "liaisons-" + KEY).containsEntry("stage", STAGE);
    Assertions.assertThat(taskService().getVariable(driver.deliverTask(KEY, "connectToFunnel").getId(), "deliverable"))
        .isEqualTo("A link to the pathway from a major funnel, such as the get-involved page or a newsletter");
  }
}
