package org.communitylifecycle.alumni;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.communitylifecycle.alumni.AlumniNetworkContract.*;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.communitylifecycle.alumni.AlumniFeedback.Consent;
import org.communitylifecycle.alumni.AlumniFeedback.Outcome;
import org.communitylifecycle.alumni.AlumniTestSupport.Beans;
import org.communitylifecycle.testsupport.TeamAccess;
import org.communitylifecycle.testsupport.TestProcessEngineConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every path through processes/alumni-network.bpmn, with the engine's clock. */
@Deployment(resources = "processes/alumni-network.bpmn")
class AlumniNetworkTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine =
      ProcessEngineCoverageExtension.builder(TestProcessEngineConfiguration.RESOURCE).assertClassCoverageAtLeast(1.0).build();

  static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
  static final String LAST_DAY = "2026-03-10";
  static final ZoneId ZONE = ZoneId.systemDefault();

  ProcessEngine processEngine;
  Beans beans;
  String hub;
  String cohortName;

  @BeforeEach
  void setUp() {
    init(processEngine);
    beans = AlumniTestSupport.register(processEngine);
    AlumniTestSupport.ensureHosts(processEngine.getIdentityService());
    ClockUtil.setCurrentTime(Date.from(START));
    // Each test its own hub: cohorts are unique per hub, and the tables outlive a test.
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    hub = "Bergerac Hub " + suffix;
    cohortName = "Winter 2026";
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    Mocks.reset();
    processEngine.getIdentityService().clearAuthentication();
  }

  @Test
  void consentingResidentJoinsTheDirectoryAndTheReunionIsHeld() {
    ProcessInstance cohort = start("Ana Lima, ana@example.org\nBen Okafor <ben@example.org>");
    cohortIsOpenedForHana(cohort);
    Task send = invitationsGoOutToHana(cohort);
    anaJoinsAndBenAnswersAfterTheLinksAreSent(cohort, send);
    Task organise = theReunionComesDueForTheCohortsTeam(cohort);
    theReunionIsPlannedAndHeld(cohort, organise);
  }

  private void cohortIsOpenedForHana(ProcessInstance cohort) {
    assertThat(cohort).isWaitingAt(TIMER_RESIDENCY_ENDED).hasBusinessKey(slug(hub) + "/winter-2026");
    assertThat(cohort).variables().doesNotContainKey("residents").containsEntry("residentCount", 2)
        .containsEntry("hubHost", "hana").containsEntry("invitationValidFor", "P30D").containsEntry("reunionAfter", "P6M")
        .containsEntry("hostTeam", team());
    // The cohort's team is exactly the host who opened it; other hub hosts (ines) are not in it.
    org.assertj.core.api.Assertions.assertThat(TeamAccess.members(processEngine.getIdentityService(), team())).containsExactly("hana");
    org.assertj.core.api.Assertions.assertThat(timer(cohort, TIMER_RESIDENCY_ENDED).getDuedate())
        .as("invitations go out the day after the last day").isEqualTo(localMidnight("2026-03-11"));
  }

  private Task invitationsGoOutToHana(ProcessInstance cohort) {
    runTimer(cohort, TIMER_RESIDENCY_ENDED);

    Task send = task(cohort, TASK_SEND_INVITATIONS);
    assertThat(send).isAssignedTo("hana").hasName("Send alumni invitations: Winter 2026 (" + hub + ")")
        .hasDueDate(localMidnight("2026-04-10"));
    assertCandidateGroup(send, team());
    String links = links(cohort);
    org.assertj.core.api.Assertions.assertThat(AlumniTestSupport.lines(links)).hasSize(2)
        .allMatch(line -> line.contains(": https://alumni.example.org/alumni/feedback/"));
    assertThat(cohort).isWaitingAt(TASK_SEND_INVITATIONS, GATEWAY_FEEDBACK_OR_LAPSE, TIMER_REUNION_DUE);
    return send;
  }

  private void anaJoinsAndBenAnswersAfterTheLinksAreSent(ProcessInstance cohort, Task send) {
    String links = links(cohort);
    Outcome ana = beans.feedback().answer(AlumniTestSupport.tokenFor(links, "ana@example.org"), new Consent(true, true, true, "Weaving"));
    org.assertj.core.api.Assertions.assertThat(ana.joined()).isTrue();
    org.assertj.core.api.Assertions.assertThat(ana.withdrawalLink()).startsWith("https://alumni.example.org/alumni/withdraw/");
    runAnswers(cohort);

    assertThat(cohort).hasPassed(SERVICE_TASK_CLOSE_INVITATION, END_JOINED).isWaitingAt(GATEWAY_FEEDBACK_OR_LAPSE);
    org.assertj.core.api.Assertions.assertThat(AlumniTestSupport.lines(links(cohort)))
        .as("who answered drops off the host's list").singleElement().asString().contains("ben@example.org");

    submit("hana", send, Map.of("invitationsSent", true));
    assertThat(cohort).hasPassed(END_INVITATIONS_SENT).variables().doesNotContainKey("invitationLinks");

    beans.feedback().answer(AlumniTestSupport.tokenFor(links, "ben@example.org"), new Consent(true, false, false, null));
    runAnswers(cohort);
    assertThat(cohort).hasPassed(END_INVITATIONS_CLOSED).isWaitingAt(TIMER_REUNION_DUE);
  }

  private Task theReunionComesDueForTheCohortsTeam(ProcessInstance cohort) {
    Job reunionDue = timer(cohort, TIMER_REUNION_DUE);
    org.assertj.core.api.Assertions.assertThat(reunionDue.getDuedate()).isEqualTo(localMidnight("2026-09-11"));
    // Tasks created while the engine checks authorizations grant their candidates, as in the application.
    TeamAccess.authorized(processEngine, () -> {
      runTimer(cohort, TIMER_REUNION_DUE);
      return null;
    });

    Task organise = task(cohort, TASK_ORGANISE_REUNION);
    assertThat(organise).isNotAssigned().hasName("Organise reunion: Winter 2026 (" + hub + ")");
    assertCandidateGroup(organise, team());
    // Only the cohort's hosts see its work: hana does, ines, a host of other cohorts, does not.
    org.assertj.core.api.Assertions.assertThat(TeamAccess.tasksSeenBy(processEngine, "hana")).extracting(Task::getId)
        .containsExactly(organise.getId());
    org.assertj.core.api.Assertions.assertThat(TeamAccess.tasksSeenBy(processEngine, "ines")).isEmpty();
    assertThat(cohort).variables().containsEntry("contactableAlumni", 1);
    org.assertj.core.api.Assertions.assertThat(taskService().getVariableLocal(organise.getId(), "reunionContacts"))
        .as("only who agreed to be contacted").isEqualTo("Ana Lima <ana@example.org>: Weaving");
    return organise;
  }

  private void theReunionIsPlannedAndHeld(ProcessInstance cohort, Task organise) {
    submit("hana", organise, Map.of("reunionDecision", "planned", "reunionFormat", "online-call", "reunionDate", "2026-09-20"));

    Task record = task(cohort, TASK_RECORD_CATCH_UP);
    assertThat(record).hasDueDate(localMidnight("2026-09-21"));
    assertCandidateGroup(record, team());
    submit("hana", record, Map.of("catchUpOutcome", "held", "attendeeCount", 1L, "catchUpNotes", "Ideas for a summer gathering"));

    assertThat(cohort).hasPassed(GATEWAY_REUNION_PLANNED, END_CATCH_UP_RECORDED).isEnded()
        .variables().containsEntry("attendeeCount", 1).containsEntry("reunionFormat", "online-call")
        .containsEntry("reunionPlan", "an online catch-up call on 20 September 2026")
        .doesNotContainKey("reunionContacts").doesNotContainKey("invitationLinks");
    org.assertj.core.api.Assertions.assertThat(beans.directory().contactable(cohortId(cohort)))
        .extracting(AlumniDirectory.Alumnus::name).containsExactly("Ana Lima");
  }

  @Test
  void decliningResidentIsErasedAndNobodyIsLeftToContact() {
    ProcessInstance cohort = start("Chidi Eze, chidi@example.org");
    runTimer(cohort, TIMER_RESIDENCY_ENDED);
    String links = links(cohort);

    Outcome chidi = beans.feedback().answer(AlumniTestSupport.tokenFor(links, "chidi@example.org"), new Consent(false, false, false, null));
    org.assertj.core.api.Assertions.assertThat(chidi.joined()).isFalse();
    org.assertj.core.api.Assertions.assertThat(chidi.withdrawalLink()).isNull();
    runAnswers(cohort);

    assertThat(cohort).hasPassed(SERVICE_TASK_ERASE_DECLINED, END_DECLINED, END_INVITATIONS_CLOSED);
    org.assertj.core.api.Assertions.assertThat(links(cohort)).as("the host's list lost the declined link").isEmpty();
    org.assertj.core.api.Assertions.assertThat(beans.directory().invitations(cohortId(cohort), AlumniDirectory.DECLINED))
        .singleElement().satisfies(invitation -> {
          org.assertj.core.api.Assertions.assertThat(invitation.name()).isNull();
          org.assertj.core.api.Assertions.assertThat(invitation.email()).isNull();
        });
    submit("hana", task(cohort, TASK_SEND_INVITATIONS), Map.of("invitationsSent", true));

    runTimer(cohort, TIMER_REUNION_DUE);

    assertThat(cohort).hasPassed(SERVICE_TASK_GATHER_CONTACTS, END_NO_ALUMNI_TO_CONTACT).isEnded()
        .variables().containsEntry("contactableAlumni", 0);
  }

  @Test
  void unansweredInvitationLapsesWhileTheLinksWaitUnsent() {
    ProcessInstance cohort = start("Dara Quinn, dara@example.org");
    runTimer(cohort, TIMER_RESIDENCY_ENDED);
    Date expires = (Date) runtimeService().getVariable(cohort.getId(), "invitationsExpireAt");
    org.assertj.core.api.Assertions.assertThat(expires).isEqualTo(localMidnight("2026-04-10"));
    org.assertj.core.api.Assertions.assertThat(timer(cohort, TIMER_INVITATION_LAPSED).getDuedate()).isEqualTo(expires);

    // The host never confirms; at the same moment every link lapses.
    runTimer(cohort, TIMER_INVITATIONS_EXPIRED_UNSENT);
    assertThat(cohort).hasPassed(END_INVITATIONS_EXPIRED_UNSENT).variables().doesNotContainKey("invitationLinks");
    runTimer(cohort, TIMER_INVITATION_LAPSED);

    assertThat(cohort).hasPassed(SERVICE_TASK_ERASE_LAPSED, END_LAPSED, END_INVITATIONS_CLOSED)
        .isWaitingAt(TIMER_REUNION_DUE);
    org.assertj.core.api.Assertions.assertThat(beans.directory().invitations(cohortId(cohort), AlumniDirectory.LAPSED))
        .singleElement().satisfies(invitation -> org.assertj.core.api.Assertions.assertThat(invitation.email()).isNull());
    org.assertj.core.api.Assertions.assertThat(tokensOf(cohort)).as("lapsed links are purged").isZero();

    runTimer(cohort, TIMER_REUNION_DUE);
    assertThat(cohort).hasPassed(END_NO_ALUMNI_TO_CONTACT).isEnded();
  }

  @Test
  void reunionSkippedWithAReason() {
    ProcessInstance cohort = start("Eli Sato, eli@example.org");
    runTimer(cohort, TIMER_RESIDENCY_ENDED);
    beans.feedback().answer(AlumniTestSupport.tokenFor(links(cohort), "eli@example.org"), new Consent(true, true, false, null));
    runAnswers(cohort);
    submit("hana", task(cohort, TASK_SEND_INVITATIONS), Map.of("invitationsSent", true));
    runTimer(cohort, TIMER_REUNION_DUE);

    submit("ines", task(cohort, TASK_ORGANISE_REUNION), Map.of("reunionDecision", "skipped", "skipReason", "Hub closed for renovation"));

    assertThat(cohort).hasPassed(END_REUNION_SKIPPED).isEnded()
        .variables().containsEntry("reunionDecision", "skipped").containsEntry("skipReason", "Hub closed for renovation")
        .doesNotContainKey("reunionOn");
  }

  @Test
  void catchUpCancelledIsRecordedWithoutAttendance() {
    ProcessInstance cohort = start("Femi Ade, femi@example.org");
    runTimer(cohort, TIMER_RESIDENCY_ENDED);
    beans.feedback().answer(AlumniTestSupport.tokenFor(links(cohort), "femi@example.org"), new Consent(true, true, true, null));
    runAnswers(cohort);
    submit("hana", task(cohort, TASK_SEND_INVITATIONS), Map.of("invitationsSent", true));
    runTimer(cohort, TIMER_REUNION_DUE);
    submit("hana", task(cohort, TASK_ORGANISE_REUNION),
        Map.of("reunionDecision", "planned", "reunionFormat", "in-person", "reunionDate", "2026-10-03"));

    submit("hana", task(cohort, TASK_RECORD_CATCH_UP), Map.of("catchUpOutcome", "cancelled", "attendeeCount", 3L));

    assertThat(cohort).hasPassed(END_CATCH_UP_RECORDED).isEnded()
        .variables().containsEntry("catchUpOutcome", "cancelled").doesNotContainKey("attendeeCount");
  }

  @Test
  void startWithBadInputIsRefusedAndStoresNothing() {
    assertThatThrownBy(() -> start(" "))
        .hasMessageContaining("Residents: list the cohort's residents, one per line as 'Name, email'");
    assertThatThrownBy(() -> start("Ana Lima, ana@example.org\nBen Okafor\nana@example.org\nCarla Ruiz, carla@@example\nDan Roe, ANA@example.org"))
        .hasMessage("Residents: line 2 has no email address; line 3: the name is missing; line 4: the email address is not valid; "
            + "line 5 has the same email address as line 1. Write one resident per line as 'Name, email'.");
    assertThatThrownBy(() -> start(Map.of("hubName", " ", "cohortName", "X", "residencyEndDate", LAST_DAY, "residents", "A B, a@example.org")))
        .hasMessageContaining("Give the hub's name (hubName)");
    assertThatThrownBy(() -> start(Map.of("hubName", "Feedback", "cohortName", "X", "residencyEndDate", LAST_DAY, "residents", "A B, a@example.org")))
        .hasMessageContaining("cannot be a hub's name");
    assertThatThrownBy(() -> start(Map.of("hubName", hub, "cohortName", "X", "residencyEndDate", "10/03/2026", "residents", "A B, a@example.org")))
        .hasMessageContaining("residencyEndDate must be a date such as 2026-06-30, got '10/03/2026'");
    assertThatThrownBy(() -> start(Map.of("hubName", hub, "cohortName", "X", "residencyEndDate", "2025-06-30", "residents", "A B, a@example.org")))
        .hasMessageContaining("longer ago than the reunion period (P6M)");
    assertThatThrownBy(() -> start(Map.of("hubName", hub, "cohortName", "X", "residencyEndDate", "2062-06-30", "residents", "A B, a@example.org")))
        .hasMessageContaining("more than 2 years away");

    org.assertj.core.api.Assertions.assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).count()).isZero();
    org.assertj.core.api.Assertions.assertThat(beans.jdbc().sql("select count(*) from cl_alumni_cohort where hub_key = :hub")
        .param("hub", slug(hub)).query(Long.class).single()).isZero();
  }

  @Test
  void aCohortWhoseLinksWouldNotFitTheHostsTaskIsRefused() {
    String large = java.util.stream.IntStream.rangeClosed(1, 40)
        .mapToObj(i -> "Resident Number " + i + ", resident.number." + i + "@example.org").collect(java.util.stream.Collectors.joining("\n"));
    assertThatThrownBy(() -> start(large))
        .hasMessageStartingWith("Residents: the links for 40 residents would not fit in the host's task (")
        .hasMessageEndingWith("of at most 4000 characters); split them into cohorts of about 28");

    ProcessInstance cohort = start(large.lines().limit(28).collect(java.util.stream.Collectors.joining("\n")));
    runTimer(cohort, TIMER_RESIDENCY_ENDED);
    org.assertj.core.api.Assertions.assertThat(links(cohort)).hasSizeLessThanOrEqualTo(4000);
    org.assertj.core.api.Assertions.assertThat(AlumniTestSupport.lines(links(cohort))).hasSize(28);
  }

  @Test
  void rosterFormatsAHostMightPasteAreRead() {
    ProcessInstance cohort = start("Ana Lima, ana@example.org\r\n\n  Ben Okafor <ben@example.org>\nchidi@example.org, Chidi Eze\nDara Quinn\tdara@example.org\nEli Sato eli@example.org\nFemi Ade; femi@example.org");

    org.assertj.core.api.Assertions.assertThat(beans.directory().invitations(cohortId(cohort), AlumniDirectory.SCHEDULED))
        .extracting(AlumniDirectory.Invitation::name, AlumniDirectory.Invitation::email)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Ana Lima", "ana@example.org"),
            org.assertj.core.groups.Tuple.tuple("Ben Okafor", "ben@example.org"),
            org.assertj.core.groups.Tuple.tuple("Chidi Eze", "chidi@example.org"),
            org.assertj.core.groups.Tuple.tuple("Dara Quinn", "dara@example.org"),
            org.assertj.core.groups.Tuple.tuple("Eli Sato", "eli@example.org"),
            org.assertj.core.groups.Tuple.tuple("Femi Ade", "femi@example.org"));
  }

  @Test
  void aCohortStartsOnceAndItsTasksRefuseBadInput() {
    ProcessInstance cohort = start("Gus Moreau, gus@example.org");
    assertThatThrownBy(() -> start("Hal Berg, hal@example.org"))
        .hasMessageContaining("The cohort 'Winter 2026' of " + hub + " is already in the alumni network");

    runTimer(cohort, TIMER_RESIDENCY_ENDED);
    Task send = task(cohort, TASK_SEND_INVITATIONS);
    assertThatThrownBy(() -> submit("hana", send, Map.of("invitationsSent", false)))
        .hasMessageContaining("Tick 'I have sent every invitation'");
    beans.feedback().answer(AlumniTestSupport.tokenFor(links(cohort), "gus@example.org"), new Consent(true, true, true, null));
    runAnswers(cohort);
    runTimer(cohort, TIMER_REUNION_DUE);
    Task organise = task(cohort, TASK_ORGANISE_REUNION);
    assertThatThrownBy(() -> submit("hana", organise, Map.of("reunionDecision", "maybe")))
        .hasMessageContaining("reunionDecision must be 'planned' or 'skipped'");
    assertThatThrownBy(() -> submit("hana", organise, Map.of("reunionDecision", "planned", "reunionDate", "2026-10-01")))
        .hasMessageContaining("Choose how the reunion meets");
    assertThatThrownBy(() -> submit("hana", organise, Map.of("reunionDecision", "planned", "reunionFormat", "in-person", "reunionDate", "2026-01-01")))
        .hasMessageContaining("has passed");
    assertThatThrownBy(() -> submit("hana", organise, Map.of("reunionDecision", "skipped")))
        .hasMessageContaining("Say why there is no reunion this time");
    submit("hana", organise, Map.of("reunionDecision", "planned", "reunionFormat", "in-person", "reunionDate", "2026-10-01"));
    Task record = task(cohort, TASK_RECORD_CATCH_UP);
    assertThatThrownBy(() -> submit("hana", record, Map.of("catchUpOutcome", "held")))
        .hasMessageContaining("Give how many alumni took part (attendeeCount)");
    assertThatThrownBy(() -> submit("hana", record, Map.of("catchUpOutcome", "held", "attendeeCount", -2L)))
        .hasMessageContaining("0 or more");

    assertThat(cohort).isWaitingAt(TASK_SEND_INVITATIONS, TASK_RECORD_CATCH_UP);
  }

  @Test
  void cancelledCohortForgetsItsPendingInvitations() {
    ProcessInstance cohort = start("Iris Novak, iris@example.org\nJon Bell, jon@example.org");
    runTimer(cohort, TIMER_RESIDENCY_ENDED);
    String links = links(cohort);
    beans.feedback().answer(AlumniTestSupport.tokenFor(links, "jon@example.org"), new Consent(false, false, false, null));

    runtimeService().deleteProcessInstance(cohort.getId(), "Cohort entered by mistake");

    org.assertj.core.api.Assertions.assertThat(beans.jdbc().sql("""
            select count(*) from cl_alumni_invitation
            where cohort_id = :cohort and (resident_name is not null or resident_email is not null)""")
        .param("cohort", cohortId(cohort)).query(Long.class).single()).isZero();
    org.assertj.core.api.Assertions.assertThat(beans.directory().invitations(cohortId(cohort), AlumniDirectory.CANCELLED)).hasSize(1);
    org.assertj.core.api.Assertions.assertThat(beans.feedback().feedbackLink(AlumniTestSupport.tokenFor(links, "iris@example.org")).state())
        .isEqualTo(AlumniFeedback.LinkState.UNKNOWN);
  }

  @Test
  void personalVariablesNeverReachTheHistory() {
    ProcessInstance cohort = start("Kim Park, kim@example.org");
    runTimer(cohort, TIMER_RESIDENCY_ENDED);
    beans.feedback().answer(AlumniTestSupport.tokenFor(links(cohort), "kim@example.org"), new Consent(true, true, true, "Baking"));
    runAnswers(cohort);
    submit("hana", task(cohort, TASK_SEND_INVITATIONS), Map.of("invitationsSent", true, "invitationLinks", "as the form posts it"));
    runTimer(cohort, TIMER_REUNION_DUE);
    submit("hana", task(cohort, TASK_ORGANISE_REUNION), Map.of("reunionDecision", "skipped", "skipReason", "Quiet season"));

    List<HistoricVariableInstance> variables = historyService().createHistoricVariableInstanceQuery()
        .processInstanceId(cohort.getId()).includeDeleted().list();
    org.assertj.core.api.Assertions.assertThat(variables).extracting(HistoricVariableInstance::getName)
        .contains("hubName", "cohortId", "invitationId", "reunionDecision")
        .doesNotContain("residents", "invitationLinks", "reunionContacts");
    org.assertj.core.api.Assertions.assertThat(historyService().createHistoricDetailQuery().processInstanceId(cohort.getId()).formFields().count())
        .as("forms are recorded once, as variable updates").isZero();
    List<HistoricDetail> details = historyService().createHistoricDetailQuery().processInstanceId(cohort.getId()).list();
    org.assertj.core.api.Assertions.assertThat(details).isNotEmpty()
        .noneMatch(d -> String.valueOf(((org.camunda.bpm.engine.history.HistoricVariableUpdate) d).getValue()).contains("kim@example.org"));
  }

  // --- helpers ---

  private ProcessInstance start(String residents) {
    return start(AlumniTestSupport.cohort(hub, cohortName, LAST_DAY, residents));
  }

  private ProcessInstance start(Map<String, Object> form) {
    String definition = repositoryService().createProcessDefinitionQuery().processDefinitionKey(PROCESS_KEY)
        .latestVersion().singleResult().getId();
    processEngine.getIdentityService().setAuthenticatedUserId("hana");
    try {
      return formService().submitStartForm(definition, new HashMap<>(form));
    } finally {
      processEngine.getIdentityService().clearAuthentication();
    }
  }

  private void submit(String user, Task task, Map<String, Object> form) {
    processEngine.getIdentityService().setAuthenticatedUserId(user);
    try {
      formService().submitTaskForm(task.getId(), new HashMap<>(form));
    } finally {
      processEngine.getIdentityService().clearAuthentication();
    }
  }

  private Job timer(ProcessInstance cohort, String activityId) {
    List<Job> jobs = managementService().createJobQuery().processInstanceId(cohort.getId()).activityId(activityId).list();
    org.assertj.core.api.Assertions.assertThat(jobs).as("timer %s", activityId).isNotEmpty();
    return jobs.get(0);
  }

  /** Moves the clock to the timer and runs every job of that activity due then. */
  private void runTimer(ProcessInstance cohort, String activityId) {
    ClockUtil.setCurrentTime(timer(cohort, activityId).getDuedate());
    managementService().createJobQuery().processInstanceId(cohort.getId()).activityId(activityId).list()
        .forEach(job -> managementService().executeJob(job.getId()));
  }

  /** The continuations after "Feedback given". */
  private void runAnswers(ProcessInstance cohort) {
    managementService().createJobQuery().processInstanceId(cohort.getId()).activityId(EVENT_FEEDBACK_GIVEN).list()
        .forEach(job -> managementService().executeJob(job.getId()));
  }

  private Task task(ProcessInstance cohort, String key) {
    return taskService().createTaskQuery().processInstanceId(cohort.getId()).taskDefinitionKey(key).singleResult();
  }

  private String links(ProcessInstance cohort) {
    return (String) runtimeService().getVariable(cohort.getId(), "invitationLinks");
  }

  private long cohortId(ProcessInstance cohort) {
    return beans.directory().cohort(slug(hub), "winter-2026").orElseThrow().id();
  }

  private long tokensOf(ProcessInstance cohort) {
    return beans.jdbc().sql("""
            select count(*) from cl_alumni_token t join cl_alumni_invitation i on i.id = t.invitation_id
            where i.cohort_id = :cohort""").param("cohort", cohortId(cohort)).query(Long.class).single();
  }

  private void assertCandidateGroup(Task task, String group) {
    org.assertj.core.api.Assertions.assertThat(TeamAccess.candidateGroups(processEngine, task)).containsExactly(group);
  }

  /** The team of this test's cohort: its hub's and its own slug, joined by a double dash. */
  private String team() {
    return "hosts-" + slug(hub) + "--winter-2026";
  }

  private static Date localMidnight(String day) {
    return Date.from(LocalDate.parse(day).atStartOfDay(ZONE).toInstant());
  }

  private static String slug(String name) {
    return org.communitylifecycle.community.CommunitySlug.of(name);
  }
}
