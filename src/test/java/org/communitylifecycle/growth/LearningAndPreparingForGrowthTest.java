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
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.communitylifecycle.community.CommunityDirectory;
import org.communitylifecycle.engine.InvalidInputException;
import org.communitylifecycle.lifecycle.StageHistory;
import org.communitylifecycle.milestone.MilestoneContract;
import org.communitylifecycle.milestone.MilestoneResult;
import org.communitylifecycle.testsupport.AppTables;
import org.communitylifecycle.testsupport.FakeContributorFigures;
import org.communitylifecycle.testsupport.StageDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.communitylifecycle.lifecycle.StageContract;

/** Every path through processes/learning-and-preparing-for-growth.bpmn. */
@Deployment(resources = {
    "processes/learning-and-preparing-for-growth.bpmn", "processes/milestone.bpmn", "processes/stage-exit-criteria.dmn"})
class LearningAndPreparingForGrowthTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = StageDriver.coverage(MilestoneContract.PROCESS_KEY);

  static final String STAGE = "learning-and-preparing-for-growth";
  static final String SUMO = "sumo-community";
  static final List<String> PARALLEL_MILESTONES =
      List.of("identifyGaps", "measurePathwayProgress", "trackConversionPoints", "documentPractices",
          "developCoreCommunity", "identifyLibrarian");

  ProcessEngine processEngine;
  FakeContributorFigures figures = new FakeContributorFigures();
  StageDriver driver;

  @BeforeEach
  void setUp() {
    driver = StageDriver.ready(processEngine, figures, Instant.parse("2026-03-02T09:00:00Z"));
  }

  @AfterEach
  void tearDown() {
    StageDriver.reset(processEngine);
  }

  @Test
  void stageCompletesWhenEveryMilestoneIsAcceptedAndTheTargetIsMet() {
    ProcessInstance stage = startStage("SUMO Community");

    assertThat(stage).isWaitingAt(
        "CallActivity_IdentifyGaps", "CallActivity_MeasurePathwayProgress", "CallActivity_TrackConversionPoints",
        "CallActivity_DocumentPractices", "CallActivity_DevelopCoreCommunity", "CallActivity_IdentifyLibrarian");
    Assertions.assertThat(driver.deliverTasks(SUMO)).hasSize(6).allSatisfy(t -> assertThat(t).isAssignedTo("alice"));
    PARALLEL_MILESTONES.forEach(m -> driver.accept(SUMO, m));
    driver.accept(SUMO, "optimizePathway");

    // The gate measures as a job, so the liaison's last acceptance does not wait on the figures.
    assertThat(stage).isWaitingAt("ServiceTask_MeasureExitCriteria");
    later(Duration.ofDays(40));
    figures.newContributors(26);
    driver.measure(SUMO);

    assertThat(stage).isWaitingAt(StageContract.TASK_REVIEW_STAGE_EXIT);
    Task review = driver.reviewTask(SUMO);
    Assertions.assertThat(driver.candidateGroups(review)).containsExactly("liaisons-" + SUMO);
    assertThat(review).isAssignedTo("bob").hasName("Review stage exit: Learning and preparing for growth (SUMO Community)");
    Map<String, Object> variables = runtimeService().getVariables(stage.getId());
    MilestoneResult gaps = MilestoneContract.resultOf(variables, "identifyGaps");
    Assertions.assertThat(gaps.outcome()).isEqualTo("accepted");
    Assertions.assertThat(gaps.acceptedBy()).isEqualTo("bob");
    Assertions.assertThat(gaps.reviewRounds()).isEqualTo(1);
    Assertions.assertThat(MilestoneContract.resultOf(variables, "optimizePathway").deliverableUrl())
        .isEqualTo("https://wiki.example.org/sumo-community/optimizePathway");
    assertThat(stage).variables()
        .containsEntry("newContributorsInPathway", 26L)
        .containsEntry("stageEnteredOn", "2026-03-02")
        .containsEntry("exitCriteriaMet", true);
    Assertions.assertThat((String) runtimeService().getVariable(stage.getId(), "exitCriteriaSummary"))
        .contains("26 new contributors came into the pathway since the stage was entered");
    // The measure of success counts from the day the community entered the stage.
    Assertions.assertThat(figures.asked()).contains("newContributorsSince sumo-community 2026-03-02");

    driver.review(SUMO, "advance", null);

    assertThat(stage).hasPassed("EndEvent_StageCompleted").isEnded()
        .variables().containsEntry("stageExitDecision", "advance").containsEntry("stageExitDecidedBy", "bob");
    Assertions.assertThat(history()).singleElement().satisfies(stay -> {
      Assertions.assertThat(stay.stage()).isEqualTo(STAGE);
      Assertions.assertThat(stay.enteredAt()).isEqualTo(Instant.parse("2026-03-02T09:00:00Z"));
      Assertions.assertThat(stay.leftAt()).isEqualTo(Instant.parse("2026-04-11T09:00:00Z"));
      Assertions.assertThat(stay.decision()).isEqualTo("advanced");
      Assertions.assertThat(stay.decidedBy()).isEqualTo("bob");
    });
  }

  @Test
  void optimizePathwayStartsOnlyAfterTheGapsAreAccepted() {
    ProcessInstance stage = startStage("SUMO Community");
    assertThat(stage).isNotWaitingAt("CallActivity_OptimizePathway");

    driver.accept(SUMO, "identifyGaps");

    assertThat(stage).isWaitingAt("CallActivity_OptimizePathway");
    Task optimize = driver.deliverTask(SUMO, "optimizePathway");
    assertThat(optimize).isAssignedTo("alice");
    Assertions.assertThat(taskService().getVariable(optimize.getId(), "deliverable"))
        .isEqualTo("Documentation about the revised pathway");
  }

  @Test
  void droppedGapsMilestoneSkipsOptimizePathway() {
    ProcessInstance stage = startStage("SUMO Community");

    driver.drop(SUMO, "identifyGaps", "Gaps already documented in 2025");

    assertThat(stage).hasPassed("Gateway_PathwayWorkDone").hasNotPassed("CallActivity_OptimizePathway");
    Assertions.assertThat(MilestoneContract.resultOf(runtimeService().getVariables(stage.getId()), "identifyGaps").outcome())
        .isEqualTo("dropped");
    driver.acceptAll(SUMO);
    assertThat(stage).isWaitingAt("ServiceTask_MeasureExitCriteria");
  }

  @Test
  void heldBelowTargetTheReviewComesBackAfterTheIntervalWithFreshFigures() {
    ProcessInstance stage = startStage("SUMO Community");
    driver.acceptAll(SUMO);
    figures.newContributors(25);
    driver.measure(SUMO);
    assertThat(stage).variables().containsEntry("exitCriteriaMet", false);

    driver.review(SUMO, "hold", "Only the Firefox forum feeds the pathway so far");

    assertThat(stage).isWaitingAt("Timer_ReviewStageExitAgain");
    Date reviewAgain = job("Timer_ReviewStageExitAgain").getDuedate();
    Assertions.assertThat(reviewAgain).isEqualTo(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(30))));
    Assertions.assertThat(history()).singleElement().satisfies(stay -> {
      Assertions.assertThat(stay.decision()).isEqualTo("held");
      Assertions.assertThat(stay.reason()).isEqualTo("Only the Firefox forum feeds the pathway so far");
      Assertions.assertThat(stay.leftAt()).isNull();
    });

    ClockUtil.setCurrentTime(reviewAgain);
    execute(job("Timer_ReviewStageExitAgain"));
    figures.newContributors(31);
    driver.measure(SUMO);

    assertThat(stage).isWaitingAt(StageContract.TASK_REVIEW_STAGE_EXIT).variables()
        .containsEntry("newContributorsInPathway", 31L).containsEntry("exitCriteriaMet", true)
        .doesNotContainKey("stageExitReason");
    driver.review(SUMO, "advance", null);
    assertThat(stage).isEnded();
    Assertions.assertThat(history()).singleElement().satisfies(stay -> {
      Assertions.assertThat(stay.decision()).isEqualTo("advanced");
      Assertions.assertThat(stay.reason()).isNull();
    });
  }

  @Test
  void holdWithoutAReasonIsRefusedAndTheReviewStays() {
    ProcessInstance stage = startStage("SUMO Community");
    driver.acceptAll(SUMO);
    driver.measure(SUMO);

    assertThatThrownBy(() -> driver.review(SUMO, "hold", "  "))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("Give a reason for holding the community in the stage (stageExitReason)");
    assertThatThrownBy(() -> driver.review(SUMO, "postpone", "later"))
        .hasMessage("Decide whether the community advances or holds in the stage (stageExitDecision: advance or hold), got 'postpone'");

    assertThat(stage).isWaitingAt(StageContract.TASK_REVIEW_STAGE_EXIT);
    Assertions.assertThat(history()).singleElement().satisfies(stay -> Assertions.assertThat(stay.decision()).isNull());
  }

  @Test
  void advancingAgainstTheCriteriaNeedsAReason() {
    ProcessInstance stage = startStage("SUMO Community");
    driver.acceptAll(SUMO);
    figures.newContributors(12);
    driver.measure(SUMO);

    assertThatThrownBy(() -> driver.review(SUMO, "advance", null))
        .hasMessage("The exit criteria are not met: give a reason for advancing the community anyway (stageExitReason)");
    assertThat(stage).isWaitingAt(StageContract.TASK_REVIEW_STAGE_EXIT);

    driver.review(SUMO, "advance", "Twelve new core-ready volunteers from the Kenya launch; scaling starts with them");

    assertThat(stage).isEnded();
    Assertions.assertThat(history()).singleElement().satisfies(stay -> {
      Assertions.assertThat(stay.decision()).isEqualTo("advanced");
      Assertions.assertThat(stay.reason()).startsWith("Twelve new core-ready volunteers");
    });
  }

  @Test
  void enteringTheStageRecordsTheCommunitysCurrentStage() {
    startStage("SUMO Community");

    Assertions.assertThat(new CommunityDirectory(AppTables.jdbc(processEngine)).find(SUMO)).hasValueSatisfying(c -> {
      Assertions.assertThat(c.currentStage()).isEqualTo(STAGE);
      Assertions.assertThat(c.status()).isEqualTo("active");
      Assertions.assertThat(c.activator()).isEqualTo("alice");
      Assertions.assertThat(c.liaison()).isEqualTo("bob");
    });
    Assertions.assertThat(history()).singleElement().satisfies(stay -> {
      Assertions.assertThat(stay.stage()).isEqualTo(STAGE);
      Assertions.assertThat(stay.leftAt()).isNull();
    });
  }

  @Test
  void businessKeyIsTheSlugOfTheCommunityName() {
    ProcessInstance stage = startStage("  Mozilla Festival: Wranglers & Volunteers ");

    Assertions.assertThat(stage.getBusinessKey()).isEqualTo("mozilla-festival-wranglers-volunteers");
    assertThat(stage).variables().containsEntry("communityKey", "mozilla-festival-wranglers-volunteers")
        .containsEntry("communityName", "Mozilla Festival: Wranglers & Volunteers");
    Assertions.assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey(MilestoneContract.PROCESS_KEY)
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

    Task dashboard = driver.deliverTask(SUMO, "measurePathwayProgress");
    Assertions.assertThat(taskService().getVariables(dashboard.getId()))
        .containsEntry("milestoneName", "Create or connect to systems that measure progress in pathways")
        .containsEntry("deliverable", "Documentation and a contribution dashboard")
        .containsEntry("responsibleUser", "alice")
        .containsEntry("responsibleGroup", "activators-" + SUMO)
        .containsEntry("supportUser", "bob")
        .containsEntry("supportGroup", "liaisons-" + SUMO + ",community-leads")
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

  private List<StageHistory.Entry> history() {
    return new StageHistory(AppTables.jdbc(processEngine)).list(SUMO);
  }

  private void later(Duration duration) {
    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(duration)));
  }

  private org.camunda.bpm.engine.runtime.Job job(String activityId) {
    return managementService().createJobQuery().activityId(activityId).singleResult();
  }
}
