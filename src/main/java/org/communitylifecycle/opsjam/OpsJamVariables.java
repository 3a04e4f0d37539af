package org.communitylifecycle.opsjam;

/** Names of the variables of processes/ecosystem-ops-jam.bpmn and processes/add-ops-request.bpmn. */
public final class OpsJamVariables {

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

  // The "Add an ops request" process.
  public static final String REQUEST_TITLE = "requestTitle";
  public static final String REQUEST_TAGS = "requestTags";
  public static final String REQUEST_DESCRIPTION = "requestDescription";
  public static final String REQUESTED_BY = "requestedBy";
  public static final String REQUEST_KEY = "requestKey";

  private OpsJamVariables() {}
}
