package org.communitylifecycle.opsjam;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.communitylifecycle.engine.ProcessVariables;

/**
 * The contract of processes/ecosystem-ops-jam.bpmn: its key, the elements others may name, the
 * names of its variables (the forms' fields keep theirs) and typed access to them through
 * {@link #of(VariableScope)}.
 */
public final class OpsJamContract extends ProcessVariables {

  public static final String PROCESS_KEY = "ecosystem-ops-jam";

  // Elements that the demo, the tests and Tasklist filters name: user tasks and timers.
  public static final String TASK_DISCUSS_OPS_NEEDS = "Task_DiscussOpsNeeds";
  public static final String TASK_DRAFT_AGENDA_AND_INVITATION = "Task_DraftAgendaAndInvitation";
  public static final String TASK_REVIEW_AGENDA_AND_INVITATION = "Task_ReviewAgendaAndInvitation";
  public static final String TASK_SCHEDULE_JAM = "Task_ScheduleJam";
  public static final String TASK_SHARE_WORKFLOW_AND_WISHLIST = "Task_ShareWorkflowAndWishlist";
  public static final String TASK_COMB_BACKLOG = "Task_CombBacklog";
  public static final String TASK_RECORD_FOLLOW_UP_MEETING = "Task_RecordFollowUpMeeting";
  public static final String TASK_HOLD_CHECK_IN = "Task_HoldCheckIn";
  public static final String TASK_RESOLVE_OVERDUE_ITEM = "Task_ResolveOverdueItem";
  public static final String TASK_UNBLOCK_OVERDUE_ITEM = "Task_UnblockOverdueItem";
  public static final String TIMER_JAM_DAY = "Timer_JamDay";
  public static final String TIMER_SUBMISSION_WINDOW_CLOSED = "Timer_SubmissionWindowClosed";
  public static final String TIMER_CHECK_IN_DUE = "StartEvent_CheckInDue";
  public static final String TIMER_OVERDUE_CHECK_DUE = "StartEvent_OverdueCheckDue";
  public static final String TIMER_OVERDUE_ITEM_STILL_OPEN = "Timer_OverdueItemStillOpen";

  // The start form.
  public static final String JAM_NAME = "jamName";
  public static final String PROJECT_MANAGER = "projectManager";
  public static final String BRANCH_LEAD = "branchLead";
  /** Comma-separated user ids, as given in the start form (normalised). */
  public static final String INSTANCE_MANAGERS = "instanceManagers";

  // Set when the jam starts.
  public static final String JAM_KEY = "jamKey";
  /**
   * The group of the jam's project manager and branch lead ({@link org.communitylifecycle.identity.Teams}):
   * the candidates of its tasks; an instance manager sees their own input task only.
   */
  public static final String JAM_TEAM = "jamTeam";
  /** The same instance managers as a list: the collection of the input task. */
  public static final String INVITED_INSTANCE_MANAGERS = "invitedInstanceManagers";
  public static final String INSTANCE_MANAGER = "instanceManager";
  public static final String SUBMISSION_WINDOW = "submissionWindow";
  public static final String CHECK_IN_CYCLE = "checkInCycle";
  public static final String OVERDUE_CHECK_CYCLE = "overdueCheckCycle";
  public static final String OVERDUE_ESCALATION = "overdueEscalation";

  // The 1:1 on ops needs.
  public static final String OPS_NEEDS = "opsNeeds";
  public static final String EXISTING_WORKFLOWS = "existingWorkflows";

  // Agenda and invitation.
  public static final String AGENDA = "agenda";
  public static final String INVITATION = "invitation";
  public static final String AGENDA_DECISION = "agendaDecision";
  public static final String AGENDA_COMMENT = "agendaComment";
  public static final String AGENDA_APPROVED_BY = "agendaApprovedBy";
  public static final String AGENDA_ROUNDS = "agendaRounds";
  public static final String DECISION_APPROVE = "approve";
  public static final String DECISION_REQUEST_CHANGES = "request-changes";

  // Scheduling.
  /** The jam day as given in the form: 2026-03-10. */
  public static final String JAM_DATE = "jamDate";
  public static final String JAM_LOCATION = "jamLocation";
  /** The start of the jam day: when the timer lets the instance managers in. */
  public static final String JAM_STARTS_AT = "jamStartsAt";

  // Input of one instance manager (local to their task).
  public static final String WORKFLOW = "workflow";
  public static final String PAIN_POINTS = "painPoints";
  public static final String WISHLIST = "wishlist";
  public static final String SUBMISSIONS = "submissions";

  // Combing (local to the task): the backlog for the form's table, and the plan typed per item.
  public static final String BACKLOG = "backlog";
  public static final String PLAN = "plan";

  // The roadmap.
  public static final String ROADMAP_ITEM_COUNT = "roadmapItemCount";
  public static final String ROADMAP_PUBLISHED_AT = "roadmapPublishedAt";
  public static final String ROADMAP_CLOSED_AT = "roadmapClosedAt";

  // Follow-up meetings (local to the task).
  public static final String MET_WITH = "metWith";
  public static final String MET_ON = "metOn";
  public static final String FOLLOW_UP_NOTES = "followUpNotes";
  public static final String NEW_ITEMS = "newItems";
  public static final String FOLLOW_UP_COUNT = "followUpCount";

  // Check-ins: the roadmap table, statuses and notes are local to the task, the decision is read by the gateway.
  public static final String ROADMAP = "roadmap";
  public static final String STATUSES = "statuses";
  public static final String CHECK_IN_NOTES = "checkInNotes";
  public static final String CHECK_IN_DECISION = "checkInDecision";
  public static final String CHECK_IN_COUNT = "checkInCount";
  public static final String KEEP_TRACKING = "keep-tracking";
  public static final String CLOSE = "close";

  // Overdue items (local to one escalation).
  public static final String OVERDUE_ITEM_KEYS = "overdueItemKeys";
  public static final String ITEM_KEY = "itemKey";
  public static final String ITEM_TITLE = "itemTitle";
  public static final String ITEM_OWNER = "itemOwner";
  public static final String ITEM_DUE_DATE = "itemDueDate";
  public static final String OVERDUE_ACTION = "overdueAction";
  public static final String NEW_DUE_DATE = "newDueDate";
  public static final String NEW_OWNER = "newOwner";
  public static final String OVERDUE_NOTE = "overdueNote";

  /** What starting a jam writes, once the start form passed every check. */
  record Started(
      String name, String key, String projectManager, String branchLead, List<String> instanceManagers,
      String jamTeam, OpsJamProperties periods) {}

  private OpsJamContract(VariableScope scope) {
    super(scope);
  }

  /** The jam's variables as seen from an execution or a task of it. */
  public static OpsJamContract of(VariableScope scope) {
    return new OpsJamContract(scope);
  }

  /** The start form's fields, as Tasklist submits them. */
  public static Map<String, Object> startForm(
      String name, String projectManager, String branchLead, String instanceManagers) {
    Map<String, Object> form = new LinkedHashMap<>();
    form.put(JAM_NAME, name);
    form.put(PROJECT_MANAGER, projectManager);
    form.put(BRANCH_LEAD, branchLead);
    form.put(INSTANCE_MANAGERS, instanceManagers);
    return form;
  }

  /** The plan a "Comb the backlog" task offers, with what is known of each item already. */
  public static String plan(TaskService tasks, String taskId) {
    return (String) tasks.getVariable(taskId, PLAN);
  }

  // The start form and the jam.

  public String jamName() {
    return text(JAM_NAME);
  }

  public String jamKey() {
    return text(JAM_KEY);
  }

  public String projectManager() {
    return text(PROJECT_MANAGER);
  }

  public String branchLead() {
    return text(BRANCH_LEAD);
  }

  /** The instance managers as named: comma-separated text, or a list from a REST client. */
  public List<String> instanceManagers() {
    return BacklogRules.tokens(value(INSTANCE_MANAGERS));
  }

  void started(Started jam) {
    set(JAM_NAME, jam.name());
    set(JAM_KEY, jam.key());
    set(PROJECT_MANAGER, jam.projectManager());
    set(BRANCH_LEAD, jam.branchLead());
    set(INSTANCE_MANAGERS, String.join(", ", jam.instanceManagers()));
    set(JAM_TEAM, jam.jamTeam());
    set(INVITED_INSTANCE_MANAGERS, new ArrayList<>(jam.instanceManagers()));
    set(SUBMISSION_WINDOW, jam.periods().submissionWindow());
    set(CHECK_IN_CYCLE, jam.periods().checkInCycle());
    set(OVERDUE_CHECK_CYCLE, jam.periods().overdueCheckCycle());
    set(OVERDUE_ESCALATION, jam.periods().overdueEscalation());
    set(AGENDA_ROUNDS, 0);
    set(FOLLOW_UP_COUNT, 0);
    set(CHECK_IN_COUNT, 0);
  }

  // Preparing the jam.

  public String opsNeeds() {
    return text(OPS_NEEDS);
  }

  public String existingWorkflows() {
    return text(EXISTING_WORKFLOWS);
  }

  public String agenda() {
    return text(AGENDA);
  }

  public String invitation() {
    return text(INVITATION);
  }

  public String agendaDecision() {
    return text(AGENDA_DECISION);
  }

  public String agendaComment() {
    return text(AGENDA_COMMENT);
  }

  /** Forgets the last review of the agenda, so the next one starts blank; the history keeps it. */
  void clearAgendaReview() {
    remove(AGENDA_DECISION, AGENDA_COMMENT);
  }

  void setAgendaApprovedBy(String user) {
    set(AGENDA_APPROVED_BY, user);
  }

  public int agendaRounds() {
    return number(AGENDA_ROUNDS);
  }

  void countAgendaRound() {
    set(AGENDA_ROUNDS, agendaRounds() + 1);
  }

  /** The jam day as typed or sent, or null when none was given. */
  public LocalDate jamDate() {
    return Inputs.day(value(JAM_DATE), "The jam date");
  }

  public String jamLocation() {
    return text(JAM_LOCATION);
  }

  /** The jam day as the form shows it, and its start, when the instance managers are let in. */
  void scheduled(LocalDate day) {
    set(JAM_DATE, day.toString());
    set(JAM_STARTS_AT, Inputs.startOf(day));
  }

  // The instance managers' input.

  public String instanceManager() {
    return text(INSTANCE_MANAGER);
  }

  public String workflow() {
    return text(WORKFLOW);
  }

  public String painPoints() {
    return text(PAIN_POINTS);
  }

  public String wishlist() {
    return text(WISHLIST);
  }

  public int submissions() {
    return number(SUBMISSIONS);
  }

  void setSubmissions(int submissions) {
    set(SUBMISSIONS, submissions);
  }

  // Combing and the roadmap.

  public String plan() {
    return text(PLAN);
  }

  void published(int itemCount, Date at) {
    set(ROADMAP_ITEM_COUNT, itemCount);
    set(ROADMAP_PUBLISHED_AT, at);
  }

  void closed(Date at) {
    set(ROADMAP_CLOSED_AT, at);
  }

  // Follow-up meetings.

  public String metWith() {
    return text(MET_WITH);
  }

  /** The meeting day as typed or sent, or null when none was given. */
  public LocalDate metOn() {
    return Inputs.day(value(MET_ON), "The meeting date");
  }

  public String followUpNotes() {
    return text(FOLLOW_UP_NOTES);
  }

  public String newItems() {
    return text(NEW_ITEMS);
  }

  public int followUpCount() {
    return number(FOLLOW_UP_COUNT);
  }

  void countFollowUp() {
    set(FOLLOW_UP_COUNT, followUpCount() + 1);
  }

  // Check-ins.

  public String checkInDecision() {
    return text(CHECK_IN_DECISION);
  }

  /** Forgets the last check-in's decision, so this one starts blank; the history keeps it. */
  void clearCheckInDecision() {
    remove(CHECK_IN_DECISION);
  }

  public String checkInNotes() {
    return text(CHECK_IN_NOTES);
  }

  public String statuses() {
    return text(STATUSES);
  }

  public int checkInCount() {
    return number(CHECK_IN_COUNT);
  }

  void countCheckIn() {
    set(CHECK_IN_COUNT, checkInCount() + 1);
  }

  // Overdue items.

  /** Local to the overdue check: the items to escalate, one escalation each. */
  void setOverdueItemKeys(List<String> itemKeys) {
    setLocal(OVERDUE_ITEM_KEYS, new ArrayList<>(itemKeys));
  }

  public String itemKey() {
    return text(ITEM_KEY);
  }

  public String itemTitle() {
    return text(ITEM_TITLE);
  }

  public String itemOwner() {
    return text(ITEM_OWNER);
  }

  /** Local to one escalation: what the item is and who owns it, for the tasks. */
  void escalating(RoadmapItems.Item item) {
    setLocal(ITEM_TITLE, item.title());
    setLocal(ITEM_OWNER, item.owner());
    setLocal(ITEM_DUE_DATE, String.valueOf(item.dueDate()));
  }

  public String overdueAction() {
    return text(OVERDUE_ACTION);
  }

  /** The new due date as typed or sent, or null when none was given. */
  public LocalDate newDueDate() {
    return Inputs.day(value(NEW_DUE_DATE), "The new due date");
  }

  public String newOwner() {
    return text(NEW_OWNER);
  }

  public String overdueNote() {
    return text(OVERDUE_NOTE);
  }
}
