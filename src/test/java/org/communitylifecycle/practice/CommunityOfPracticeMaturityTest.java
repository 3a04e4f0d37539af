package org.communitylifecycle.practice;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.communitylifecycle.practice.PracticeMaturityContract.*;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.communitylifecycle.community.TaskContext;
import org.communitylifecycle.engine.InvalidInputException;
import org.communitylifecycle.testsupport.TestProcessEngineConfiguration;
import org.communitylifecycle.testsupport.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every path through processes/community-of-practice-maturity.bpmn, with the real decision and tables. */
@Deployment(resources = {"processes/community-of-practice-maturity.bpmn", "processes/community-of-practice-step.dmn"})
class CommunityOfPracticeMaturityTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine =
      ProcessEngineCoverageExtension.builder(TestProcessEngineConfiguration.RESOURCE).assertClassCoverageAtLeast(1.0).build();

  static final Instant START = Instant.parse("2026-01-05T09:00:00Z");
  static final String KBW = "keep-badges-weird";

  /** Area scores, gatherA to systemsChangeC, that reach each step by the default thresholds. */
  static final int[] NO_STEP = {1, 3, 3, 3, 3, 3, 0, 0, 0, 0, 0, 0};
  static final int[] GATHER = {3, 2, 2, 1, 2, 0, 0, 0, 1, 0, 0, 0};
  static final int[] EXPLORE = {3, 3, 3, 2, 2, 3, 2, 2, 2, 1, 0, 1};

  ProcessEngine processEngine;
  AssessmentRecords records;

  @BeforeEach
  void setUp() {
    init(processEngine);
    TestUsers.ensure(processEngine.getIdentityService());
    ClockUtil.setCurrentTime(Date.from(START));
    PracticeTables.clear();
    records = new AssessmentRecords(PracticeTables.jdbc());
    Mocks.register("taskContext", new TaskContext());
    Mocks.register("practiceEntry", new PracticeEntry(new PracticeProperties("P3M"), records));
    Mocks.register("maturityAssessment", new MaturityAssessment(records));
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    Mocks.reset();
    processEngine.getIdentityService().clearAuthentication();
  }

  @Test
  void acceptedAssessmentIsStoredAndReachingTheFirstStepIsCelebrated() {
    ProcessInstance practice = start("Keep Badges Weird", "bob");
    Task celebrate = assessedAtGatherAndAccepted(practice);
    assertStoredAsReachingGather();
    theCommunityLeadsCelebrate(practice, celebrate);
  }

  private Task assessedAtGatherAndAccepted(ProcessInstance practice) {
    assertThat(practice).isWaitingAt(TASK_SELF_ASSESS);
    Task selfAssess = taskAt(TASK_SELF_ASSESS);
    assertThat(selfAssess).hasName("Self-assess maturity (Keep Badges Weird)").isNotAssigned();
    Assertions.assertThat(candidateGroups(selfAssess)).containsExactlyInAnyOrder("community-leads", "activators-keep-badges-weird");
    later(Duration.ofDays(1));
    selfAssess("dave", GATHER, "Weekly calls and a lively Slack");

    assertThat(practice).isWaitingAt(TASK_REVIEW);
    assertThat(taskAt(TASK_REVIEW)).isAssignedTo("bob").hasName("Review maturity assessment (Keep Badges Weird)");
    Assertions.assertThat(candidateGroups(taskAt(TASK_REVIEW))).containsExactly("liaisons-keep-badges-weird");
    assertThat(practice).variables()
        .containsEntry("gatherA", 3).containsEntry("gatherB", 2).containsEntry("dispatchA", 1).containsEntry("systemsChangeC", 0)
        .containsEntry("stepReached", "Gather").containsEntry("stepNumber", 1)
        .containsEntry("assessedBy", "dave").containsEntry("highestStepReached", "none");
    later(Duration.ofDays(1));
    review("bob", "accept", "A solid ignition");

    assertThat(practice).isWaitingAt(TASK_CELEBRATE_STEP, TIMER_NEXT_ASSESSMENT_DUE)
        .variables().containsEntry("newStepReached", true).containsEntry("highestStepNumber", 1)
        .containsEntry("highestStepReached", "Gather").containsEntry("assessmentsRecorded", 1);
    Task celebrate = taskAt(TASK_CELEBRATE_STEP);
    assertThat(celebrate).hasName("Celebrate reaching Gather (Keep Badges Weird)").isNotAssigned();
    Assertions.assertThat(candidateGroups(celebrate)).containsExactly("community-leads");
    return celebrate;
  }

  private void assertStoredAsReachingGather() {
    AssessmentRecords.History history = history();
    Assertions.assertThat(history.assessments()).singleElement().satisfies(a -> {
      Assertions.assertThat(a.assessedBy()).isEqualTo("dave");
      Assertions.assertThat(a.assessedAt()).isEqualTo(START.plus(Duration.ofDays(1)));
      Assertions.assertThat(a.reassessment()).isFalse();
      Assertions.assertThat(a.scores()).containsEntry("gatherA", 3).containsEntry("gatherC", 2).containsEntry("exploreC", 1).hasSize(12);
      Assertions.assertThat(a.indicatorsMet()).hasSize(11).contains("gather_a_3", "explore_c_1").doesNotContain("gather_b_3");
      Assertions.assertThat(a.stepReached()).isEqualTo("Gather");
      Assertions.assertThat(a.reviewOutcome()).isEqualTo("accepted");
      Assertions.assertThat(a.reviewNote()).isEqualTo("A solid ignition");
      Assertions.assertThat(a.reviewedBy()).isEqualTo("bob");
      Assertions.assertThat(a.assessmentNote()).isEqualTo("Weekly calls and a lively Slack");
    });
    Assertions.assertThat(history.stepHistory()).singleElement().satisfies(s -> {
      Assertions.assertThat(s.stepReached()).isEqualTo("Gather");
      Assertions.assertThat(s.firstReachedOn()).isEqualTo(LocalDate.of(2026, 1, 7));
      Assertions.assertThat(s.celebration()).isNull();
    });
  }

  private void theCommunityLeadsCelebrate(ProcessInstance practice, Task celebrate) {
    later(Duration.ofDays(5));
    processEngine.getIdentityService().setAuthenticatedUserId("dave");
    complete(celebrate, withVariables("celebration", "Badges for the five people who started the weekly calls"));

    assertThat(practice).hasPassed(END_STEP_CELEBRATED).isWaitingAt(TIMER_NEXT_ASSESSMENT_DUE).isNotEnded();
    Assertions.assertThat(history().stepHistory()).singleElement().satisfies(s -> {
      Assertions.assertThat(s.celebration()).isEqualTo("Badges for the five people who started the weekly calls");
      Assertions.assertThat(s.celebratedBy()).isEqualTo("dave");
      Assertions.assertThat(s.celebratedOn()).isEqualTo(LocalDate.of(2026, 1, 12));
    });
  }

  @Test
  void reassessmentRequestedThenAccepted() {
    ProcessInstance practice = start("Keep Badges Weird", "bob");
    selfAssess("dave", EXPLORE, null);

    assertThatThrownBy(() -> review("bob", "reassess", " "))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("Say what the community should look at again (reviewNote) when asking for a re-assessment");
    review("bob", "reassess", "Explore needs leaders beyond the two of you: who moderates?");

    assertThat(practice).isWaitingAt(TASK_SELF_ASSESS).hasNotPassed(GATEWAY_HIGHER_STEP_REACHED)
        .variables().containsEntry("reassessmentNote", "Explore needs leaders beyond the two of you: who moderates?")
        .containsEntry("reassessment", true).containsEntry("gather_a_1", true);
    Assertions.assertThat(taskAt(TASK_SELF_ASSESS)).isNotNull();
    selfAssess("alice", GATHER, "Fair: we are at Gather");

    assertThat(practice).isWaitingAt(TASK_REVIEW).variables()
        .doesNotContainKey("reassessmentNote").doesNotContainKey("reviewDecision").containsEntry("assessedBy", "alice");
    review("bob", "accept", null);

    assertThat(practice).isWaitingAt(TASK_CELEBRATE_STEP, TIMER_NEXT_ASSESSMENT_DUE);
    assertThat(taskAt(TASK_CELEBRATE_STEP)).hasName("Celebrate reaching Gather (Keep Badges Weird)");
    List<AssessmentRecords.StoredAssessment> stored = history().assessments();
    Assertions.assertThat(stored).extracting(AssessmentRecords.StoredAssessment::reviewOutcome)
        .containsExactly("reassessment-requested", "accepted");
    Assertions.assertThat(stored).extracting(AssessmentRecords.StoredAssessment::reassessment).containsExactly(false, true);
    Assertions.assertThat(stored).extracting(AssessmentRecords.StoredAssessment::stepReached).containsExactly("Explore", "Gather");
    Assertions.assertThat(stored).extracting(AssessmentRecords.StoredAssessment::assessedBy).containsExactly("dave", "alice");
    Assertions.assertThat(stored.get(0).reviewNote()).isEqualTo("Explore needs leaders beyond the two of you: who moderates?");
    Assertions.assertThat(history().stepHistory()).extracting(AssessmentRecords.StepReached::stepReached)
        .as("a step counts only from an accepted assessment").containsExactly("Gather");
  }

  @Test
  void nextQuarterlyAssessmentComesDueAfterTheInterval() {
    ProcessInstance practice = start("Keep Badges Weird", "bob");
    selfAssess("dave", GATHER, "Weekly calls");
    review("bob", "accept", null);

    Job next = job(TIMER_NEXT_ASSESSMENT_DUE);
    Assertions.assertThat(next.getDuedate()).isEqualTo(Date.from(Instant.parse("2026-04-05T09:00:00Z")));
    Assertions.assertThat(taskService().createTaskQuery().taskDefinitionKey(TASK_SELF_ASSESS).count()).isZero();
    ClockUtil.setCurrentTime(next.getDuedate());
    execute(next);

    assertThat(practice).isWaitingAt(TASK_SELF_ASSESS, TASK_CELEBRATE_STEP).variables()
        .as("last round's answers are filled in, its evidence is not").containsEntry("gather_a_1", true)
        .containsEntry("gather_b_3", false).doesNotContainKey("assessmentNote");
  }

  @Test
  void sameStepAgainIsNotCelebrated() {
    ProcessInstance practice = start("Keep Badges Weird", "bob");
    acceptRound(GATHER);
    complete(taskAt(TASK_CELEBRATE_STEP), withVariables("celebration", "Cake on the community call"));
    nextRound();

    acceptRound(new int[] {2, 2, 3, 3, 1, 3, 0, 0, 0, 0, 0, 0});

    assertThat(practice).isWaitingAt(TIMER_NEXT_ASSESSMENT_DUE).isNotWaitingAt(TASK_CELEBRATE_STEP)
        .variables().containsEntry("newStepReached", false).containsEntry("highestStepNumber", 1).containsEntry("assessmentsRecorded", 2);
    Assertions.assertThat(history().assessments()).extracting(AssessmentRecords.StoredAssessment::stepReached)
        .containsExactly("Gather", "Gather");
    Assertions.assertThat(history().stepHistory()).hasSize(1);
  }

  @Test
  void lowerStepIsRecordedButNotCelebratedAndKeepsTheHighestStep() {
    ProcessInstance practice = start("Keep Badges Weird", "bob");
    acceptRound(GATHER);
    nextRound();

    acceptRound(NO_STEP);

    assertThat(practice).isWaitingAt(TIMER_NEXT_ASSESSMENT_DUE, TASK_CELEBRATE_STEP)
        .variables().containsEntry("stepReached", "none").containsEntry("newStepReached", false)
        .containsEntry("highestStepReached", "Gather");
    Assertions.assertThat(taskService().createTaskQuery().taskDefinitionKey(TASK_CELEBRATE_STEP).count()).isEqualTo(1);
  }

  @Test
  void jumpingToAHigherStepRecordsEveryStepOnTheWayAndCelebratesTheHighest() {
    ProcessInstance practice = start("Keep Badges Weird", "bob");
    acceptRound(GATHER);
    complete(taskAt(TASK_CELEBRATE_STEP), withVariables("celebration", "Cake on the community call"));
    nextRound();

    acceptRound(EXPLORE);

    assertThat(practice).isWaitingAt(TASK_CELEBRATE_STEP, TIMER_NEXT_ASSESSMENT_DUE);
    assertThat(taskAt(TASK_CELEBRATE_STEP)).hasName("Celebrate reaching Explore (Keep Badges Weird)");
    Assertions.assertThat(taskService().getVariable(taskAt(TASK_CELEBRATE_STEP).getId(), "celebrationStepNumber")).isEqualTo(3);
    Assertions.assertThat(history().stepHistory())
        .extracting(AssessmentRecords.StepReached::stepReached, AssessmentRecords.StepReached::firstReachedOn)
        .containsExactly(
            Assertions.tuple("Gather", LocalDate.of(2026, 1, 5)),
            Assertions.tuple("Dispatch", LocalDate.of(2026, 4, 5)),
            Assertions.tuple("Explore", LocalDate.of(2026, 4, 5)));
  }

  @Test
  void aSlowReviewKeepsTheQuarterlyCadence() {
    start("Keep Badges Weird", "bob");
    selfAssess("dave", GATHER, null);
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-04-20T12:00:00Z")));
    review("bob", "accept", null);

    Assertions.assertThat(job(TIMER_NEXT_ASSESSMENT_DUE).getDuedate())
        .as("the next quarter after the review, on the same day of the month")
        .isEqualTo(Date.from(Instant.parse("2026-07-05T09:00:00Z")));
  }

  @Test
  void startFormIntervalOverridesTheDefault() {
    ProcessInstance practice =
        runtimeService().startProcessInstanceByKey(PROCESS_KEY,
            Map.of("communityName", "Open Recognition Alliance", "liaison", "frank", "assessmentInterval", "P1M"));
    acceptRound(GATHER);

    assertThat(practice).variables().containsEntry("assessmentInterval", "P1M");
    Assertions.assertThat(job(TIMER_NEXT_ASSESSMENT_DUE).getDuedate()).isEqualTo(Date.from(Instant.parse("2026-02-05T09:00:00Z")));
    Assertions.assertThat(records.find("open-recognition-alliance")).hasValueSatisfying(c -> {
      Assertions.assertThat(c.liaison()).isEqualTo("frank");
      Assertions.assertThat(c.assessmentInterval()).isEqualTo("P1M");
    });
  }

  @Test
  void highestStepSoFarIncludesEarlierInstancesOfTheSameCommunity() {
    ProcessInstance first = start("Keep Badges Weird", "bob");
    acceptRound(EXPLORE);
    runtimeService().deleteProcessInstance(first.getId(), "restarted with a new liaison");

    ProcessInstance second = start("Keep Badges Weird", "frank");
    assertThat(second).variables().containsEntry("highestStepNumber", 3).containsEntry("highestStepReached", "Explore");
    selfAssess("dave", GATHER, null);
    review("frank", "accept", null);

    assertThat(second).isWaitingAt(TIMER_NEXT_ASSESSMENT_DUE).isNotWaitingAt(TASK_CELEBRATE_STEP);
    Assertions.assertThat(records.find(KBW).orElseThrow().liaison()).isEqualTo("frank");
  }

  @Test
  void secondRunningInstanceForTheSameCommunityIsRefused() {
    start("Keep Badges Weird", "bob");

    assertThatThrownBy(() -> start("keep badges WEIRD!", "frank"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("The community of practice 'keep-badges-weird' is already being assessed; open its running instance instead");
    Assertions.assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).count()).isEqualTo(1);
    Assertions.assertThat(records.find(KBW).orElseThrow().liaison()).isEqualTo("bob");
  }

  @Test
  void startRefusesABadNameLiaisonOrInterval() {
    assertThatThrownBy(() -> start("Keep Badges Weird", "alice"))
        .isInstanceOf(InvalidInputException.class).hasMessage("The liaison 'alice' is not in the group 'cbt-liaisons'");
    assertThatThrownBy(() -> start("Keep Badges Weird", "nobody")).hasMessage("The liaison 'nobody' is not a known user");
    assertThatThrownBy(() -> start("Keep Badges Weird", " ")).hasMessage("Name the liaison by user id (liaison)");
    assertThatThrownBy(() -> start("???", "bob")).hasMessageContaining("needs at least one letter or digit");
    assertThatThrownBy(() -> start("", "bob")).hasMessage("Give the community of practice a name (communityName)");
    assertThatThrownBy(() -> start("x".repeat(121), "bob")).hasMessageContaining("keep it to 120");
    assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey(PROCESS_KEY,
            Map.of("communityName", "Keep Badges Weird", "liaison", "bob", "assessmentInterval", "quarterly")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("The assessment interval is not an ISO-8601 duration: 'quarterly'");
    assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey(PROCESS_KEY,
            Map.of("communityName", "Keep Badges Weird", "liaison", "bob", "assessmentInterval", "-P3M")))
        .hasMessage("The assessment interval must be a positive duration, got '-P3M'");
    Assertions.assertThat(runtimeService().createProcessInstanceQuery().count()).isZero();
    Assertions.assertThat(records.find(KBW)).isEmpty();
  }

  @Test
  void incompleteOrMalformedAnswersAreRefused() {
    ProcessInstance practice = start("Keep Badges Weird", "bob");
    Map<String, Object> answers = answers(GATHER);
    answers.remove("systems_c_3");
    answers.put("gather_a_1", "yes");

    assertThatThrownBy(() -> taskService().complete(taskAt(TASK_SELF_ASSESS).getId(), answers))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("Answer every indicator with true or false; 2 of 36 are not: gather_a_1, systems_c_3");
    Map<String, Object> tooLong = answers(GATHER);
    tooLong.put("assessmentNote", "x".repeat(4001));
    assertThatThrownBy(() -> taskService().complete(taskAt(TASK_SELF_ASSESS).getId(), tooLong))
        .hasMessageContaining("keep it to 4000");
    assertThat(practice).isWaitingAt(TASK_SELF_ASSESS);

    selfAssess("dave", GATHER, null);
    assertThatThrownBy(() -> review("bob", "maybe", null))
        .hasMessage("reviewDecision must be 'accept' or 'reassess', got 'maybe'");
    assertThat(practice).isWaitingAt(TASK_REVIEW);
    review("bob", "accept", null);
    assertThatThrownBy(() -> complete(taskAt(TASK_CELEBRATE_STEP), withVariables("celebration", "")))
        .hasMessage("Say how you celebrated (celebration)");
    Assertions.assertThat(history().assessments()).hasSize(1);
  }

  // --- helpers ---

  private ProcessInstance start(String name, String liaison) {
    return runtimeService().startProcessInstanceByKey(PROCESS_KEY, Map.of("communityName", name, "liaison", liaison));
  }

  /** The answers that give these area scores: the first n indicators of each area met. */
  static Map<String, Object> answers(int[] scores) {
    Map<String, Object> answers = new HashMap<>();
    for (int i = 0; i < MaturityModel.AREAS.size(); i++) {
      List<String> keys = MaturityModel.AREAS.get(i).indicatorKeys();
      for (int j = 0; j < keys.size(); j++) {
        answers.put(keys.get(j), j < scores[i]);
      }
    }
    return answers;
  }

  private void selfAssess(String user, int[] scores, String note) {
    Map<String, Object> variables = answers(scores);
    variables.put("assessmentNote", note);
    as(user, () -> taskService().complete(taskAt(TASK_SELF_ASSESS).getId(), variables));
  }

  private void review(String user, String decision, String note) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("reviewDecision", decision);
    variables.put("reviewNote", note);
    as(user, () -> taskService().complete(taskAt(TASK_REVIEW).getId(), variables));
  }

  private void acceptRound(int[] scores) {
    selfAssess("dave", scores, null);
    review(liaison(), "accept", null);
  }

  private String liaison() {
    return (String) runtimeService().getVariable(taskAt(TASK_REVIEW).getProcessInstanceId(), "liaison");
  }

  /** Moves the clock to the next assessment's due date and lets its timer fire. */
  private void nextRound() {
    Job next = job(TIMER_NEXT_ASSESSMENT_DUE);
    ClockUtil.setCurrentTime(next.getDuedate());
    execute(next);
  }

  private void as(String user, Runnable action) {
    processEngine.getIdentityService().setAuthenticatedUserId(user);
    try {
      action.run();
    } finally {
      processEngine.getIdentityService().clearAuthentication();
    }
  }

  private void later(Duration duration) {
    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(duration)));
  }

  private AssessmentRecords.History history() {
    return records.history(records.find(KBW).orElseThrow());
  }

  private List<String> candidateGroups(Task task) {
    return taskService().getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> "candidate".equals(link.getType())).map(IdentityLink::getGroupId).toList();
  }

  private Task taskAt(String key) {
    return taskService().createTaskQuery().taskDefinitionKey(key).singleResult();
  }

  private Job job(String activityId) {
    return managementService().createJobQuery().activityId(activityId).singleResult();
  }
}
