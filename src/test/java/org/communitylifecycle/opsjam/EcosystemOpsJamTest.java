package org.communitylifecycle.opsjam;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.communitylifecycle.opsjam.OpsJamContract.PROCESS_KEY;
import static org.communitylifecycle.opsjam.OpsJamContract.TASK_COMB_BACKLOG;
import static org.communitylifecycle.opsjam.OpsJamContract.TASK_DISCUSS_OPS_NEEDS;
import static org.communitylifecycle.opsjam.OpsJamContract.TASK_DRAFT_AGENDA_AND_INVITATION;
import static org.communitylifecycle.opsjam.OpsJamContract.TASK_HOLD_CHECK_IN;
import static org.communitylifecycle.opsjam.OpsJamContract.TASK_RECORD_FOLLOW_UP_MEETING;
import static org.communitylifecycle.opsjam.OpsJamContract.TASK_RESOLVE_OVERDUE_ITEM;
import static org.communitylifecycle.opsjam.OpsJamContract.TASK_REVIEW_AGENDA_AND_INVITATION;
import static org.communitylifecycle.opsjam.OpsJamContract.TASK_SCHEDULE_JAM;
import static org.communitylifecycle.opsjam.OpsJamContract.TASK_SHARE_WORKFLOW_AND_WISHLIST;
import static org.communitylifecycle.opsjam.OpsJamContract.TASK_UNBLOCK_OVERDUE_ITEM;
import static org.communitylifecycle.opsjam.OpsJamContract.TIMER_CHECK_IN_DUE;
import static org.communitylifecycle.opsjam.OpsJamContract.TIMER_JAM_DAY;
import static org.communitylifecycle.opsjam.OpsJamContract.TIMER_OVERDUE_CHECK_DUE;
import static org.communitylifecycle.opsjam.OpsJamContract.TIMER_OVERDUE_ITEM_STILL_OPEN;
import static org.communitylifecycle.opsjam.OpsJamContract.TIMER_SUBMISSION_WINDOW_CLOSED;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.communitylifecycle.engine.AppClock;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.communitylifecycle.testsupport.TeamAccess;
import org.communitylifecycle.testsupport.TestProcessEngineConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every path through processes/ecosystem-ops-jam.bpmn; timers are driven by the engine clock. */
@Deployment(resources = "processes/ecosystem-ops-jam.bpmn")
class EcosystemOpsJamTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine =
      ProcessEngineCoverageExtension.builder(TestProcessEngineConfiguration.RESOURCE).assertClassCoverageAtLeast(1.0).build();

  static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
  static final String KEY = "sourcecred-ecosystems";
  static final String JAM_DAY = "2026-03-10";
  /** The jam's team: its project manager and branch lead, the only candidate group of its tasks. */
  static final String TEAM = "opsjam-" + KEY;

  /** Owners, priorities, dependencies and due dates for the five items of the main path, as typed in the form. */
  static final String PLAN = """
      # key | owner | priority (high, medium, low) | depends on | due date
      OPS-1 | bruno | low |  |   # Design support for an Ecosystem Map
      OPS-2 | ivan | high |  | 2026-04-30
      OPS-3 | ines | medium | OPS-2 | 2026-05-15
      4 | ines | medium | OPS-3
      OPS-5 | paula | High | ops-2""";

  ProcessEngine processEngine;
  OpsJams jams;
  RoadmapItems items;

  @BeforeEach
  void setUp() {
    init(processEngine);
    OpsJamFixtures.clean();
    TeamAccess.clear(processEngine.getIdentityService());
    OpsJamFixtures.registerBeans();
    OpsJamFixtures.ensureUsers(processEngine.getIdentityService());
    jams = OpsJamFixtures.jams();
    items = OpsJamFixtures.items();
    AppClock.set(START);
  }

  @AfterEach
  void tearDown() {
    AppClock.reset();
    Mocks.reset();
    processEngine.getIdentityService().clearAuthentication();
  }

  // --- preparing the jam ---

  @Test
  void jamIsPreparedScheduledAndItsInputCombedIntoARoadmap() {
    ProcessInstance jam = start("SourceCred Ecosystems", "paula", "bruno", "ines, ivan, ines");
    assertThat(jam).hasBusinessKey(KEY).variables()
        .containsEntry("jamKey", KEY)
        .containsEntry("instanceManagers", "ines, ivan")
        .containsEntry("invitedInstanceManagers", List.of("ines", "ivan"))
        .containsEntry("submissionWindow", "P7D")
        .containsEntry("checkInCycle", "R/P1M")
        .containsEntry("overdueCheckCycle", "R/P1D")
        .containsEntry("overdueEscalation", "P7D")
        .containsEntry("jamTeam", TEAM);
    // The team is exactly the jam's project manager and branch lead: no instance manager, no other manager.
    org.assertj.core.api.Assertions.assertThat(TeamAccess.members(processEngine.getIdentityService(), TEAM))
        .containsExactlyInAnyOrder("paula", "bruno");
    org.assertj.core.api.Assertions.assertThat(jams.find(KEY)).get()
        .extracting(OpsJams.OpsJam::projectManager, OpsJams.OpsJam::branchLead, OpsJams.OpsJam::phase)
        .containsExactly("paula", "bruno", OpsJams.PREPARING);

    Task oneToOne = taskAt(jam, TASK_DISCUSS_OPS_NEEDS);
    assertThat(oneToOne).isAssignedTo("paula").hasName("Discuss ops needs 1:1 (SourceCred Ecosystems)");
    assertCandidateGroups(oneToOne, TEAM);
    complete("paula", oneToOne, Map.of("opsNeeds", "Tracking core initiatives; coordinating instance managers"));

    Task draft = taskAt(jam, TASK_DRAFT_AGENDA_AND_INVITATION);
    assertThat(draft).isAssignedTo("paula");
    complete("paula", draft, Map.of("agenda", "Workflows, requests, backlog", "invitation", "Join the ops jam"));

    Task review = taskAt(jam, TASK_REVIEW_AGENDA_AND_INVITATION);
    assertThat(review).isAssignedTo("bruno");
    assertCandidateGroups(review, TEAM);
    complete("bruno", review, Map.of("agendaDecision", "approve"));
    assertThat(jam).hasPassed("Gateway_AgendaApproved").isWaitingAt(TASK_SCHEDULE_JAM).variables()
        .containsEntry("agendaApprovedBy", "bruno").containsEntry("agendaRounds", 1);

    Task schedule = taskAt(jam, TASK_SCHEDULE_JAM);
    assertThat(schedule).isAssignedTo("bruno");
    complete("bruno", schedule, Map.of("jamDate", JAM_DAY, "jamLocation", "Discord"));
    assertThat(jam).isWaitingAt(TIMER_JAM_DAY).variables()
        .containsEntry("jamDate", JAM_DAY).containsEntry("jamStartsAt", Inputs.startOf(LocalDate.parse(JAM_DAY)));
    org.assertj.core.api.Assertions.assertThat(timer(jam, TIMER_JAM_DAY).getDuedate())
        .isEqualTo(Inputs.startOf(LocalDate.parse(JAM_DAY)));
    org.assertj.core.api.Assertions.assertThat(jams.find(KEY).get().phase()).isEqualTo(OpsJams.SCHEDULED);
    org.assertj.core.api.Assertions.assertThat(jams.find(KEY).get().jamDate()).isEqualTo(LocalDate.parse(JAM_DAY));

    // The wider community may add requests from now on.
    new OpsRequests(jams, items).add(KEY, "alice", "Design support for an Ecosystem Map", "Ecosystem map", "A map");

    // Tasks created while the engine checks authorizations grant their assignee and candidates, as in the application.
    TeamAccess.authorized(processEngine, () -> {
      fire(jam, TIMER_JAM_DAY);
      return null;
    });
    org.assertj.core.api.Assertions.assertThat(jams.find(KEY).get().phase()).isEqualTo(OpsJams.COLLECTING);
    List<Task> inputs = taskService().createTaskQuery().processInstanceId(jam.getId())
        .taskDefinitionKey(TASK_SHARE_WORKFLOW_AND_WISHLIST).orderByTaskAssignee().asc().list();
    org.assertj.core.api.Assertions.assertThat(inputs).extracting(Task::getAssignee, Task::getName).containsExactly(
        tuple("ines", "Share workflow, pain points and wishlist (SourceCred Ecosystems)"),
        tuple("ivan", "Share workflow, pain points and wishlist (SourceCred Ecosystems)"));
    inputs.forEach(input -> assertCandidateGroups(input, TEAM));
    // An instance manager sees their own input only and cannot take another's; the jam's team sees them all.
    org.assertj.core.api.Assertions.assertThat(TeamAccess.tasksSeenBy(processEngine, "ines")).extracting(Task::getId)
        .containsExactly(inputs.get(0).getId());
    assertThatThrownBy(() -> TeamAccess.as(processEngine, "ines", () -> {
      taskService().claim(inputs.get(1).getId(), "ines");
      return null;
    })).isInstanceOf(AuthorizationException.class);
    org.assertj.core.api.Assertions.assertThat(TeamAccess.tasksSeenBy(processEngine, "paula")).hasSize(2);
    org.assertj.core.api.Assertions.assertThat(TeamAccess.tasksSeenBy(processEngine, "iris")).isEmpty();
    org.assertj.core.api.Assertions.assertThat(TeamAccess.tasksSeenBy(processEngine, "pete")).isEmpty();

    assertThat(jam).variables().doesNotContainKey("painPoints");
    org.assertj.core.api.Assertions.assertThat(taskService().getVariable(inputs.get(0).getId(), "painPoints"))
        .as("how to write an item").isEqualTo(InstanceInput.ITEM_HEADER);
    share("ines", jam, "Identity across instances is manual | Identity management | Each instance keeps its own list",
        "Onboarding guide for instances | onboarding materials, docs");
    share("ivan", jam, InstanceInput.ITEM_HEADER + "\n\nNewcomers need 1:1 time | Onboarding Materials\n   \n",
        "Visibility into ID development | identity management | To coordinate resources | with the ID team");

    Task comb = taskAt(jam, TASK_COMB_BACKLOG);
    assertThat(comb).isAssignedTo("paula");
    assertCandidateUser(comb, "bruno");
    assertCandidateGroups(comb, TEAM);
    org.assertj.core.api.Assertions.assertThat(jams.find(KEY).get().phase()).isEqualTo(OpsJams.COMBING);
    org.assertj.core.api.Assertions.assertThat(jams.submissions(KEY)).extracting(OpsJams.Submission::instanceManager)
        .containsExactly("ines", "ivan");
    org.assertj.core.api.Assertions.assertThat(backlogOf(comb))
        .extracting(r -> r.get("key"), r -> r.get("kind"), r -> r.get("requestedBy"), r -> r.get("title"), r -> r.get("tags"))
        .containsExactly(
            tuple("OPS-1", "request", "alice", "Design support for an Ecosystem Map", "ecosystem-map"),
            tuple("OPS-2", "pain-point", "ines", "Identity across instances is manual", "identity-management"),
            tuple("OPS-3", "wishlist", "ines", "Onboarding guide for instances", "docs, onboarding-materials"),
            tuple("OPS-4", "pain-point", "ivan", "Newcomers need 1:1 time", "onboarding-materials"),
            tuple("OPS-5", "wishlist", "ivan", "Visibility into ID development", "identity-management"));

    org.assertj.core.api.Assertions.assertThat(taskService().getVariable(comb.getId(), "plan")).isEqualTo("""
        # key | owner | priority (high, medium, low) | depends on | due date
        OPS-1 |  |  |  |   # Design support for an Ecosystem Map
        OPS-2 |  |  |  |   # Identity across instances is manual
        OPS-3 |  |  |  |   # Onboarding guide for instances
        OPS-4 |  |  |  |   # Newcomers need 1:1 time
        OPS-5 |  |  |  |   # Visibility into ID development""");

    complete("paula", comb, Map.of("plan", PLAN));

    assertThat(jam).hasPassed("ServiceTask_PublishRoadmap").isWaitingAt(TASK_RECORD_FOLLOW_UP_MEETING)
        .variables().containsEntry("roadmapItemCount", 5).containsEntry("submissions", 2)
        .doesNotContainKey("backlog").doesNotContainKey("plan");
    org.assertj.core.api.Assertions.assertThat(items.find(KEY, "OPS-5").get().description())
        .as("the rest of the line is the description").isEqualTo("To coordinate resources | with the ID team");
    org.assertj.core.api.Assertions.assertThat(jams.find(KEY).get().phase()).isEqualTo(OpsJams.TRACKING);
    org.assertj.core.api.Assertions.assertThat(items.list(KEY))
        .extracting(RoadmapItems.Item::key, RoadmapItems.Item::owner, RoadmapItems.Item::priority,
            RoadmapItems.Item::status, RoadmapItems.Item::dueDate, RoadmapItems.Item::dependsOn)
        .containsExactly(
            tuple("OPS-1", "bruno", "low", "planned", null, List.of()),
            tuple("OPS-2", "ivan", "high", "planned", LocalDate.parse("2026-04-30"), List.of()),
            tuple("OPS-3", "ines", "medium", "planned", LocalDate.parse("2026-05-15"), List.of("OPS-2")),
            tuple("OPS-4", "ines", "medium", "planned", null, List.of("OPS-3")),
            tuple("OPS-5", "paula", "high", "planned", null, List.of("OPS-2")));
    org.assertj.core.api.Assertions.assertThat(Theme.of(items.list(KEY)))
        .extracting(Theme::tag, Theme::instanceManagers, Theme::crossInstance)
        .startsWith(tuple("identity-management", 2, true), tuple("onboarding-materials", 2, true));
    Task followUp = taskAt(jam, TASK_RECORD_FOLLOW_UP_MEETING);
    assertThat(followUp).isAssignedTo("paula");
    assertCandidateUser(followUp, "bruno");
    assertCandidateGroups(followUp, TEAM);
    // Published on the jam day: check-ins monthly from then, overdue checks daily.
    org.assertj.core.api.Assertions.assertThat(timer(jam, TIMER_CHECK_IN_DUE).getDuedate())
        .isEqualTo(Inputs.startOf(LocalDate.parse("2026-04-10")));
    org.assertj.core.api.Assertions.assertThat(timer(jam, TIMER_OVERDUE_CHECK_DUE).getDuedate())
        .isEqualTo(Inputs.startOf(LocalDate.parse("2026-03-11")));
  }

  @Test
  void agendaSentBackIsRedraftedWithTheComment() {
    ProcessInstance jam = start("SourceCred Ecosystems", "paula", "bruno", "ines");
    complete("paula", taskAt(jam, TASK_DISCUSS_OPS_NEEDS), Map.of("opsNeeds", "Ops support"));
    complete("paula", taskAt(jam, TASK_DRAFT_AGENDA_AND_INVITATION), Map.of("agenda", "Talk", "invitation", "Come"));

    complete("bruno", taskAt(jam, TASK_REVIEW_AGENDA_AND_INVITATION),
        Map.of("agendaDecision", "request-changes", "agendaComment", "Invite the wider community too"));

    assertThat(jam).hasPassed("Gateway_AgendaApproved").isWaitingAt(TASK_DRAFT_AGENDA_AND_INVITATION)
        .variables().containsEntry("agendaComment", "Invite the wider community too").containsEntry("agendaRounds", 1);
    complete("paula", taskAt(jam, TASK_DRAFT_AGENDA_AND_INVITATION),
        Map.of("agenda", "Talk", "invitation", "Instance managers and contributors: come"));
    assertThat(jam).isWaitingAt(TASK_REVIEW_AGENDA_AND_INVITATION).variables()
        .doesNotContainKey("agendaComment").doesNotContainKey("agendaDecision");
    complete("bruno", taskAt(jam, TASK_REVIEW_AGENDA_AND_INVITATION), Map.of("agendaDecision", "approve"));
    assertThat(jam).isWaitingAt(TASK_SCHEDULE_JAM).variables().containsEntry("agendaRounds", 2);
  }

  @Test
  void preparationFormsWithMissingOrBadInputAreRejected() {
    ProcessInstance jam = start("SourceCred Ecosystems", "paula", "bruno", "ines");
    Task oneToOne = taskAt(jam, TASK_DISCUSS_OPS_NEEDS);
    assertThatThrownBy(() -> complete("paula", oneToOne, Map.of("opsNeeds", " ")))
        .hasMessage("Record the ops needs you discussed (opsNeeds)");
    complete("paula", oneToOne, Map.of("opsNeeds", "Ops support"));

    Task draft = taskAt(jam, TASK_DRAFT_AGENDA_AND_INVITATION);
    assertThatThrownBy(() -> complete("paula", draft, Map.of("agenda", "Talk")))
        .hasMessage("Write the invitation to participate (invitation)");
    assertThatThrownBy(() -> complete("paula", draft, Map.of("agenda", "x".repeat(4001), "invitation", "Come")))
        .hasMessage("Draft the agenda of the jam: at most 4000 characters, got 4001");
    complete("paula", draft, Map.of("agenda", "Talk", "invitation", "Come"));

    Task review = taskAt(jam, TASK_REVIEW_AGENDA_AND_INVITATION);
    assertThatThrownBy(() -> complete("bruno", review, Map.of("agendaDecision", "maybe")))
        .hasMessage("agendaDecision must be 'approve' or 'request-changes', got 'maybe'");
    assertThatThrownBy(() -> complete("bruno", review, Map.of("agendaDecision", "request-changes")))
        .hasMessage("Say what should change in the agenda or the invitation (agendaComment)");
    complete("bruno", review, Map.of("agendaDecision", "approve"));

    Task schedule = taskAt(jam, TASK_SCHEDULE_JAM);
    assertThatThrownBy(() -> complete("bruno", schedule, Map.of()))
        .hasMessage("Give the date of the jam (jamDate)");
    assertThatThrownBy(() -> complete("bruno", schedule, Map.of("jamDate", "next Tuesday")))
        .hasMessage("The jam date must be a date such as 2026-03-10, got 'next Tuesday'");
    assertThatThrownBy(() -> complete("bruno", schedule, Map.of("jamDate", "2026-03-01")))
        .hasMessage("The jam date 2026-03-01 is in the past; choose today or a later day");
    assertThat(jam).isWaitingAt(TASK_SCHEDULE_JAM);
    org.assertj.core.api.Assertions.assertThat(jams.find(KEY).get().phase()).isEqualTo(OpsJams.PREPARING);

    // Today is fine: the timer is due at once.
    complete("bruno", schedule, Map.of("jamDate", "2026-03-02T00:00:00.000+0000"));
    assertThat(jam).isWaitingAt(TIMER_JAM_DAY).variables().containsEntry("jamDate", "2026-03-02");
  }

  @Test
  void startIsRefusedForUnknownPeopleWrongGroupsOrADuplicateJam() {
    assertThatThrownBy(() -> start(" ", "paula", "bruno", "ines"))
        .isInstanceOf(ProcessEngineException.class).hasMessage("Name the ecosystem or the jam (jamName)");
    assertThatThrownBy(() -> start("!!!", "paula", "bruno", "ines"))
        .hasMessage("The name '!!!' needs at least one letter or digit to make the jam's key");
    assertThatThrownBy(() -> start("SourceCred Ecosystems", null, "bruno", "ines"))
        .hasMessage("Name the project manager by user id (projectManager)");
    assertThatThrownBy(() -> start("SourceCred Ecosystems", "zoe", "bruno", "ines"))
        .hasMessage("The project manager 'zoe' is not a known user");
    assertThatThrownBy(() -> start("SourceCred Ecosystems", "bruno", "bruno", "ines"))
        .hasMessage("The project manager 'bruno' is not in the group 'project-managers'");
    assertThatThrownBy(() -> start("SourceCred Ecosystems", "paula", "dave", "ines"))
        .hasMessage("The branch lead 'dave' is not in the group 'branch-leads'");
    processEngine.getIdentityService().createMembership("pete", "branch-leads");
    try {
      assertThatThrownBy(() -> start("SourceCred Ecosystems", "pete", "pete", "ines"))
          .hasMessage("The project manager and the branch lead are two people who meet 1:1; 'pete' cannot be both");
    } finally {
      processEngine.getIdentityService().deleteMembership("pete", "branch-leads");
    }
    assertThatThrownBy(() -> start("SourceCred Ecosystems", "paula", "bruno", " , "))
        .hasMessage("Invite at least one instance manager by user id (instanceManagers)");
    assertThatThrownBy(() -> start("SourceCred Ecosystems", "paula", "bruno", "ines, alice"))
        .hasMessage("The instance manager 'alice' is not in the group 'instance-managers'");
    org.assertj.core.api.Assertions.assertThat(runtimeService().createProcessInstanceQuery().count()).isZero();
    org.assertj.core.api.Assertions.assertThat(jams.find(KEY)).isEmpty();

    start("SourceCred Ecosystems", "paula", "bruno", "ines");
    assertThatThrownBy(() -> start("Sourcecred ecosystems!", "pete", "bruno", "ivan"))
        .hasMessage("There is already an ops jam with the key 'sourcecred-ecosystems'; give this one another name, "
            + "for example with the month");
    org.assertj.core.api.Assertions.assertThat(runtimeService().createProcessInstanceQuery().count()).isEqualTo(1);
  }

  @Test
  void cancelledJamTakesNoMoreRequests() {
    ProcessInstance jam = start("SourceCred Ecosystems", "paula", "bruno", "ines");

    runtimeService().deleteProcessInstance(jam.getId(), "Jam called off");

    org.assertj.core.api.Assertions.assertThat(jams.find(KEY).get().phase()).isEqualTo(OpsJams.CANCELLED);
  }

  // --- the jam day ---

  @Test
  void submissionWindowClosesBeforeEveryInstanceManagerShared() {
    ProcessInstance jam = scheduledJam();
    fire(jam, TIMER_JAM_DAY);
    share("ines", jam, null, "Onboarding guide | onboarding materials");

    Job window = timer(jam, TIMER_SUBMISSION_WINDOW_CLOSED);
    org.assertj.core.api.Assertions.assertThat(window.getDuedate())
        .isEqualTo(Date.from(Inputs.startOf(LocalDate.parse(JAM_DAY)).toInstant().plus(Duration.ofDays(7))));
    fire(jam, TIMER_SUBMISSION_WINDOW_CLOSED);

    assertThat(jam).hasPassed(TIMER_SUBMISSION_WINDOW_CLOSED).isWaitingAt(TASK_COMB_BACKLOG)
        .isNotWaitingAt(TASK_SHARE_WORKFLOW_AND_WISHLIST);
    org.assertj.core.api.Assertions.assertThat(backlogOf(taskAt(jam, TASK_COMB_BACKLOG)))
        .extracting(r -> r.get("key"), r -> r.get("requestedBy")).containsExactly(tuple("OPS-1", "ines"));
    org.assertj.core.api.Assertions.assertThat(jams.submissions(KEY)).extracting(OpsJams.Submission::instanceManager)
        .containsExactly("ines");
  }

  @Test
  void instanceInputWithProblemsIsRejectedAndNothingIsStored() {
    ProcessInstance jam = scheduledJam();
    fire(jam, TIMER_JAM_DAY);
    Task input = inputOf(jam, "ines");

    assertThatThrownBy(() -> complete("ines", input, Map.of("painPoints", "Manual tithes")))
        .hasMessage("Describe your workflow (workflow)");
    assertThatThrownBy(() -> complete("ines", input, Map.of("workflow", "Weekly distributions by hand",
            "painPoints", "# title | tags | description\n | identity | No title here",
            "wishlist", "Everything | a, b, c, d, e, f, g, h, i, j, k")))
        .hasMessage("Your input is not complete: Pain point on line 2 has no title; Wish on line 1: at most 10 tags, got 11");
    assertThatThrownBy(() -> complete("ines", input, Map.of("workflow", "By hand", "wishlist", "x".repeat(4001))))
        .hasMessage("Wishlist: at most 4000 characters, got 4001");

    assertThat(jam).isWaitingAt(TASK_SHARE_WORKFLOW_AND_WISHLIST);
    org.assertj.core.api.Assertions.assertThat(items.list(KEY)).isEmpty();
    org.assertj.core.api.Assertions.assertThat(jams.submissions(KEY)).isEmpty();
  }

  // --- combing ---

  @Test
  void backlogWithProblemsIsRejectedAndNothingIsStored() {
    ProcessInstance jam = collectedJam();
    Task comb = taskAt(jam, TASK_COMB_BACKLOG);

    assertThatThrownBy(() -> complete("paula", comb, Map.of("plan", """
        OPS-1 |  | low
        OPS-2 | ivan |  |  | 2026-04-30
        OPS-3 | zoe | urgent | OPS-9, OPS-3, soon  # the onboarding guide
        OPS-4 | ines | medium | OPS-3 | 2026-03-01
        OPS-5 | paula | high |  | someday""")))
        .hasMessage("The backlog is not ready: "
            + "OPS-1 (Design support for an Ecosystem Map) has no owner; "
            + "OPS-2 (Identity across instances is manual) has no priority; "
            + "OPS-3 (Onboarding guide for instances): owner 'zoe' is not a known user; "
            + "OPS-3 (Onboarding guide for instances): priority must be one of high, medium, low, got 'urgent'; "
            + "OPS-3 (Onboarding guide for instances) depends on OPS-9, which is not an item of this ops jam; "
            + "OPS-3 (Onboarding guide for instances) cannot depend on itself; "
            + "OPS-3 (Onboarding guide for instances): 'soon' is not an item key such as OPS-3; "
            + "OPS-4 (Newcomers need 1:1 time): due date 2026-03-01 is in the past; "
            + "OPS-5 (Visibility into ID development): the due date must be a date such as 2026-03-10, got 'someday'");

    assertThatThrownBy(() -> complete("paula", comb, Map.of("plan", """
        OPS-1 | bruno | low
        OPS-2 | ivan | high
        OPS-3 | ines | medium
        OPS-4 | ines | medium
        OPS-77 | ines | low
        ops 2 | ivan | high
        | ivan | high""")))
        .hasMessage("The backlog is not ready: "
            + "line 5: 'OPS-77' is not an item of this ops jam; "
            + "line 6: OPS-2 appears twice; "
            + "line 7 has no item key; "
            + "OPS-5 (Visibility into ID development) is missing; every item needs an owner and a priority");
    assertThatThrownBy(() -> complete("paula", comb, Map.of("plan", " ")))
        .hasMessageContaining("OPS-1 (Design support for an Ecosystem Map) is missing; every item needs an owner");

    assertThat(jam).isWaitingAt(TASK_COMB_BACKLOG);
    org.assertj.core.api.Assertions.assertThat(items.list(KEY)).allSatisfy(item -> {
      org.assertj.core.api.Assertions.assertThat(item.owner()).isNull();
      org.assertj.core.api.Assertions.assertThat(item.status()).isEqualTo("requested");
    });
  }

  @Test
  void dependenciesInACircleAreRejected() {
    ProcessInstance jam = collectedJam();
    Task comb = taskAt(jam, TASK_COMB_BACKLOG);
    String circular = PLAN.replace("OPS-2 | ivan | high |  |", "OPS-2 | ivan | high | ops 4 |");

    assertThatThrownBy(() -> complete("paula", comb, Map.of("plan", circular)))
        .hasMessage("The backlog is not ready: the dependencies go round in a circle: OPS-2 → OPS-4 → OPS-3 → OPS-2");
    assertThat(jam).isWaitingAt(TASK_COMB_BACKLOG);

    complete("bruno", comb, Map.of("plan", PLAN));
    assertThat(jam).isWaitingAt(TASK_RECORD_FOLLOW_UP_MEETING);
  }

  // --- tracking the roadmap ---

  @Test
  void followUpMeetingsAddItemsToTheRoadmapAndTheTaskComesBack() {
    ProcessInstance jam = trackedJam();
    Task first = taskAt(jam, TASK_RECORD_FOLLOW_UP_MEETING);
    assertThat(first).hasName("Record follow-up meeting (SourceCred Ecosystems)");

    Map<String, Object> future = new HashMap<>(Map.of("metWith", "iris", "metOn", "2026-03-31"));
    assertThatThrownBy(() -> complete("paula", first, future))
        .hasMessage("The meeting date 2026-03-31 is in the future; record meetings once held");
    assertThatThrownBy(() -> complete("paula", first, Map.of("metWith", "iris")))
        .hasMessage("Give the date of the meeting (metOn)");
    org.assertj.core.api.Assertions.assertThat(taskService().getVariable(first.getId(), "newItems"))
        .isEqualTo(FollowUpMeetings.ITEM_HEADER);
    assertThatThrownBy(() -> complete("paula", first, Map.of("metWith", "iris", "metOn", "2026-03-02",
            "newItems", "Tithe admin improvements | tithe admin |  | high | OPS-2")))
        .hasMessage("The follow-up cannot be recorded: New item on line 1 (Tithe admin improvements) has no owner");

    complete("bruno", first, Map.of("metWith", "iris", "metOn", "2026-03-02",
        "followUpNotes", "Iris runs the tithe admin by hand",
        "newItems", FollowUpMeetings.ITEM_HEADER + "\n"
            + "Tithe admin improvements | Tithe admin | iris | High | OPS-2, OPS-5 |  | From the follow-up"));

    assertThat(jam).isWaitingAt(TASK_RECORD_FOLLOW_UP_MEETING).variables()
        .containsEntry("followUpCount", 1).doesNotContainKey("metWith").doesNotContainKey("newItems");
    org.assertj.core.api.Assertions.assertThat(taskAt(jam, TASK_RECORD_FOLLOW_UP_MEETING).getId()).isNotEqualTo(first.getId());
    org.assertj.core.api.Assertions.assertThat(items.find(KEY, "OPS-6")).get()
        .extracting(RoadmapItems.Item::kind, RoadmapItems.Item::requestedBy, RoadmapItems.Item::owner,
            RoadmapItems.Item::priority, RoadmapItems.Item::status, RoadmapItems.Item::dependsOn, RoadmapItems.Item::tags)
        .containsExactly("follow-up", "iris", "iris", "high", "planned", List.of("OPS-2", "OPS-5"), List.of("tithe-admin"));
    org.assertj.core.api.Assertions.assertThat(jams.followUps(KEY))
        .containsExactly(new OpsJams.FollowUp("iris", LocalDate.parse("2026-03-02"), "Iris runs the tithe admin by hand", "bruno"));

    complete("paula", taskAt(jam, TASK_RECORD_FOLLOW_UP_MEETING), Map.of("metWith", "Ingrid (Meta instance)", "metOn", "2026-03-02"));
    assertThat(jam).isWaitingAt(TASK_RECORD_FOLLOW_UP_MEETING).variables().containsEntry("followUpCount", 2);
    org.assertj.core.api.Assertions.assertThat(jams.followUps(KEY)).hasSize(2);
  }

  @Test
  void monthlyCheckInUpdatesStatusesAndKeepsTheRhythm() {
    ProcessInstance jam = trackedJam();

    Job due = timer(jam, TIMER_CHECK_IN_DUE);
    fire(jam, TIMER_CHECK_IN_DUE);
    Task checkIn = taskAt(jam, TASK_HOLD_CHECK_IN);
    assertThat(checkIn).isAssignedTo("bruno").hasName("Hold roadmap check-in (SourceCred Ecosystems)");
    assertCandidateGroups(checkIn, TEAM);
    assertThat(jam).isWaitingAt(TASK_RECORD_FOLLOW_UP_MEETING, TASK_HOLD_CHECK_IN);
    org.assertj.core.api.Assertions.assertThat(timer(jam, TIMER_CHECK_IN_DUE).getDuedate())
        .as("the next check-in").isAfter(due.getDuedate());
    org.assertj.core.api.Assertions.assertThat(rowsOf(taskService().getVariable(checkIn.getId(), "roadmap")))
        .extracting(r -> r.get("key"), r -> r.get("owner"), r -> r.get("status"))
        .containsExactly(tuple("OPS-1", "bruno", "planned"), tuple("OPS-2", "ivan", "planned"),
            tuple("OPS-3", "ines", "planned"), tuple("OPS-4", "ines", "planned"), tuple("OPS-5", "paula", "planned"));
    org.assertj.core.api.Assertions.assertThat(taskService().getVariable(checkIn.getId(), "statuses")).isEqualTo("""
        # key | status (planned, in-progress, blocked, done, dropped)
        OPS-1 | planned  # Design support for an Ecosystem Map
        OPS-2 | planned  # Identity across instances is manual
        OPS-3 | planned  # Onboarding guide for instances
        OPS-4 | planned  # Newcomers need 1:1 time
        OPS-5 | planned  # Visibility into ID development""");

    assertThatThrownBy(() -> complete("bruno", checkIn, Map.of("statuses", "OPS-2 | in-progress\nOPS-4 | finished",
            "checkInDecision", "keep-tracking")))
        .hasMessage("The check-in cannot be recorded: OPS-4 (Newcomers need 1:1 time): status must be one of "
            + "planned, in-progress, blocked, done, dropped, got 'finished'");
    assertThatThrownBy(() -> complete("bruno", checkIn, Map.of("statuses", "OPS-4 | requested",
            "checkInDecision", "keep-tracking")))
        .hasMessageContaining("got 'requested'");
    assertThatThrownBy(() -> complete("bruno", checkIn, Map.of("statuses", "OPS-4 | done", "checkInDecision", "later")))
        .hasMessage("checkInDecision must be 'keep-tracking' or 'close', got 'later'");
    assertThatThrownBy(() -> complete("bruno", checkIn, Map.of("statuses", "OPS-99 | done\nOPS-1 | done\nOPS-1 | done",
            "checkInDecision", "keep-tracking")))
        .hasMessage("The check-in cannot be recorded: line 1: 'OPS-99' is not an item of this ops jam; "
            + "line 3: OPS-1 appears twice");

    // Items left out keep their status.
    complete("bruno", checkIn, Map.of("statuses", "OPS-2 | in-progress  # started\nOPS-4 | Done\nOPS-5 | planned",
        "checkInDecision", "keep-tracking", "checkInNotes", "Identity work started"));

    assertThat(jam).hasPassed("EndEvent_CheckInHeld").isWaitingAt(TASK_RECORD_FOLLOW_UP_MEETING)
        .isNotWaitingAt(TASK_HOLD_CHECK_IN).variables().containsEntry("checkInCount", 1);
    org.assertj.core.api.Assertions.assertThat(items.list(KEY)).extracting(RoadmapItems.Item::status)
        .containsExactly("planned", "in-progress", "planned", "done", "planned");
    org.assertj.core.api.Assertions.assertThat(jams.checkIns(KEY)).containsExactly(
        new OpsJams.CheckIn(LocalDate.parse("2026-04-10"), "bruno", "Identity work started", "keep-tracking"));

    // The next month's check-in starts with a blank decision.
    fire(jam, TIMER_CHECK_IN_DUE);
    assertThat(jam).variables().doesNotContainKey("checkInDecision");
  }

  @Test
  void checkInClosesTheRoadmap() {
    ProcessInstance jam = trackedJam();
    fire(jam, TIMER_CHECK_IN_DUE);
    Task checkIn = taskAt(jam, TASK_HOLD_CHECK_IN);

    complete("bruno", checkIn, Map.of("checkInDecision", "close"));

    assertThat(jam).hasPassed("EndEvent_CloseRoadmap", "BoundaryEvent_RoadmapClosed", "ServiceTask_CloseRoadmap",
        "EndEvent_RoadmapClosed").isEnded();
    org.assertj.core.api.Assertions.assertThat(jams.find(KEY).get().phase()).isEqualTo(OpsJams.CLOSED);
    org.assertj.core.api.Assertions.assertThat(taskService().createTaskQuery().count()).isZero();
    org.assertj.core.api.Assertions.assertThat(managementService().createJobQuery().count()).isZero();
    org.assertj.core.api.Assertions.assertThat(jams.checkIns(KEY)).extracting(OpsJams.CheckIn::decision).containsExactly("close");
  }

  // --- overdue items ---

  @Test
  void overdueItemEscalatesToItsOwnerThenToTheBranchLead() {
    ProcessInstance jam = trackedJam();
    // OPS-2 (owner ivan) is due 2026-04-30; the check on the next day finds it.
    overdueCheckOn(jam, LocalDate.parse("2026-05-01"));

    Task resolve = taskAt(jam, TASK_RESOLVE_OVERDUE_ITEM);
    assertThat(resolve).isAssignedTo("ivan")
        .hasName("Resolve overdue item: OPS-2 Identity across instances is manual (SourceCred Ecosystems)");
    assertCandidateGroups(resolve, TEAM);
    org.assertj.core.api.Assertions.assertThat(items.isEscalated(KEY, "OPS-2")).isTrue();

    // The next daily check does not escalate it a second time.
    fire(jam, TIMER_OVERDUE_CHECK_DUE);
    org.assertj.core.api.Assertions.assertThat(taskService().createTaskQuery().taskDefinitionKey(TASK_RESOLVE_OVERDUE_ITEM).count())
        .isEqualTo(1);

    AppClock.set(timer(jam, TIMER_OVERDUE_ITEM_STILL_OPEN).getDuedate().toInstant());
    managementService().executeJob(timer(jam, TIMER_OVERDUE_ITEM_STILL_OPEN).getId());
    Task unblock = taskAt(jam, TASK_UNBLOCK_OVERDUE_ITEM);
    assertThat(unblock).isAssignedTo("bruno")
        .hasName("Unblock overdue item: OPS-2 Identity across instances is manual (SourceCred Ecosystems)");
    assertCandidateGroups(unblock, TEAM);
    assertThat(jam).isWaitingAt(TASK_RESOLVE_OVERDUE_ITEM, TASK_UNBLOCK_OVERDUE_ITEM);

    complete("bruno", unblock, Map.of("overdueAction", "rescheduled", "newDueDate", "2026-06-30", "newOwner", "ines",
        "overdueNote", "Ivan moved to another branch"));

    assertThat(jam).hasPassed("EndEvent_OverdueItemUnblocked").isWaitingAt(TASK_RECORD_FOLLOW_UP_MEETING)
        .isNotWaitingAt(TASK_RESOLVE_OVERDUE_ITEM);
    org.assertj.core.api.Assertions.assertThat(items.find(KEY, "OPS-2")).get()
        .extracting(RoadmapItems.Item::dueDate, RoadmapItems.Item::owner, RoadmapItems.Item::status)
        .containsExactly(LocalDate.parse("2026-06-30"), "ines", "planned");
    org.assertj.core.api.Assertions.assertThat(items.isEscalated(KEY, "OPS-2")).isFalse();
  }

  @Test
  void overdueItemResolvedByItsOwner() {
    ProcessInstance jam = trackedJam();
    overdueCheckOn(jam, LocalDate.parse("2026-05-01"));

    complete("ivan", taskAt(jam, TASK_RESOLVE_OVERDUE_ITEM), Map.of("overdueAction", "done"));

    assertThat(jam).hasPassed("EndEvent_OverdueItemResolved", "EndEvent_OverdueCheckDone")
        .isWaitingAt(TASK_RECORD_FOLLOW_UP_MEETING);
    org.assertj.core.api.Assertions.assertThat(items.find(KEY, "OPS-2").get().status()).isEqualTo("done");
    org.assertj.core.api.Assertions.assertThat(managementService().createJobQuery().activityId(TIMER_OVERDUE_ITEM_STILL_OPEN).count())
        .isZero();

    // OPS-3 (owner ines) is due 2026-05-15; dropped by its owner with a reason.
    overdueCheckOn(jam, LocalDate.parse("2026-05-16"));
    Task resolve = taskAt(jam, TASK_RESOLVE_OVERDUE_ITEM);
    assertThat(resolve).isAssignedTo("ines");
    complete("ines", resolve, Map.of("overdueAction", "dropped", "overdueNote", "The Meta instance wrote one"));
    org.assertj.core.api.Assertions.assertThat(items.find(KEY, "OPS-3").get().status()).isEqualTo("dropped");

    // Nothing is overdue any more: the check ends at once.
    fire(jam, TIMER_OVERDUE_CHECK_DUE);
    org.assertj.core.api.Assertions.assertThat(taskService().createTaskQuery().taskDefinitionKey(TASK_RESOLVE_OVERDUE_ITEM).count())
        .isZero();
  }

  @Test
  void overdueResolutionWithBadInputIsRejected() {
    ProcessInstance jam = trackedJam();
    overdueCheckOn(jam, LocalDate.parse("2026-05-01"));
    Task resolve = taskAt(jam, TASK_RESOLVE_OVERDUE_ITEM);

    assertThatThrownBy(() -> complete("ivan", resolve, Map.of("overdueAction", "ignored")))
        .hasMessage("overdueAction must be one of done, rescheduled, dropped, got 'ignored'");
    assertThatThrownBy(() -> complete("ivan", resolve, Map.of("overdueAction", "rescheduled")))
        .hasMessage("Give the new due date (newDueDate)");
    assertThatThrownBy(() -> complete("ivan", resolve, Map.of("overdueAction", "rescheduled", "newDueDate", "2026-05-01")))
        .hasMessage("The new due date 2026-05-01 must be after today");
    assertThatThrownBy(() -> complete("ivan", resolve,
        Map.of("overdueAction", "rescheduled", "newDueDate", "2026-06-01", "newOwner", "zoe")))
        .hasMessage("The new owner 'zoe' is not a known user");
    assertThatThrownBy(() -> complete("ivan", resolve, Map.of("overdueAction", "dropped")))
        .hasMessage("Say why the item is dropped (overdueNote)");

    assertThat(jam).isWaitingAt(TASK_RESOLVE_OVERDUE_ITEM);
    complete("ivan", resolve, Map.of("overdueAction", "rescheduled", "newDueDate", "2026-06-01"));
    org.assertj.core.api.Assertions.assertThat(items.find(KEY, "OPS-2").get())
        .extracting(RoadmapItems.Item::owner, RoadmapItems.Item::dueDate).containsExactly("ivan", LocalDate.parse("2026-06-01"));
  }

  @Test
  void closingTheRoadmapCancelsOpenEscalations() {
    ProcessInstance jam = trackedJam();
    overdueCheckOn(jam, LocalDate.parse("2026-05-01"));
    fire(jam, TIMER_CHECK_IN_DUE);
    Task checkIn = taskAt(jam, TASK_HOLD_CHECK_IN);

    complete("bruno", checkIn, Map.of("checkInDecision", "close"));

    assertThat(jam).isEnded();
    org.assertj.core.api.Assertions.assertThat(items.isEscalated(KEY, "OPS-2")).isFalse();
  }

  // --- helpers: driving the jam ---

  private ProcessInstance start(String name, String projectManager, String branchLead, String instanceManagers) {
    Map<String, Object> form = new HashMap<>();
    form.put("jamName", name);
    form.put("projectManager", projectManager);
    form.put("branchLead", branchLead);
    form.put("instanceManagers", instanceManagers);
    return runtimeService().startProcessInstanceByKey(PROCESS_KEY, form);
  }

  /** Started and scheduled for the jam day, with paula, bruno, ines and ivan. */
  private ProcessInstance scheduledJam() {
    ProcessInstance jam = start("SourceCred Ecosystems", "paula", "bruno", "ines, ivan");
    complete("paula", taskAt(jam, TASK_DISCUSS_OPS_NEEDS), Map.of("opsNeeds", "Ops support"));
    complete("paula", taskAt(jam, TASK_DRAFT_AGENDA_AND_INVITATION), Map.of("agenda", "Talk", "invitation", "Come"));
    complete("bruno", taskAt(jam, TASK_REVIEW_AGENDA_AND_INVITATION), Map.of("agendaDecision", "approve"));
    complete("bruno", taskAt(jam, TASK_SCHEDULE_JAM), Map.of("jamDate", JAM_DAY));
    return jam;
  }

  /** After the jam day: a community request and both instance managers' input, waiting to be combed. */
  private ProcessInstance collectedJam() {
    ProcessInstance jam = scheduledJam();
    new OpsRequests(jams, items).add(KEY, "alice", "Design support for an Ecosystem Map", "Ecosystem map", null);
    fire(jam, TIMER_JAM_DAY);
    share("ines", jam, "Identity across instances is manual | Identity management",
        "Onboarding guide for instances | onboarding materials, docs");
    share("ivan", jam, "Newcomers need 1:1 time | Onboarding Materials",
        "Visibility into ID development | identity management");
    return jam;
  }

  /** Combed and published on the jam day, as in the main path. */
  private ProcessInstance trackedJam() {
    ProcessInstance jam = collectedJam();
    Task comb = taskAt(jam, TASK_COMB_BACKLOG);
    complete("paula", comb, Map.of("plan", PLAN));
    return jam;
  }

  private void share(String instanceManager, ProcessInstance jam, String painPoints, String wishlist) {
    Map<String, Object> form = new HashMap<>();
    form.put("workflow", "How " + instanceManager + " works");
    form.put("painPoints", painPoints);
    form.put("wishlist", wishlist);
    complete(instanceManager, inputOf(jam, instanceManager), form);
  }

  /** Moves the clock to the start of the day and runs the overdue check that is due by then. */
  private void overdueCheckOn(ProcessInstance jam, LocalDate day) {
    AppClock.set(Inputs.startOf(day).toInstant());
    managementService().executeJob(timer(jam, TIMER_OVERDUE_CHECK_DUE).getId());
  }

  private void fire(ProcessInstance jam, String activityId) {
    Job job = timer(jam, activityId);
    if (job.getDuedate().after(AppClock.date())) {
      AppClock.set(job.getDuedate().toInstant());
    }
    managementService().executeJob(job.getId());
  }

  private Job timer(ProcessInstance jam, String activityId) {
    List<Job> jobs = managementService().createJobQuery().processInstanceId(jam.getId()).activityId(activityId).list();
    org.assertj.core.api.Assertions.assertThat(jobs).as("timer %s", activityId).hasSize(1);
    return jobs.get(0);
  }

  private void complete(String user, Task task, Map<String, Object> form) {
    processEngine.getIdentityService().setAuthenticatedUserId(user);
    try {
      taskService().complete(task.getId(), form);
    } finally {
      processEngine.getIdentityService().clearAuthentication();
    }
  }

  private Task taskAt(ProcessInstance jam, String taskKey) {
    return taskService().createTaskQuery().processInstanceId(jam.getId()).taskDefinitionKey(taskKey).singleResult();
  }

  private Task inputOf(ProcessInstance jam, String instanceManager) {
    return taskService().createTaskQuery().processInstanceId(jam.getId())
        .taskDefinitionKey(TASK_SHARE_WORKFLOW_AND_WISHLIST).taskAssignee(instanceManager).singleResult();
  }

  private void assertCandidateGroups(Task task, String... groups) {
    org.assertj.core.api.Assertions.assertThat(taskService().getIdentityLinksForTask(task.getId()))
        .filteredOn(link -> "candidate".equals(link.getType()) && link.getGroupId() != null)
        .extracting(IdentityLink::getGroupId)
        .containsExactlyInAnyOrder(groups);
  }

  /** The branch lead may act on the task assigned to the project manager. */
  private void assertCandidateUser(Task task, String user) {
    org.assertj.core.api.Assertions.assertThat(taskService().getIdentityLinksForTask(task.getId()))
        .filteredOn(link -> "candidate".equals(link.getType()) && link.getUserId() != null)
        .extracting(IdentityLink::getUserId)
        .containsExactly(user);
  }

  private List<Map<String, Object>> backlogOf(Task comb) {
    return rowsOf(taskService().getVariable(comb.getId(), "backlog"));
  }

  /** The rows of a form's table. */
  private static List<Map<String, Object>> rowsOf(Object json) {
    try {
      return new ObjectMapper().readValue(json.toString(), new TypeReference<List<Map<String, Object>>>() {});
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

}
