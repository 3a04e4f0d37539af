package org.communitylifecycle.mentoring;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.communitylifecycle.mentoring.MentoringCohortContract.PROCESS_KEY;
import static org.communitylifecycle.mentoring.MentoringCohortContract.TASK_DECIDE_GRADUATION;
import static org.communitylifecycle.mentoring.MentoringCohortContract.TASK_ENTER_GRADUATION_EVIDENCE;
import static org.communitylifecycle.mentoring.MentoringCohortContract.TASK_FACILITATE_STANDUP;
import static org.communitylifecycle.mentoring.MentoringCohortContract.TASK_FOLLOW_UP_MISSED_STANDUPS;
import static org.communitylifecycle.mentoring.MentoringCohortContract.TASK_POST_STANDUP_UPDATE;
import static org.communitylifecycle.mentoring.MentoringCohortContract.TIMER_COHORT_ENDS;
import static org.communitylifecycle.mentoring.MentoringCohortContract.TIMER_STANDUP_DUE;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.communitylifecycle.engine.AppClock;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.communitylifecycle.engine.InvalidInputException;
import org.communitylifecycle.mentoring.MentoringRecords.CohortDetail;
import org.communitylifecycle.mentoring.MentoringRecords.MenteeRecord;
import org.communitylifecycle.mentoring.MentoringRecords.StandupRecord;
import org.communitylifecycle.testsupport.TeamAccess;
import org.communitylifecycle.testsupport.TestProcessEngineConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every path through processes/group-mentoring-cohort.bpmn, with the engine's clock. */
@Deployment(resources = {"processes/group-mentoring-cohort.bpmn", "processes/contributor-ladder.dmn"})
class GroupMentoringCohortTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine =
      ProcessEngineCoverageExtension.builder(TestProcessEngineConfiguration.RESOURCE).assertClassCoverageAtLeast(1.0).build();

  static final ZoneId ZONE = ZoneId.systemDefault();
  /** Monday 2 March 2026, 09:00: the cohorts start that day. */
  static final ZonedDateTime NOW = LocalDate.parse("2026-03-02").atTime(9, 0).atZone(ZONE);
  /** The team of the cohort "SIG Apps reviewers": its mentors, the only candidates of its tasks. */
  static final String TEAM = "mentors-sig-apps-reviewers";

  ProcessEngine processEngine;
  JdbcClient jdbc;
  MentoringRecords records;

  @BeforeEach
  void setUp() {
    init(processEngine);
    records = MentoringTestSupport.register(processEngine);
    jdbc = MentoringTestSupport.jdbc(processEngine);
    MentoringTestSupport.clear(jdbc);
    TeamAccess.clear(processEngine.getIdentityService());
    MentoringTestSupport.users(processEngine.getIdentityService());
    AppClock.set(NOW.toInstant());
  }

  @AfterEach
  void tearDown() {
    // Instances left running are removed with the deployment; without their beans, skip the listeners.
    runtimeService().createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).list()
        .forEach(p -> runtimeService().deleteProcessInstance(p.getId(), "test over", true));
    AppClock.reset();
    Mocks.reset();
    processEngine.getIdentityService().clearAuthentication();
  }

  // --- forming a cohort ---

  @Test
  void cohortIsFormedWithMenteesAssignedToMentorsInTurn() {
    ProcessInstance cohort = form("SIG Apps reviewers", "maya, mark", "mateo,mina , milo", "P3M");

    assertThat(cohort).hasBusinessKey("sig-apps-reviewers").isWaitingAt(TIMER_STANDUP_DUE).variables()
        .containsEntry("cohortKey", "sig-apps-reviewers")
        .containsEntry("mentors", "maya,mark")
        .containsEntry("mentees", "mateo,mina,milo")
        .containsEntry("startDate", "2026-03-02")
        .containsEntry("endDate", "2026-06-02")
        .containsEntry("menteeMentors", "mateo (maya), mina (mark), milo (maya)")
        .containsEntry("formedBy", "maya")
        .containsEntry("standupInterval", "P1W")
        .containsEntry("mentorTeam", TEAM);
    // The cohort's team is exactly its mentors: no mentee, no other mentor.
    Assertions.assertThat(TeamAccess.members(processEngine.getIdentityService(), TEAM)).containsExactlyInAnyOrder("maya", "mark");
    Assertions.assertThat(TeamAccess.type(processEngine.getIdentityService(), TEAM)).isEqualTo("team");
    Assertions.assertThat(timer(TIMER_STANDUP_DUE).getDuedate()).isEqualTo(at("2026-03-02"));

    CohortDetail detail = records.cohort("sig-apps-reviewers").orElseThrow();
    Assertions.assertThat(detail.cohort().status()).isEqualTo("running");
    Assertions.assertThat(detail.cohort().goalRung()).isEqualTo("reviewer");
    Assertions.assertThat(detail.cohort().enrolled()).isEqualTo(3);
    Assertions.assertThat(detail.mentees()).extracting(MenteeRecord::mentee, MenteeRecord::mentor)
        .containsExactly(tuple("mateo", "maya"), tuple("mina", "mark"), tuple("milo", "maya"));
  }

  @Test
  void formationRefusesBadInputWithAClearMessageAndStartsNothing() {
    refused(f -> f.put("cohortName", " "), "Give the cohort a name");
    refused(f -> f.put("cohortName", "!!!"), "needs at least one letter or digit");
    refused(f -> f.put("goalRung", "owner"), "'reviewer' (member to reviewer) or 'approver'");
    refused(f -> f.put("mentors", ""), "Name at least one mentor");
    refused(f -> f.put("mentees", " , "), "Name the mentees");
    refused(f -> f.put("mentees", "mateo,mina,mateo"), "'mateo' is named twice in mentees");
    refused(f -> f.put("mentees", "mateo,maya"), "'maya' cannot be both a mentor and a mentee");
    refused(f -> f.put("mentees", "m1,m2,m3,m4,m5,m6,m7,m8,m9,m10,m11"), "at most 10 mentees; 11 were named");
    refused(f -> f.put("mentees", "mateo,mina,milo,nora"),
        "one mentor for every 3 mentees: 4 mentees need 2 mentors, but 1 were named");
    refused(f -> f.put("mentors", "maya,nobody"), "The mentor 'nobody' is not a known user");
    refused(f -> f.put("mentors", "maya,alice"), "The mentor 'alice' is not in the group 'mentors'");
    refused(f -> f.put("mentees", "mateo,mark"), "The mentee 'mark' is not in the group 'mentees'");
    refused(f -> f.put("startDate", "next monday"), "must be a date such as 2026-03-02");
    refused(f -> f.remove("startDate"), "Give the start date");
    refused(f -> f.put("startDate", "2026-03-01"), "The start date 2026-03-01 is in the past");
    refused(f -> f.put("plannedDuration", "3 months"), "as an ISO-8601 period such as P3M or P10W");
    refused(f -> f.put("plannedDuration", "P1M"), "A cohort runs from P2M to P3M: starting on 2026-03-02 it ends"
        + " between 2026-05-02 and 2026-06-02, but P1M ends on 2026-04-02");
    refused(f -> f.put("plannedDuration", "P14W"), "but P14W ends on 2026-06-08");

    Assertions.assertThat(runtimeService().createProcessInstanceQuery().count()).isZero();
    Assertions.assertThat(records.cohorts()).isEmpty();

    // Any ISO-8601 period in the range will do, and a Date from a REST client as well as Tasklist's text.
    ProcessInstance cohort = start(formWith(f -> {
      f.put("plannedDuration", "p10w");
      f.put("startDate", Date.from(NOW.toInstant()));
    }));
    assertThat(cohort).variables().containsEntry("plannedDuration", "P10W").containsEntry("endDate", "2026-05-11");
  }

  @Test
  void aSecondRunningCohortWithTheSameKeyIsRefused() {
    form("SIG Apps reviewers", "maya", "mateo", "P2M");

    assertThatThrownBy(() -> start(formWith(f -> f.put("cohortName", "SIG apps  Reviewers"))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("The cohort 'sig-apps-reviewers' is already running; open its instance instead");
  }

  @Test
  void cancellingACohortKeepsItsRecordAsCancelledAndFreesItsName() {
    ProcessInstance cohort = form("SIG Apps reviewers", "maya", "mateo", "P2M");

    runtimeService().deleteProcessInstance(cohort.getId(), "formed by mistake");

    Assertions.assertThat(records.statusOf("sig-apps-reviewers")).contains("cancelled");
    ProcessInstance again = form("SIG Apps reviewers", "maya", "mina", "P2M");
    assertThat(again).isActive();
    Assertions.assertThat(records.cohort("sig-apps-reviewers").orElseThrow().mentees())
        .extracting(MenteeRecord::mentee).containsExactly("mina");
  }

  // --- weekly standups ---

  @Test
  void eachStandupAsksEveryMenteeForAnUpdateAndTheMentorsTakeTurnsFacilitating() {
    ProcessInstance cohort = form("SIG Apps reviewers", "maya,mark", "mateo,mina,milo", "P3M");

    Assertions.assertThat(openStandup(cohort)).isEqualTo(1);
    Task facilitation = task(TASK_FACILITATE_STANDUP);
    assertThat(facilitation).isAssignedTo("maya").hasName("Facilitate standup: week 1 (SIG Apps reviewers)")
        .hasDueDate(at("2026-03-09"));
    Assertions.assertThat(TeamAccess.candidateGroups(processEngine, facilitation)).containsExactly(TEAM);
    List<Task> updates = tasks(TASK_POST_STANDUP_UPDATE);
    Assertions.assertThat(updates).extracting(Task::getAssignee, Task::getName, Task::getDueDate).containsExactlyInAnyOrder(
        tuple("mateo", "Post standup update: mateo, week 1 (SIG Apps reviewers)", at("2026-03-09")),
        tuple("mina", "Post standup update: mina, week 1 (SIG Apps reviewers)", at("2026-03-09")),
        tuple("milo", "Post standup update: milo, week 1 (SIG Apps reviewers)", at("2026-03-09")));
    // A mentee's update falls back to the cohort's mentors, never to the other mentees.
    updates.forEach(u -> Assertions.assertThat(TeamAccess.candidateGroups(processEngine, u)).containsExactly(TEAM));
    assertThat(cohort).variables().containsEntry("currentStandupWeek", 1).containsEntry("currentFacilitator", "maya");

    post("mateo", "Reviewed two PRs in apps/statefulset", "Finding PRs the right size");
    post("mina", "Shadowed a review with mark", "none");
    post("milo", "Read the reviewing guide", "Time zones");
    facilitate("maya", "Sizing PRs; mark offers pairing sessions");

    assertThat(cohort).hasPassed("EndEvent_UpdatePosted", "EndEvent_StandupFacilitated", "EndEvent_UpdatesClosed",
        "EndEvent_StandupHeld").isWaitingAt(TIMER_STANDUP_DUE);
    // The form's answers stay with each mentee's task, in the history, not on the cohort.
    assertThat(cohort).variables().doesNotContainKeys("accomplishments", "challenges", "standupSummary");
    Assertions.assertThat(historyService().createHistoricVariableInstanceQuery().processInstanceId(cohort.getId())
            .variableName("accomplishments").list())
        .extracting(v -> v.getValue()).containsExactlyInAnyOrder(
            "Reviewed two PRs in apps/statefulset", "Shadowed a review with mark", "Read the reviewing guide");

    Assertions.assertThat(openStandup(cohort)).isEqualTo(2);
    assertThat(task(TASK_FACILITATE_STANDUP)).isAssignedTo("mark").hasDueDate(at("2026-03-16"));
    facilitate("mark", "Short one");
    Assertions.assertThat(openStandup(cohort)).isEqualTo(3);
    assertThat(task(TASK_FACILITATE_STANDUP)).isAssignedTo("maya");

    Assertions.assertThat(records.cohort("sig-apps-reviewers").orElseThrow().standups())
        .extracting(StandupRecord::week, StandupRecord::facilitator, StandupRecord::facilitatedBy, StandupRecord::updatesPosted)
        .containsExactly(tuple(1, "maya", "maya", 3), tuple(2, "mark", "mark", 0), tuple(3, "maya", null, 0));
  }

  @Test
  void aMenteeSeesAndWorksTheirOwnUpdateOnlyAndTheCohortsWorkIsForItsMentors() {
    ProcessInstance cohort = form("SIG Apps reviewers", "maya,mark", "mateo,mina,milo", "P3M");
    // Tasks created while the engine checks authorizations grant their assignee and candidates, as in the application.
    TeamAccess.authorized(processEngine, () -> openStandup(cohort));
    Task minas = updateOf("mina");

    Assertions.assertThat(TeamAccess.tasksSeenBy(processEngine, "mateo")).extracting(Task::getName)
        .containsExactly("Post standup update: mateo, week 1 (SIG Apps reviewers)");
    Assertions.assertThat(taskService().createTaskQuery().taskCandidateGroup("mentees").count()).isZero();
    // mateo is the candidate of no task, through no group: he works his update as its assignee only.
    Assertions.assertThat(taskService().createTaskQuery().taskCandidateUser("mateo").includeAssignedTasks().count()).isZero();
    Assertions.assertThat(taskService().createTaskQuery().taskCandidateUser("mark").includeAssignedTasks().count()).isEqualTo(4);
    assertThatThrownBy(() -> TeamAccess.as(processEngine, "mateo", () -> {
      taskService().setAssignee(minas.getId(), "mateo");
      return null;
    })).isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> TeamAccess.as(processEngine, "mateo", () -> {
      taskService().claim(minas.getId(), "mateo");
      return null;
    })).isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> TeamAccess.as(processEngine, "mateo", () -> {
      taskService().complete(minas.getId(), Map.of("accomplishments", "x", "challenges", "y"));
      return null;
    })).isInstanceOf(AuthorizationException.class);
    // Mina posts her own, through the engine's checks; mentees read the model, as in the application.
    TeamAccess.grant(processEngine, "mentees", Resources.PROCESS_DEFINITION, PROCESS_KEY, Permissions.READ);
    TeamAccess.as(processEngine, "mina", () -> {
      taskService().complete(minas.getId(), Map.of("accomplishments", "Reviewed a PR", "challenges", "none"));
      return null;
    });
    Assertions.assertThat(TeamAccess.tasksSeenBy(processEngine, "mina")).isEmpty();

    // The cohort's mentors see its facilitation and the open updates; a mentor of no cohort sees none of it.
    Assertions.assertThat(TeamAccess.tasksSeenBy(processEngine, "mark")).extracting(Task::getTaskDefinitionKey)
        .containsExactlyInAnyOrder(TASK_FACILITATE_STANDUP, TASK_POST_STANDUP_UPDATE, TASK_POST_STANDUP_UPDATE);
    Assertions.assertThat(TeamAccess.tasksSeenBy(processEngine, "mona")).isEmpty();
    Assertions.assertThat(TeamAccess.tasksSeenBy(processEngine, "alice")).isEmpty();
  }

  @Test
  void aMenteeWhoMissesTwoStandupsInARowIsFollowedUpByTheirMentor() {
    ProcessInstance cohort = form("SIG Apps reviewers", "maya,mark", "mateo,mina,milo", "P3M");
    openStandup(cohort);
    post("mina", "Reviewed a PR", "none");
    post("milo", "Reviewed a PR", "none");

    openStandup(cohort);
    // The next standup closed what week 1 left open: mateo's update and maya's facilitation.
    assertThat(cohort).hasPassed("EndEvent_UpdateMissed", "EndEvent_StandupNotFacilitated");
    Assertions.assertThat(tasks(TASK_POST_STANDUP_UPDATE)).extracting(Task::getName).containsExactlyInAnyOrder(
        "Post standup update: mateo, week 2 (SIG Apps reviewers)", "Post standup update: mina, week 2 (SIG Apps reviewers)",
        "Post standup update: milo, week 2 (SIG Apps reviewers)");
    Assertions.assertThat(tasks(TASK_FOLLOW_UP_MISSED_STANDUPS)).isEmpty();
    post("mina", "Reviewed another PR", "none");

    openStandup(cohort);
    Task followUp = task(TASK_FOLLOW_UP_MISSED_STANDUPS);
    assertThat(followUp).isAssignedTo("maya").hasName("Follow up missed standups: mateo, week 2 (SIG Apps reviewers)");
    Assertions.assertThat(TeamAccess.candidateGroups(processEngine, followUp)).containsExactly(TEAM);
    Assertions.assertThat(taskService().getVariable(followUp.getId(), "missedInARow")).isEqualTo(2);
    // milo missed one standup only.
    Assertions.assertThat(tasks(TASK_FOLLOW_UP_MISSED_STANDUPS)).hasSize(1);

    assertThatThrownBy(() -> as("mona", () -> taskService().complete(followUp.getId(), Map.of("followUpNote", "Pinged"))))
        .hasMessage("Only the cohort's mentors (maya, mark) can follow up its mentees");
    assertThatThrownBy(() -> as("maya", () -> taskService().complete(followUp.getId(), Map.of("followUpNote", " "))))
        .hasMessage("Say how you followed up with mateo (followUpNote)");
    as("maya", () -> taskService().complete(followUp.getId(), Map.of("followUpNote", "Exams this month; back next week")));

    assertThat(cohort).hasPassed("EndEvent_MissedStandupsFollowedUp");
    Assertions.assertThat(records.cohort("sig-apps-reviewers").orElseThrow().mentees())
        .extracting(MenteeRecord::mentee, MenteeRecord::updatesPosted, MenteeRecord::updatesMissed, MenteeRecord::followUps)
        .containsExactly(tuple("mateo", 0, 2, 1), tuple("mina", 2, 0, 0), tuple("milo", 1, 1, 0));
  }

  @Test
  void updatesAreCheckedAndOnlyTheMenteePostsTheirOwn() {
    form("SIG Apps reviewers", "maya", "mateo,mina", "P2M");
    openStandup(runtimeService().createProcessInstanceQuery().singleResult());
    Task mateos = updateOf("mateo");

    assertThatThrownBy(() -> as("mina", () -> taskService().complete(mateos.getId(),
        Map.of("accomplishments", "x", "challenges", "y"))))
        .hasMessage("Only mateo can post their own standup update");
    assertThatThrownBy(() -> as("mateo", () -> taskService().complete(mateos.getId(), Map.of("challenges", "none"))))
        .hasMessage("Say what you accomplished since the last standup (accomplishments)");
    assertThatThrownBy(() -> as("mateo", () -> taskService().complete(mateos.getId(), Map.of("accomplishments", "A review"))))
        .hasMessage("Say what challenges you (challenges); write 'none' if nothing does");
    assertThatThrownBy(() -> as("maya", () -> taskService().complete(task(TASK_FACILITATE_STANDUP).getId(), Map.of())))
        .hasMessageContaining("Summarise the standup");
    // Only the cohort's mentors see its tasks; a mentor outside its team who reaches one anyway may not act.
    assertThatThrownBy(() -> facilitate("mark", "Covering"))
        .hasMessage("Only the cohort's mentors (maya) can facilitate its standups");
    // Whoever Admin adds to the cohort's team may cover.
    processEngine.getIdentityService().createMembership("mark", TEAM);
    processEngine.getIdentityService().setAuthentication("mark", List.of("mentors", TEAM));
    try {
      taskService().complete(task(TASK_FACILITATE_STANDUP).getId(), Map.of("standupSummary", "Covering for maya"));
    } finally {
      processEngine.getIdentityService().clearAuthentication();
    }
    Assertions.assertThat(records.cohort("sig-apps-reviewers").orElseThrow().standups())
        .extracting(StandupRecord::facilitatedBy).containsExactly("mark");

    Assertions.assertThat(records.cohort("sig-apps-reviewers").orElseThrow().mentees())
        .extracting(MenteeRecord::updatesPosted).containsExactly(0, 0);
  }

  @Test
  void standupsStopWhenTheCohortEndsAndEveryMenteeIsReviewed() {
    ProcessInstance cohort = form("SIG Apps reviewers", "maya,mark", "mateo,mina,milo", "P2M");

    int weeks = 0;
    while (timer(TIMER_STANDUP_DUE) != null) {
      weeks = openStandup(cohort);
      tasks(TASK_POST_STANDUP_UPDATE).forEach(u -> post(u.getAssignee(), "Week's work", "none"));
    }

    // 2 March to 2 May: standups on the nine Mondays from 2 March to 27 April.
    Assertions.assertThat(weeks).isEqualTo(9);
    assertThat(cohort).isWaitingAt(TIMER_COHORT_ENDS, TASK_FACILITATE_STANDUP);
    Assertions.assertThat(timer(TIMER_COHORT_ENDS).getDuedate()).isEqualTo(at("2026-05-02"));
    assertThat(task(TASK_FACILITATE_STANDUP)).hasDueDate(at("2026-05-02"));
    Assertions.assertThat(records.cohort("sig-apps-reviewers").orElseThrow().standups()).extracting(StandupRecord::facilitator)
        .containsExactly("maya", "mark", "maya", "mark", "maya", "mark", "maya", "mark", "maya");

    fire(TIMER_COHORT_ENDS);

    assertThat(cohort).hasPassed("EndEvent_StandupsStopped").isWaitingAt(TASK_ENTER_GRADUATION_EVIDENCE);
    Assertions.assertThat(tasks(TASK_FACILITATE_STANDUP)).isEmpty();
    Assertions.assertThat(managementService().createJobQuery().count()).isZero();
    List<Task> reviews = tasks(TASK_ENTER_GRADUATION_EVIDENCE);
    Assertions.assertThat(reviews).extracting(Task::getAssignee, Task::getName).containsExactlyInAnyOrder(
        tuple("maya", "Enter graduation evidence: mateo (SIG Apps reviewers)"),
        tuple("mark", "Enter graduation evidence: mina (SIG Apps reviewers)"),
        tuple("maya", "Enter graduation evidence: milo (SIG Apps reviewers)"));
    reviews.forEach(r -> Assertions.assertThat(TeamAccess.candidateGroups(processEngine, r)).containsExactly(TEAM));
  }

  // --- graduation review and report ---

  @Test
  void theLadderAdvisesAndTheMentorDecidesForEachMenteeThenTheReportComparesWithTheBaseline() {
    ProcessInstance cohort = form("SIG Apps reviewers", "maya", "mateo,mina", "P2M");
    runToTheEnd(cohort);

    enterEvidence("maya", "mateo", 4, 6, 25);
    Task mateosDecision = decisionFor("mateo");
    Assertions.assertThat(taskService().getVariables(mateosDecision.getId()))
        .containsEntry("ladderAdvice", "graduate")
        .containsEntry("ladderAdviceReasons",
            "Meets every reviewer requirement: member for 4 months, primary reviewer on 6 PRs, reviewed or merged 25 substantial PRs");
    decide("maya", "mateo", "graduate", null);

    enterEvidence("maya", "mina", 2, 3, 25);
    Task minasDecision = decisionFor("mina");
    Assertions.assertThat(taskService().getVariable(minasDecision.getId(), "ladderAdvice")).isEqualTo("not-yet");
    Assertions.assertThat(taskService().getVariable(minasDecision.getId(), "ladderAdviceReasons")).isEqualTo(
        "Member for 2 months; a reviewer has been a member for at least 3; "
            + "Primary reviewer on 3 PRs; a reviewer has been primary reviewer on at least 5");
    decide("maya", "mina", "not-yet", null);

    assertThat(cohort).hasPassed("EndEvent_MenteeGraduated", "EndEvent_MenteeNotYetGraduated", "EndEvent_CohortReported")
        .isEnded().variables()
        .containsEntry("enrolledCount", 2)
        .containsEntry("graduatedCount", 1)
        .containsEntry("graduationRatePercent", 50)
        .containsEntry("baselineGraduated", 5)
        .containsEntry("baselineEnrolled", 10)
        .containsEntry("comparedWithBaseline", "level")
        .containsEntry("reportSummary", "1 of 2 mentees graduated (50%), level with the first cohort's 5 of 10 (50%)");

    CohortDetail detail = records.cohort("sig-apps-reviewers").orElseThrow();
    Assertions.assertThat(detail.cohort()).extracting("status", "enrolled", "graduated", "graduationRatePercent",
        "comparedWithBaseline").containsExactly("completed", 2, 1, 50, "level");
    Assertions.assertThat(detail.mentees()).extracting(MenteeRecord::mentee, MenteeRecord::monthsAtRung,
            MenteeRecord::primaryReviewerPrs, MenteeRecord::prsReviewedOrMerged, MenteeRecord::advice,
            MenteeRecord::decision, MenteeRecord::decidedBy)
        .containsExactly(tuple("mateo", 4, 6, 25, "graduate", "graduate", "maya"),
            tuple("mina", 2, 3, 25, "not-yet", "not-yet", "maya"));

    // The report is kept under the cohort's key: the name is not used again.
    assertThatThrownBy(() -> start(formWith(f -> f.put("startDate", "2026-05-04"))))
        .hasMessage("A cohort 'sig-apps-reviewers' has already run; its report is kept under that key, so give the new"
            + " cohort another name, such as 'SIG Apps reviewers 2'");
  }

  @Test
  void theMentorMayDecideAgainstTheAdviceOnlyWithANote() {
    ProcessInstance cohort = formWithRung("SIG Node approvers", "approver", "maya", "mateo,mina");
    runToTheEnd(cohort);

    enterEvidence("maya", "mateo", 5, 9, 40);
    Assertions.assertThat(taskService().getVariable(decisionFor("mateo").getId(), "ladderAdviceReasons")).isEqualTo(
        "Primary reviewer on 9 substantial PRs; an approver has been primary reviewer on at least 10");
    assertThatThrownBy(() -> decide("maya", "mateo", "graduate", " "))
        .hasMessage("The contributor ladder advises 'not-yet'; say why you decide 'graduate' (graduationNote)");
    assertThatThrownBy(() -> decide("mark", "mateo", "graduate", "Looks good to me"))
        .hasMessage("Only the cohort's mentors (maya) can decide graduations");
    assertThatThrownBy(() -> decide("maya", "mateo", "promote", null))
        .hasMessage("Decide 'graduate' or 'not-yet' (graduationDecision), got 'promote'");
    decide("maya", "mateo", "graduate", "The tenth review is merged since; counted by hand");

    enterEvidence("maya", "mina", 6, 12, 31);
    Assertions.assertThat(taskService().getVariable(decisionFor("mina").getId(), "ladderAdvice")).isEqualTo("graduate");
    assertThatThrownBy(() -> decide("maya", "mina", "not-yet", null)).hasMessageContaining("advises 'graduate'");
    decide("maya", "mina", "not-yet", "Wants another cohort before taking approvals");

    assertThat(cohort).isEnded().variables().containsEntry("graduatedCount", 1);
    Assertions.assertThat(records.cohort("sig-node-approvers").orElseThrow().mentees())
        .extracting(MenteeRecord::mentee, MenteeRecord::advice, MenteeRecord::decision, MenteeRecord::decisionNote)
        .containsExactly(tuple("mateo", "not-yet", "graduate", "The tenth review is merged since; counted by hand"),
            tuple("mina", "graduate", "not-yet", "Wants another cohort before taking approvals"));
  }

  @Test
  void evidenceMustBeWholeNonNegativeNumbers() {
    ProcessInstance cohort = form("SIG Apps reviewers", "maya", "mateo", "P2M");
    runToTheEnd(cohort);
    String evidence = task(TASK_ENTER_GRADUATION_EVIDENCE).getId();

    assertThatThrownBy(() -> as("mark", () -> taskService().complete(evidence,
        Map.of("monthsAtCurrentRung", 3, "primaryReviewerPrs", 5, "prsReviewedOrMerged", 20))))
        .hasMessage("Only the cohort's mentors (maya) can enter graduation evidence");
    assertThatThrownBy(() -> taskService().complete(evidence,
        Map.of("monthsAtCurrentRung", -1, "primaryReviewerPrs", 5, "prsReviewedOrMerged", 20)))
        .hasMessage("Months at the current rung (monthsAtCurrentRung) must be between 0 and 100000, got -1");
    assertThatThrownBy(() -> taskService().complete(evidence,
        Map.of("monthsAtCurrentRung", 3, "primaryReviewerPrs", 2.5, "prsReviewedOrMerged", 20)))
        .hasMessage("PRs as primary reviewer (primaryReviewerPrs) must be a whole number, got 2.5");
    assertThatThrownBy(() -> taskService().complete(evidence, Map.of("monthsAtCurrentRung", 3, "primaryReviewerPrs", 5)))
        .hasMessage("PRs reviewed or merged (prsReviewedOrMerged) must be a whole number, got 'null'");

    // Numbers as text, as some clients send them, are fine.
    taskService().complete(evidence, Map.of("monthsAtCurrentRung", "3", "primaryReviewerPrs", 5L, "prsReviewedOrMerged", 20.0));
    assertThat(cohort).isWaitingAt(TASK_DECIDE_GRADUATION);
    Assertions.assertThat(taskService().getVariable(task(TASK_DECIDE_GRADUATION).getId(), "ladderAdvice")).isEqualTo("graduate");
  }

  // --- helpers ---

  private ProcessInstance form(String name, String mentors, String mentees, String duration) {
    return start(formWith(f -> {
      f.put("cohortName", name);
      f.put("mentors", mentors);
      f.put("mentees", mentees);
      f.put("plannedDuration", duration);
    }));
  }

  private ProcessInstance formWithRung(String name, String rung, String mentors, String mentees) {
    return start(formWith(f -> {
      f.put("cohortName", name);
      f.put("goalRung", rung);
      f.put("mentors", mentors);
      f.put("mentees", mentees);
      f.put("plannedDuration", "P2M");
    }));
  }

  private static Map<String, Object> formWith(Consumer<Map<String, Object>> change) {
    Map<String, Object> form = new HashMap<>();
    form.put("cohortName", "SIG Apps reviewers");
    form.put("goalRung", "reviewer");
    form.put("mentors", "maya");
    form.put("mentees", "mateo,mina,milo");
    form.put("startDate", "2026-03-02");
    form.put("plannedDuration", "P3M");
    change.accept(form);
    return form;
  }

  private ProcessInstance start(Map<String, Object> form) {
    processEngine.getIdentityService().setAuthenticatedUserId("maya");
    try {
      return runtimeService().startProcessInstanceByKey(PROCESS_KEY, form);
    } finally {
      processEngine.getIdentityService().clearAuthentication();
    }
  }

  private void refused(Consumer<Map<String, Object>> change, String message) {
    assertThatThrownBy(() -> start(formWith(change))).isInstanceOf(InvalidInputException.class).hasMessageContaining(message);
  }

  /** Moves the clock to the next standup, opens it, and returns its week number. */
  private int openStandup(ProcessInstance cohort) {
    fire(TIMER_STANDUP_DUE);
    return (Integer) runtimeService().getVariable(cohort.getId(), "currentStandupWeek");
  }

  /** Runs every standup, without anyone posting, and the cohort's end. */
  private void runToTheEnd(ProcessInstance cohort) {
    while (timer(TIMER_STANDUP_DUE) != null) {
      openStandup(cohort);
    }
    fire(TIMER_COHORT_ENDS);
    assertThat(cohort).isWaitingAt(TASK_ENTER_GRADUATION_EVIDENCE);
  }

  private void fire(String timerId) {
    Job job = timer(timerId);
    if (job.getDuedate().after(AppClock.date())) {
      AppClock.set(job.getDuedate().toInstant());
    }
    execute(job);
  }

  private Job timer(String activityId) {
    return managementService().createJobQuery().activityId(activityId).singleResult();
  }

  private void post(String mentee, String accomplishments, String challenges) {
    as(mentee, () -> taskService().complete(updateOf(mentee).getId(),
        Map.of("accomplishments", accomplishments, "challenges", challenges)));
  }

  private Task updateOf(String mentee) {
    return taskService().createTaskQuery().taskDefinitionKey(TASK_POST_STANDUP_UPDATE).taskAssignee(mentee).singleResult();
  }

  private void facilitate(String mentor, String summary) {
    as(mentor, () -> taskService().complete(task(TASK_FACILITATE_STANDUP).getId(), Map.of("standupSummary", summary)));
  }

  private void enterEvidence(String mentor, String mentee, int months, int primary, int reviewed) {
    Task task = taskService().createTaskQuery().taskDefinitionKey(TASK_ENTER_GRADUATION_EVIDENCE)
        .taskNameLike("%: " + mentee + " %").singleResult();
    as(mentor, () -> taskService().complete(task.getId(),
        Map.of("monthsAtCurrentRung", months, "primaryReviewerPrs", primary, "prsReviewedOrMerged", reviewed)));
  }

  private Task decisionFor(String mentee) {
    return taskService().createTaskQuery().taskDefinitionKey(TASK_DECIDE_GRADUATION)
        .taskNameLike("%: " + mentee + " %").singleResult();
  }

  private void decide(String mentor, String mentee, String decision, String note) {
    Map<String, Object> form = new HashMap<>();
    form.put("graduationDecision", decision);
    form.put("graduationNote", note);
    as(mentor, () -> taskService().complete(decisionFor(mentee).getId(), form));
  }

  private Task task(String key) {
    return taskService().createTaskQuery().taskDefinitionKey(key).singleResult();
  }

  private List<Task> tasks(String key) {
    return taskService().createTaskQuery().taskDefinitionKey(key).list();
  }

  private void as(String user, Runnable action) {
    processEngine.getIdentityService().setAuthenticatedUserId(user);
    try {
      action.run();
    } finally {
      processEngine.getIdentityService().clearAuthentication();
    }
  }

  private static Date at(String date) {
    return Date.from(LocalDate.parse(date).atStartOfDay(ZONE).toInstant());
  }
}
