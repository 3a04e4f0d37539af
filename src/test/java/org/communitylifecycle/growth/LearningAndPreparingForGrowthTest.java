package org.communitylifecycle.growth;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.communitylifecycle.engine.InvalidInputException;
import org.communitylifecycle.testsupport.ProcessBeans;
import org.communitylifecycle.testsupport.TestProcessEngineConfiguration;
import org.communitylifecycle.testsupport.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every path through processes/learning-and-preparing-for-growth.bpmn. */
@Deployment(resources = {"processes/learning-and-preparing-for-growth.bpmn", "processes/milestone.bpmn"})
class LearningAndPreparingForGrowthTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine =
      ProcessEngineCoverageExtension.builder(TestProcessEngineConfiguration.RESOURCE)
          .excludeProcessDefinitionKeys("milestone")
          .assertClassCoverageAtLeast(1.0)
          .build();

  static final String STAGE = "learning-and-preparing-for-growth";
  static final List<String> PARALLEL_MILESTONES =
      List.of("identifyGaps", "measurePathwayProgress", "trackConversionPoints", "documentPractices",
          "developCoreCommunity", "identifyLibrarian");

  ProcessEngine processEngine;

  @BeforeEach
  void setUp() {
    init(processEngine);
    ProcessBeans.register(new RecordedNewContributorCount());
    TestUsers.ensure(processEngine.getIdentityService());
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-03-02T09:00:00Z")));
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    Mocks.reset();
  }

  @Test
  void stageCompletesWhenEveryMilestoneIsAcceptedAndTheTargetIsMet() {
    ProcessInstance stage = startStage("SUMO Community");

    assertThat(stage).isWaitingAt(
        "CallActivity_IdentifyGaps", "CallActivity_MeasurePathwayProgress", "CallActivity_TrackConversionPoints",
        "CallActivity_DocumentPractices", "CallActivity_DevelopCoreCommunity", "CallActivity_IdentifyLibrarian");
    Assertions.assertThat(deliverTasks()).hasSize(6).allSatisfy(t -> assertThat(t).isAssignedTo("alice"));
    PARALLEL_MILESTONES.forEach(this::accept);
    accept("optimizePathway");

    assertThat(stage).isWaitingAt("Task_ReviewStageExit");
    assertThat(taskAt("Task_ReviewStageExit")).isAssignedTo("bob");
    assertThat(stage).variables()
        .containsEntry("identifyGapsOutcome", "accepted")
        .containsEntry("identifyGapsAcceptedBy", "bob")
        .containsEntry("identifyGapsReviewRounds", 1)
        .containsEntry("optimizePathwayDeliverable", "https://wiki.example.org/sumo/optimizePathway")
        .containsEntry("newContributorTarget", 25);
    complete(taskAt("Task_ReviewStageExit"), withVariables("newContributorsInPathway", 26, "stageExitNote", "26 joined via the SUMO onboarding flow"));

    assertThat(stage).hasPassed("EndEvent_StageCompleted").isEnded()
        .variables().containsEntry("measureOfSuccessMet", true).containsEntry("newContributorsInPathway", 26L);
  }

  @Test
  void optimizePathwayStartsOnlyAfterTheGapsAreAccepted() {
    ProcessInstance stage = startStage("SUMO Community");
    assertThat(stage).isNotWaitingAt("CallActivity_OptimizePathway");

    accept("identifyGaps");

    assertThat(stage).isWaitingAt("CallActivity_OptimizePathway");
    Task optimize = deliverTask("optimizePathway");
    assertThat(optimize).isAssignedTo("alice");
    Assertions.assertThat(taskService().getVariable(optimize.getId(), "deliverable"))
        .isEqualTo("Documentation about the revised pathway");
  }

  @Test
  void droppedGapsMilestoneSkipsOptimizePathway() {
    ProcessInstance stage = startStage("SUMO Community");
    Task gaps = deliverTask("identifyGaps");
    String gapsInstance = gaps.getProcessInstanceId();
    ClockUtil.setCurrentTime(managementService().createJobQuery().processInstanceId(gapsInstance).singleResult().getDuedate());
    execute(managementService().createJobQuery().processInstanceId(gapsInstance).singleResult());
    Task followUp = taskService().createTaskQuery().processInstanceId(gapsInstance).taskDefinitionKey("Task_FollowUpStalledDelivery").singleResult();
    complete(followUp, withVariables("followUpAction", "dropped", "dropReason", "Gaps already documented in 2025"));

    assertThat(stage).hasPassed("Gateway_PathwayWorkDone").hasNotPassed("CallActivity_OptimizePathway")
        .variables().containsEntry("identifyGapsOutcome", "dropped");
    PARALLEL_MILESTONES.stream().filter(k -> !k.equals("identifyGaps")).forEach(this::accept);
    assertThat(stage).isWaitingAt("Task_ReviewStageExit");
  }

  @Test
  void belowTargetTheStageStaysOpenAndTheReviewComesBack() {
    ProcessInstance stage = startStage("SUMO Community");
    PARALLEL_MILESTONES.forEach(this::accept);
    accept("optimizePathway");

    complete(taskAt("Task_ReviewStageExit"), withVariables("newContributorsInPathway", 25));

    assertThat(stage).isWaitingAt("Timer_ReviewStageExitAgain").variables().containsEntry("measureOfSuccessMet", false);
    Date reviewAgain = job("Timer_ReviewStageExitAgain").getDuedate();
    Assertions.assertThat(reviewAgain).isEqualTo(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(30))));
    ClockUtil.setCurrentTime(reviewAgain);
    execute(job("Timer_ReviewStageExitAgain"));

    assertThat(stage).isWaitingAt("Task_ReviewStageExit");
    complete(taskAt("Task_ReviewStageExit"), withVariables("newContributorsInPathway", 31));
    assertThat(stage).isEnded();
  }

  @Test
  void businessKeyIsTheSlugOfTheCommunityName() {
    ProcessInstance stage = startStage("  Mozilla Festival: Wranglers & Volunteers ");

    Assertions.assertThat(stage.getBusinessKey()).isEqualTo("mozilla-festival-wranglers-volunteers");
    assertThat(stage).variables().containsEntry("communityKey", "mozilla-festival-wranglers-volunteers")
        .containsEntry("communityName", "Mozilla Festival: Wranglers & Volunteers");
    Assertions.assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey("milestone")
            .processInstanceBusinessKey("mozilla-festival-wranglers-volunteers").count()).isEqualTo(6);
  }

  @Test
  void secondRunningInstanceForTheSameCommunityIsRefused() {
    startStage("SUMO Community");

    assertThatThrownBy(() -> startStage("sumo community"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("The community 'sumo-community' is already in this stage; open its running instance instead");
    Assertions.assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey(STAGE).count()).isEqualTo(1);
  }

  @Test
  void startRefusesPeopleOutsideTheirRoleGroup() {
    assertThatThrownBy(() -> start("SUMO Community", "bob", "bob"))
        .isInstanceOf(InvalidInputException.class).hasMessage("The activator 'bob' is not in the group 'activators'");
    assertThatThrownBy(() -> start("SUMO Community", "alice", "erin"))
        .hasMessage("The liaison 'erin' is not in the group 'cbt-liaisons'");
    assertThatThrownBy(() -> start("SUMO Community", "alice", "nobody"))
        .hasMessage("The liaison 'nobody' is not a known user");
    assertThatThrownBy(() -> start("!!!", "alice", "bob"))
        .hasMessageContaining("needs at least one letter or digit");
    assertThatThrownBy(() -> start(" ", "alice", "bob")).hasMessageContaining("Give the community a name");
    Assertions.assertThat(runtimeService().createProcessInstanceQuery().count()).isZero();
  }

  @Test
  void milestonesGetTheSeedsRolesAndDeliverables() {
    startStage("SUMO Community");

    Task dashboard = deliverTask("measurePathwayProgress");
    Assertions.assertThat(taskService().getVariables(dashboard.getId()))
        .containsEntry("milestoneName", "Create or connect to systems that measure progress in pathways")
        .containsEntry("deliverable", "Documentation and a contribution dashboard")
        .containsEntry("responsibleUser", "alice")
        .containsEntry("responsibleGroup", "activators")
        .containsEntry("supportUser", "bob")
        .containsEntry("supportGroup", "cbt-liaisons,community-leads")
        .containsEntry("stage", STAGE);
  }

  // --- helpers ---

  private ProcessInstance startStage(String name) {
    return start(name, "alice", "bob");
  }

  private ProcessInstance start(String name, String activator, String liaison) {
    return runtimeService().startProcessInstanceByKey(
        STAGE, Map.of("communityName", name, "activator", activator, "liaison", liaison));
  }

  private void accept(String milestoneKey) {
    complete(deliverTask(milestoneKey), withVariables(
        "deliverableUrl", "https://wiki.example.org/sumo/" + milestoneKey, "deliverableSummary", "Done"));
    Task review = taskService().createTaskQuery().taskDefinitionKey("Task_ReviewDeliverable")
        .processVariableValueEquals("milestoneKey", milestoneKey).singleResult();
    processEngine.getIdentityService().setAuthenticatedUserId("bob");
    try {
      complete(review, withVariables("reviewDecision", "accept"));
    } finally {
      processEngine.getIdentityService().clearAuthentication();
    }
  }

  private Task deliverTask(String milestoneKey) {
    return taskService().createTaskQuery().taskDefinitionKey("Task_DeliverMilestone")
        .processVariableValueEquals("milestoneKey", milestoneKey).singleResult();
  }

  private List<Task> deliverTasks() {
    return taskService().createTaskQuery().taskDefinitionKey("Task_DeliverMilestone").list();
  }

  private Task taskAt(String key) {
    return taskService().createTaskQuery().taskDefinitionKey(key).singleResult();
  }

  private org.camunda.bpm.engine.runtime.Job job(String activityId) {
    return managementService().createJobQuery().activityId(activityId).singleResult();
  }
}
