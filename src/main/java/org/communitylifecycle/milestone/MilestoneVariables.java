package org.communitylifecycle.milestone;

/** Names of the variables the milestone process reads and writes; its contract with the stages that call it. */
public final class MilestoneVariables {

  // Inputs, set by the calling stage.
  public static final String MILESTONE_KEY = "milestoneKey";
  public static final String MILESTONE_NAME = "milestoneName";
  public static final String STAGE = "stage";
  public static final String COMMUNITY_NAME = "communityName";
  public static final String DELIVERABLE = "deliverable";
  public static final String RESPONSIBLE_USER = "responsibleUser";
  public static final String RESPONSIBLE_GROUP = "responsibleGroup";
  public static final String SUPPORT_USER = "supportUser";
  public static final String SUPPORT_GROUP = "supportGroup";
  /** Task-local on a follow-up: the stalled step's team as the "Reassign to" choices ([{label, value}], JSON). */
  public static final String REASSIGN_CHOICES = "reassignChoices";
  public static final String DELIVER_STALL_PERIOD = "deliverStallPeriod";
  public static final String REVIEW_STALL_PERIOD = "reviewStallPeriod";
  public static final String STILL_STALLED_PERIOD = "stillStalledPeriod";

  // Written by the Deliver form.
  public static final String DELIVERABLE_URL = "deliverableUrl";
  public static final String DELIVERABLE_SUMMARY = "deliverableSummary";
  public static final String DELEGATED_TO = "delegatedTo";

  // Written by the Review form.
  public static final String REVIEW_DECISION = "reviewDecision";
  public static final String REVIEW_COMMENT = "reviewComment";
  public static final String DECISION_ACCEPT = "accept";
  public static final String DECISION_REQUEST_CHANGES = "request-changes";

  // Written by the follow-up form of a stalled step.
  public static final String FOLLOW_UP_ACTION = "followUpAction";
  public static final String NEW_ASSIGNEE = "newAssignee";
  public static final String NEW_DUE_DATE = "newDueDate";
  public static final String DROP_REASON = "dropReason";
  public static final String FOLLOW_UP_NOTE = "followUpNote";

  // Kept by the process while it runs.
  public static final String STILL_STALLED_AT = "stillStalledAt";
  public static final String LAST_FOLLOW_UP_ACTION = "lastFollowUpAction";
  public static final String DELIVERED_BY = "deliveredBy";
  public static final String DROPPED_BY = "droppedBy";

  // Outputs, returned to the calling stage.
  public static final String MILESTONE_OUTCOME = "milestoneOutcome";
  public static final String ACCEPTED_BY = "acceptedBy";
  public static final String REVIEW_ROUNDS = "reviewRounds";
  public static final String ESCALATION_COUNT = "escalationCount";
  public static final String TIME_WITH_RESPONSIBLE = "timeWithResponsible";
  public static final String TIME_WAITING_ON_SUPPORT = "timeWaitingOnSupport";

  public static final String OUTCOME_OPEN = "open";
  public static final String OUTCOME_ACCEPTED = "accepted";
  public static final String OUTCOME_DROPPED = "dropped";

  // Element ids the Java side needs to know.
  public static final String TASK_DELIVER = "Task_DeliverMilestone";
  public static final String TASK_REVIEW = "Task_ReviewDeliverable";

  private MilestoneVariables() {}
}
