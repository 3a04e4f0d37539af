package org.communitylifecycle.lifecycle;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.communitylifecycle.community.CommunityDirectory;
import org.communitylifecycle.engine.InvalidInputException;
import org.communitylifecycle.testsupport.AppTables;
import org.communitylifecycle.testsupport.FakeContributorFigures;
import org.communitylifecycle.testsupport.StageDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.communitylifecycle.milestone.MilestoneContract;

/** Every path through processes/community-lifecycle.bpmn, with the real stage processes it calls. */
@Deployment(resources = {
    "processes/community-lifecycle.bpmn", "processes/pre-work.bpmn", "processes/starting.bpmn",
    "processes/learning-and-preparing-for-growth.bpmn", "processes/scaling.bpmn", "processes/sustaining.bpmn",
    "processes/milestone.bpmn", "processes/stage-exit-criteria.dmn"})
class CommunityLifecycleTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = StageDriver.coverage(MilestoneContract.PROCESS_KEY, "pre-work", "starting", "learning-and-preparing-for-growth",
              "scaling", "sustaining");

  static final String LIFECYCLE = LifecycleContract.PROCESS_KEY;
  static final String KEY = "rust-berlin";

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
  void communityEnteredAtPreWorkGoesThroughEveryStageInOrder() {
    ProcessInstance lifecycle = start("pre-work");
    assertThat(lifecycle).isWaitingAt("CallActivity_PreWork");
    figures.contributors(14).newContributors(30).newCoreMembers(2);

    // Pre-work: the activator is appointed. Starting: the pathway is documented, 14 people prototyped it.
    passStage("pre-work");
    assertThat(lifecycle).isWaitingAt("CallActivity_Starting");
    passStage("starting");
    // Learning and preparing for growth: 30 new contributors since the stage began.
    assertThat(lifecycle).isWaitingAt("CallActivity_LearningAndPreparingForGrowth");
    passStage("learning-and-preparing-for-growth");
    // Scaling: 4 active contributors when the stage began, 40 a month later, 2 new core members.
    assertThat(lifecycle).isWaitingAt("CallActivity_Scaling");
    figures.activeOn(today(), 4).active(40);
    passStage("scaling");
    assertThat(lifecycle).isWaitingAt("CallActivity_Sustaining");
    passStage("sustaining");

    // Sustaining never ends by itself: its yearly review is next, and the lifecycle stays in the stage.
    assertThat(lifecycle).isWaitingAt("CallActivity_Sustaining").isNotEnded();
    assertThat(calledStage("sustaining")).isWaitingAt("Timer_YearlyReview");
    Assertions.assertThat(history())
        .extracting(StageHistory.Entry::stage, StageHistory.Entry::decision, StageHistory.Entry::decidedBy)
        .containsExactly(
            tuple("pre-work", "advanced", "bob"),
            tuple("starting", "advanced", "bob"),
            tuple("learning-and-preparing-for-growth", "advanced", "bob"),
            tuple("scaling", "advanced", "bob"),
            tuple("sustaining", "sustained", "bob"));
    Assertions.assertThat(history()).filteredOn(stay -> stay.leftAt() == null).extracting(StageHistory.Entry::stage)
        .containsExactly("sustaining");
    Assertions.assertThat(community().currentStage()).isEqualTo("sustaining");
  }

  @ParameterizedTest(name = "a community entered at {0} starts in that stage")
  @EnumSource(LifecycleStage.class)
  void communityEnteredAtAnyStageStartsThere(LifecycleStage stage) {
    ProcessInstance lifecycle = start(stage.key());

    String callActivity = "CallActivity_" + switch (stage) {
      case PRE_WORK -> "PreWork";
      case STARTING -> "Starting";
      case LEARNING_AND_PREPARING_FOR_GROWTH -> "LearningAndPreparingForGrowth";
      case SCALING -> "Scaling";
      case SUSTAINING -> "Sustaining";
    };
    assertThat(lifecycle).isWaitingAt(callActivity).variables()
        .containsEntry("entryStage", stage.key()).containsEntry("communityStatus", "active");
    ProcessInstance called = calledStage(stage.key());
    Assertions.assertThat(called.getBusinessKey()).isEqualTo(KEY);
    assertThat(called).variables()
        .containsEntry("communityName", "Rust Berlin").containsEntry("communityKey", KEY)
        .containsEntry("activator", "alice").containsEntry("liaison", "bob").containsEntry("stage", stage.key());
    List<String> earlier = earlierStages(stage);
    Assertions.assertThat(historyService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(KEY).list())
        .extracting(HistoricProcessInstance::getProcessDefinitionKey)
        .as("no earlier stage ran").noneMatch(earlier::contains);
    Assertions.assertThat(history()).extracting(StageHistory.Entry::stage).containsExactly(stage.key());
    Assertions.assertThat(community().currentStage()).isEqualTo(stage.key());
  }

  @Test
  void pausedCommunityHasItsStageAndMilestonesSuspendedUntilResumed() {
    ProcessInstance lifecycle = start("starting");
    List<String> stageAndMilestones = runtimeService().createProcessInstanceQuery().processInstanceBusinessKey(KEY).list()
        .stream().map(ProcessInstance::getId).filter(id -> !id.equals(lifecycle.getId())).toList();
    Assertions.assertThat(stageAndMilestones).hasSize(4);

    driver.as("bob", "cbt-liaisons", () -> correlate("CommunityPaused", Map.of("pauseReason", "Activator on leave until May")));

    assertThat(lifecycle).isWaitingAt("CallActivity_Starting", "Event_CommunityResumed").variables()
        .containsEntry("communityStatus", "paused").containsEntry("pausedBy", "bob")
        .containsEntry("pauseReason", "Activator on leave until May");
    Assertions.assertThat(runtimeService().createProcessInstanceQuery().processInstanceIds(new java.util.HashSet<>(stageAndMilestones))
        .suspended().count()).isEqualTo(4);
    Assertions.assertThat(runtimeService().createProcessInstanceQuery().processInstanceId(lifecycle.getId()).active().count())
        .as("the lifecycle itself listens for resume and close").isEqualTo(1);
    Assertions.assertThat(taskService().createTaskQuery().processInstanceBusinessKey(KEY).active().count()).isZero();
    Assertions.assertThat(managementService().createJobQuery().processInstanceId(driver.deliverTask(KEY, "buildPathway")
        .getProcessInstanceId()).active().count()).as("stall timers wait").isZero();
    Task buildPathway = driver.deliverTask(KEY, "buildPathway");
    assertThatThrownBy(() -> taskService().complete(buildPathway.getId(), Map.of(
        "deliverableUrl", "https://wiki.example.org/rust-berlin/pathway", "deliverableSummary", "Pathway")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("suspended");
    Assertions.assertThat(community().status()).isEqualTo("paused");

    driver.as("bob", "cbt-liaisons", () -> correlate("CommunityResumed", Map.of()));

    assertThat(lifecycle).hasPassed("EndEvent_StageResumed").isWaitingAt("CallActivity_Starting")
        .variables().containsEntry("communityStatus", "active").containsEntry("resumedBy", "bob");
    Assertions.assertThat(runtimeService().createProcessInstanceQuery().processInstanceIds(new java.util.HashSet<>(stageAndMilestones))
        .active().count()).isEqualTo(4);
    Assertions.assertThat(community().status()).isEqualTo("active");
    driver.accept(KEY, "buildPathway");
    Assertions.assertThat(driver.deliverTask(KEY, "prototypePathway")).isNotNull();
  }

  @Test
  void pausingAPausedCommunityIsRefused() {
    ProcessInstance lifecycle = start("scaling");
    correlate("CommunityPaused", Map.of());

    assertThatThrownBy(() -> correlate("CommunityPaused", Map.of()))
        .isInstanceOf(InvalidInputException.class).hasMessage("The community 'rust-berlin' is already paused");
    Assertions.assertThat(runtimeService().createEventSubscriptionQuery().processInstanceId(lifecycle.getId())
        .eventName("CommunityResumed").count()).isEqualTo(1);
  }

  @Test
  void closedCommunityEndsItsLifecycleWithTheReason() {
    ProcessInstance lifecycle = start("scaling");
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-05-04T10:00:00Z")));

    driver.as("bob", "cbt-liaisons", () -> correlate("CommunityClosed", Map.of("closeReason", "The team was disbanded")));

    assertThat(lifecycle).hasPassed("EndEvent_LifecycleClosed").isEnded()
        .variables().containsEntry("communityStatus", "closed").containsEntry("closedBy", "bob")
        .containsEntry("closeReason", "The team was disbanded");
    Assertions.assertThat(runtimeService().createProcessInstanceQuery().processInstanceBusinessKey(KEY).count())
        .as("the stage and its milestones are cancelled with the lifecycle").isZero();
    Assertions.assertThat(history()).singleElement().satisfies(stay -> {
      Assertions.assertThat(stay.stage()).isEqualTo("scaling");
      Assertions.assertThat(stay.decision()).isEqualTo("closed");
      Assertions.assertThat(stay.decidedBy()).isEqualTo("bob");
      Assertions.assertThat(stay.reason()).isEqualTo("The team was disbanded");
      Assertions.assertThat(stay.leftAt()).isEqualTo(Instant.parse("2026-05-04T10:00:00Z"));
    });
    Assertions.assertThat(community().status()).isEqualTo("closed");
  }

  @Test
  void closingAPausedCommunityEndsEverything() {
    ProcessInstance lifecycle = start("learning-and-preparing-for-growth");
    correlate("CommunityPaused", Map.of());

    correlate("CommunityClosed", Map.of("closeReason", "Merged into SUMO"));

    assertThat(lifecycle).isEnded();
    Assertions.assertThat(runtimeService().createProcessInstanceQuery().processInstanceBusinessKey(KEY).count()).isZero();
    Assertions.assertThat(community().status()).isEqualTo("closed");
  }

  @Test
  void closingWithoutAReasonIsRefusedAndNothingChanges() {
    ProcessInstance lifecycle = start("scaling");

    assertThatThrownBy(() -> correlate("CommunityClosed", Map.of()))
        .isInstanceOf(InvalidInputException.class).hasMessage("Give a reason for closing the community (closeReason)");
    assertThatThrownBy(() -> correlate("CommunityClosed", Map.of("closeReason", "  ")))
        .hasMessage("Give a reason for closing the community (closeReason)");

    assertThat(lifecycle).isWaitingAt("CallActivity_Scaling").variables().doesNotContainKey("closeReason");
    Assertions.assertThat(runtimeService().createProcessInstanceQuery().processInstanceBusinessKey(KEY).count()).isEqualTo(6);
    Assertions.assertThat(history()).singleElement().satisfies(stay -> Assertions.assertThat(stay.leftAt()).isNull());
    Assertions.assertThat(community().status()).isEqualTo("active");
  }

  @Test
  void unknownOrMissingEntryStageIsRefused() {
    assertThatThrownBy(() -> start("incubating"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("The entry stage 'incubating' is not a stage of the lifecycle; choose one of "
            + "pre-work, starting, learning-and-preparing-for-growth, scaling, sustaining");
    assertThatThrownBy(() -> start(" "))
        .hasMessage("Choose the stage the community enters at (entryStage): one of "
            + "pre-work, starting, learning-and-preparing-for-growth, scaling, sustaining");
    Assertions.assertThat(runtimeService().createProcessInstanceQuery().count()).isZero();
    Assertions.assertThat(history()).isEmpty();
  }

  @Test
  void secondLifecycleForTheSameCommunityIsRefused() {
    start("starting");

    assertThatThrownBy(() -> start("scaling"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("The community 'rust-berlin' already has a running lifecycle; open it instead");
    Assertions.assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey(LIFECYCLE).count()).isEqualTo(1);
    Assertions.assertThat(history()).extracting(StageHistory.Entry::stage).containsExactly("starting");
  }

  @Test
  void startRefusesAnActivatorOutsideTheGroup() {
    Map<String, Object> form = new HashMap<>(Map.of("communityName", "Rust Berlin", "activator", "dave",
        "liaison", "bob", "entryStage", "pre-work"));

    assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey(LIFECYCLE, form))
        .hasMessage("The activator 'dave' is not in the group 'activators'");
    Assertions.assertThat(runtimeService().createProcessInstanceQuery().count()).isZero();
  }

  // --- helpers ---

  private ProcessInstance start(String entryStage) {
    return runtimeService().startProcessInstanceByKey(LIFECYCLE, Map.of(
        "communityName", "Rust Berlin", "activator", "alice", "liaison", "bob", "entryStage", entryStage));
  }

  /** A month of work: every milestone accepted, the gate measured, bob advances. */
  private void passStage(String stage) {
    calledStage(stage);
    driver.acceptAll(KEY);
    later(Duration.ofDays(30));
    driver.measure(KEY);
    Assertions.assertThat(runtimeService().createVariableInstanceQuery().processInstanceIdIn(calledStage(stage).getId())
        .variableName("exitCriteriaMet").singleResult().getValue()).as("exit criteria of %s", stage).isEqualTo(true);
    driver.review(KEY, "advance", null);
  }

  private ProcessInstance calledStage(String stage) {
    ProcessInstance called = runtimeService().createProcessInstanceQuery().processDefinitionKey(stage)
        .processInstanceBusinessKey(KEY).singleResult();
    Assertions.assertThat(called).as("running %s of %s", stage, KEY).isNotNull();
    return called;
  }

  private void correlate(String message, Map<String, Object> variables) {
    runtimeService().createMessageCorrelation(message).processInstanceBusinessKey(KEY).setVariables(variables).correlate();
  }

  private static List<String> earlierStages(LifecycleStage stage) {
    return java.util.Arrays.stream(LifecycleStage.values()).filter(s -> s.ordinal() < stage.ordinal())
        .map(LifecycleStage::key).toList();
  }

  private List<StageHistory.Entry> history() {
    return new StageHistory(AppTables.jdbc(processEngine)).list(KEY);
  }

  private CommunityDirectory.Community community() {
    return new CommunityDirectory(AppTables.jdbc(processEngine)).find(KEY).orElseThrow();
  }

  private void later(Duration duration) {
    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(duration)));
  }

  private static LocalDate today() {
    return LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneId.systemDefault());
  }
}
