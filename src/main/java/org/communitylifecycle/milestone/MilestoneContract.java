package org.communitylifecycle.milestone;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;
import org.communitylifecycle.engine.InvalidInputException;
import org.communitylifecycle.engine.ProcessVariables;
import org.communitylifecycle.engine.VariableValues;

/**
 * The contract of the {@code milestone} process (processes/milestone.bpmn): its key, the element
 * ids others refer to, the variables it reads and writes, and the one result it returns to the
 * stage that called it. Read an instance's variables with {@link #of(VariableScope)}; a stage's
 * record of a finished milestone with {@link #resultOf(VariableScope, String)}.
 *
 * <p>The names of the form fields (deliverableUrl, reviewDecision, followUpAction...) are the
 * variables of the Camunda Forms in forms/; they stay as they are.
 */
public final class MilestoneContract extends ProcessVariables {

  /** The process key, as stages call it. */
  public static final String PROCESS_KEY = "milestone";

  // Element ids others refer to (dashboard, Tasklist filters, demo, tests).
  public static final String TASK_DELIVER = "Task_DeliverMilestone";
  public static final String TASK_REVIEW = "Task_ReviewDeliverable";
  public static final String TASK_FOLLOW_UP_DELIVERY = "Task_FollowUpStalledDelivery";
  public static final String TASK_ESCALATE_DELIVERY = "Task_EscalateStalledDelivery";
  public static final String TASK_FOLLOW_UP_REVIEW = "Task_FollowUpStalledReview";
  public static final String TASK_ESCALATE_REVIEW = "Task_EscalateStalledReview";
  public static final String TIMER_DELIVERY_STALLED = "Timer_DeliveryStalled";
  public static final String TIMER_REVIEW_STALLED = "Timer_ReviewStalled";

  // Inputs, set by the calling stage; the dashboard reads some of them from the history.
  public static final String MILESTONE_KEY = "milestoneKey";
  public static final String MILESTONE_NAME = "milestoneName";
  public static final String STAGE = "stage";
  static final String COMMUNITY_NAME = "communityName";
  public static final String DELIVERABLE = "deliverable";
  public static final String RESPONSIBLE_USER = "responsibleUser";
  public static final String RESPONSIBLE_GROUP = "responsibleGroup";
  public static final String SUPPORT_USER = "supportUser";
  public static final String SUPPORT_GROUP = "supportGroup";
  /** Task-local on a follow-up: the stalled step's team as the "Reassign to" choices ([{label, value}], JSON). */
  static final String REASSIGN_CHOICES = "reassignChoices";
  static final String DELIVER_STALL_PERIOD = "deliverStallPeriod";
  static final String REVIEW_STALL_PERIOD = "reviewStallPeriod";
  static final String STILL_STALLED_PERIOD = "stillStalledPeriod";

  // Written by the Deliver form.
  static final String DELIVERABLE_URL = "deliverableUrl";
  static final String DELIVERABLE_SUMMARY = "deliverableSummary";
  static final String DELEGATED_TO = "delegatedTo";

  // Written by the Review form.
  static final String REVIEW_DECISION = "reviewDecision";
  static final String REVIEW_COMMENT = "reviewComment";
  static final String DECISION_ACCEPT = "accept";
  static final String DECISION_REQUEST_CHANGES = "request-changes";

  // Written by the follow-up form of a stalled step.
  static final String FOLLOW_UP_ACTION = "followUpAction";
  static final String NEW_ASSIGNEE = "newAssignee";
  static final String NEW_DUE_DATE = "newDueDate";
  static final String DROP_REASON = "dropReason";
  static final String FOLLOW_UP_NOTE = "followUpNote";

  // Kept by the process while it runs; the dashboard reads them from the history.
  static final String STILL_STALLED_AT = "stillStalledAt";
  static final String LAST_FOLLOW_UP_ACTION = "lastFollowUpAction";
  public static final String DELIVERED_BY = "deliveredBy";
  static final String DROPPED_BY = "droppedBy";
  public static final String MILESTONE_OUTCOME = "milestoneOutcome";
  public static final String ACCEPTED_BY = "acceptedBy";
  public static final String REVIEW_ROUNDS = "reviewRounds";
  public static final String ESCALATION_COUNT = "escalationCount";
  public static final String TIME_WITH_RESPONSIBLE = "timeWithResponsible";
  public static final String TIME_WAITING_ON_SUPPORT = "timeWaitingOnSupport";

  static final String OUTCOME_OPEN = "open";
  public static final String OUTCOME_ACCEPTED = "accepted";
  public static final String OUTCOME_DROPPED = "dropped";

  /** The inputs a milestone cannot start without. */
  private static final List<String> REQUIRED_INPUTS =
      List.of(MILESTONE_KEY, MILESTONE_NAME, DELIVERABLE, RESPONSIBLE_GROUP, SUPPORT_GROUP);

  private static final ObjectMapper JSON = new ObjectMapper();

  private MilestoneContract(VariableScope scope) {
    super(scope);
  }

  /** The variables of a milestone instance, seen from one of its executions or tasks. */
  public static MilestoneContract of(VariableScope scope) {
    return new MilestoneContract(scope);
  }

  // --- inputs ---------------------------------------------------------------------------------

  public String key() {
    return text(MILESTONE_KEY);
  }

  public String name() {
    return text(MILESTONE_NAME);
  }

  public String stage() {
    return text(STAGE);
  }

  public String community() {
    return text(COMMUNITY_NAME);
  }

  public String deliverable() {
    return text(DELIVERABLE);
  }

  /** Who delivers, and their team. */
  public Team team() {
    return new Team(community(), text(RESPONSIBLE_USER), text(RESPONSIBLE_GROUP),
        text(SUPPORT_USER), text(SUPPORT_GROUP));
  }

  /** How long each step may wait before it counts as stalled (ISO-8601 durations), as the milestone runs with them. */
  public StallPeriods stallPeriods() {
    return new StallPeriods(text(DELIVER_STALL_PERIOD), text(REVIEW_STALL_PERIOD),
        text(STILL_STALLED_PERIOD));
  }

  // --- what the forms answered ------------------------------------------------------------------

  String deliverableUrl() {
    return text(DELIVERABLE_URL);
  }

  String deliverableSummary() {
    return text(DELIVERABLE_SUMMARY);
  }

  String delegatedTo() {
    return text(DELEGATED_TO);
  }

  String reviewDecision() {
    return text(REVIEW_DECISION);
  }

  String reviewComment() {
    return text(REVIEW_COMMENT);
  }

  // --- outputs ----------------------------------------------------------------------------------

  /** {@code open} while it runs, then {@code accepted} or {@code dropped}. */
  public String outcome() {
    return text(MILESTONE_OUTCOME);
  }

  public String acceptedBy() {
    return text(ACCEPTED_BY);
  }

  public int reviewRounds() {
    return number(REVIEW_ROUNDS);
  }

  public int escalations() {
    return number(ESCALATION_COUNT);
  }

  public Duration timeWithResponsible() {
    return duration(TIME_WITH_RESPONSIBLE);
  }

  public Duration timeWaitingOnSupport() {
    return duration(TIME_WAITING_ON_SUPPORT);
  }

  /** What the milestone returns to its stage. */
  public MilestoneResult result() {
    return new MilestoneResult(outcome(), deliverableUrl(), deliverableSummary(), delegatedTo(), acceptedBy(),
        reviewRounds(), escalations(), timeWithResponsible(), timeWaitingOnSupport());
  }

  // --- written by the milestone's own listeners -------------------------------------------------

  /**
   * Checks the inputs a milestone needs and names a missing one; a milestone started on its own
   * (no community) shows its business key in task names instead.
   */
  void requireInputs(String businessKey) {
    for (String input : REQUIRED_INPUTS) {
      if (text(input) == null) {
        throw new InvalidInputException(
            "A milestone needs the input variable '" + input + "'; the calling stage did not pass it");
      }
    }
    if (community() == null) {
      set(COMMUNITY_NAME, businessKey != null ? businessKey : "no community");
    }
  }

  /** Fills in the periods the caller left out from the settings, and checks those it gave. */
  void startStallPeriods(MilestoneProperties.Stall settings) {
    period(DELIVER_STALL_PERIOD, settings.deliver());
    period(REVIEW_STALL_PERIOD, settings.review());
    period(STILL_STALLED_PERIOD, settings.stillStalled());
  }

  /** Open, no review, no escalation, no time spent. */
  void startCounters() {
    set(MILESTONE_OUTCOME, OUTCOME_OPEN);
    set(REVIEW_ROUNDS, 0);
    set(ESCALATION_COUNT, 0);
    set(TIME_WITH_RESPONSIBLE, Duration.ZERO.toString());
    set(TIME_WAITING_ON_SUPPORT, Duration.ZERO.toString());
  }

  /** The Deliver step was completed: who the work was delegated to (blank: nobody), and by whom. */
  void delivered(String delegatedTo, String deliveredBy, Duration spent) {
    if (delegatedTo == null) {
      remove(DELEGATED_TO);
    } else {
      set(DELEGATED_TO, delegatedTo);
    }
    set(TIME_WITH_RESPONSIBLE, timeWithResponsible().plus(spent).toString());
    set(DELIVERED_BY, deliveredBy);
    // The previous round's review has been read; the history keeps it, the next review starts blank.
    remove(REVIEW_DECISION, REVIEW_COMMENT);
  }

  /** A review round ended; {@code acceptedBy} is null when changes were requested. */
  void reviewed(String acceptedBy, Duration spent) {
    set(REVIEW_ROUNDS, reviewRounds() + 1);
    set(TIME_WAITING_ON_SUPPORT, timeWaitingOnSupport().plus(spent).toString());
    if (acceptedBy != null) {
      set(ACCEPTED_BY, acceptedBy);
      set(MILESTONE_OUTCOME, OUTCOME_ACCEPTED);
    }
  }

  /** A follow-up or escalation of a stalled step was created. */
  void escalated() {
    set(ESCALATION_COUNT, escalations() + 1);
  }

  // --- the stage's side of a call -------------------------------------------------------------

  /**
   * The people of a milestone: the responsible delivers, the support role reviews; each as a
   * person and as groups (comma-separated).
   */
  public record Team(String communityName, String responsibleUser, String responsibleGroup, String supportUser,
      String supportGroup) {

    /** Adds the team to a call's inputs; an input the call already passes (a camunda:in) wins. */
    public void passTo(Map<String, Object> inputs) {
      inputs.putIfAbsent(COMMUNITY_NAME, communityName);
      inputs.putIfAbsent(RESPONSIBLE_USER, responsibleUser);
      inputs.putIfAbsent(RESPONSIBLE_GROUP, responsibleGroup);
      inputs.putIfAbsent(SUPPORT_USER, supportUser);
      inputs.putIfAbsent(SUPPORT_GROUP, supportGroup);
    }
  }

  /** How long each step may wait before it counts as stalled, ISO-8601 durations. */
  public record StallPeriods(String deliver, String review, String stillStalled) {}

  /** Keeps a finished milestone's result in the stage that called it, as one Json variable. */
  public static void keepResult(VariableScope stage, String milestoneKey, MilestoneResult result) {
    ObjectNode json = JSON.createObjectNode();
    json.put("outcome", result.outcome());
    json.put("deliverableUrl", result.deliverableUrl());
    json.put("summary", result.summary());
    json.put("delegatedTo", result.delegatedTo());
    json.put("acceptedBy", result.acceptedBy());
    json.put("reviewRounds", result.reviewRounds());
    json.put("escalations", result.escalations());
    json.put("timeWithResponsible", result.timeWithResponsible().toString());
    json.put("timeWaitingOnSupport", result.timeWaitingOnSupport().toString());
    try {
      stage.setVariable(resultVariable(milestoneKey), SpinValues.jsonValue(JSON.writeValueAsString(json)).create());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write the result of milestone '" + milestoneKey + "' as JSON", e);
    }
  }

  /** The result of a stage's milestone, or null when it has not finished in this stay of the stage. */
  public static MilestoneResult resultOf(VariableScope stage, String milestoneKey) {
    Object result = stage.getVariable(resultVariable(milestoneKey));
    return result != null ? read(milestoneKey, result) : legacy(milestoneKey, stage::getVariable);
  }

  /**
   * The result of a stage's milestone among the stage's variables as read from outside it (the
   * runtime or history service, or the REST API's values), or null when it has not finished.
   */
  public static MilestoneResult resultOf(Map<String, ?> stageVariables, String milestoneKey) {
    Object result = stageVariables.get(resultVariable(milestoneKey));
    return result != null ? read(milestoneKey, result) : legacy(milestoneKey, stageVariables::get);
  }

  /**
   * A result as stages deployed before the one result kept it: nine variables named after the
   * milestone key ({@code buildPathwayOutcome}, ...). Stage instances started on those versions
   * keep running on them, and their gates read their milestones here.
   */
  private static MilestoneResult legacy(String milestoneKey, Function<String, Object> variable) {
    Object outcome = variable.apply(milestoneKey + "Outcome");
    if (outcome == null) {
      return null;
    }
    Function<String, String> text = suffix -> VariableValues.text(variable.apply(milestoneKey + suffix));
    Function<String, Integer> number = suffix -> variable.apply(milestoneKey + suffix) instanceof Number n ? n.intValue() : 0;
    Function<String, Duration> duration = suffix -> {
      String iso = text.apply(suffix);
      return iso == null ? Duration.ZERO : Duration.parse(iso);
    };
    return new MilestoneResult(outcome.toString(), text.apply("Deliverable"), text.apply("Summary"),
        text.apply("DelegatedTo"), text.apply("AcceptedBy"), number.apply("ReviewRounds"), number.apply("Escalations"),
        duration.apply("TimeWithResponsible"), duration.apply("TimeWaitingOnSupport"));
  }

  private static MilestoneResult read(String milestoneKey, Object value) {
    if (value == null) {
      return null;
    }
    try {
      // A Json variable reads as Spin's node, whose text is the JSON (over REST: ask with deserializeValues=false).
      JsonNode json = JSON.readTree(value.toString());
      return new MilestoneResult(text(json, "outcome"), text(json, "deliverableUrl"), text(json, "summary"),
          text(json, "delegatedTo"), text(json, "acceptedBy"), json.path("reviewRounds").asInt(),
          json.path("escalations").asInt(), Duration.parse(json.path("timeWithResponsible").asText("PT0S")),
          Duration.parse(json.path("timeWaitingOnSupport").asText("PT0S")));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("The result of milestone '" + milestoneKey + "' is not JSON: " + value, e);
    }
  }

  /** The stage variable that holds a milestone's result; its name is built here only. */
  private static String resultVariable(String milestoneKey) {
    return milestoneKey + "Result";
  }

  private static String text(JsonNode json, String field) {
    JsonNode value = json.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private Duration duration(String name) {
    String text = text(name);
    return text == null ? Duration.ZERO : Duration.parse(text);
  }

  private void period(String name, String fallback) {
    String given = text(name);
    if (given == null) {
      set(name, fallback);
      return;
    }
    try {
      MilestoneProperties.requireDuration(name, given);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(e.getMessage());
    }
  }

  /**
   * The milestone variables a follow-up of a stalled step reads and writes: the follow-up form's
   * answers, the stalled step's team, and what the follow-up leaves behind.
   */
  static final class FollowUp extends ProcessVariables {

    private final boolean deliverStep;

    /**
     * @param scope the milestone's execution, or its follow-up task
     * @param stalledTaskKey the element id of the stalled step
     */
    FollowUp(VariableScope scope, String stalledTaskKey) {
      super(scope);
      this.deliverStep = TASK_DELIVER.equals(stalledTaskKey);
    }

    FollowUpAction action() {
      return FollowUpAction.of(value(FOLLOW_UP_ACTION));
    }

    String note() {
      return text(FOLLOW_UP_NOTE);
    }

    String newAssignee() {
      return text(NEW_ASSIGNEE);
    }

    /** As the form or a REST caller gave it: a date, or text. */
    Object newDueDate() {
      return value(NEW_DUE_DATE);
    }

    String dropReason() {
      return text(DROP_REASON);
    }

    /** The stalled step's groups, comma-separated: the responsible group for Deliver, the support group for Review. */
    String team() {
      return text(deliverStep ? RESPONSIBLE_GROUP : SUPPORT_GROUP);
    }

    /** Task-local on the follow-up task: the choices of the form's "Reassign to" field. */
    void offerChoices(TypedValue choices) {
      setLocal(REASSIGN_CHOICES, choices);
    }

    /** The stalled step's new assignee, as the responsible or the support user. */
    void reassigned(String userId) {
      set(deliverStep ? RESPONSIBLE_USER : SUPPORT_USER, userId);
    }

    void dropped(String reason, String by) {
      set(MILESTONE_OUTCOME, OUTCOME_DROPPED);
      set(DROP_REASON, reason);
      set(DROPPED_BY, by);
    }

    String stillStalledPeriod() {
      return text(STILL_STALLED_PERIOD);
    }

    void stillStalledAt(Date at) {
      set(STILL_STALLED_AT, at);
    }

    /** Records the action; the form's answers are in the history, so the next follow-up form starts blank. */
    void done(FollowUpAction action) {
      set(LAST_FOLLOW_UP_ACTION, action.value());
      remove(FOLLOW_UP_ACTION, NEW_ASSIGNEE, NEW_DUE_DATE, FOLLOW_UP_NOTE);
      if (action != FollowUpAction.DROPPED) {
        remove(DROP_REASON);
      }
    }
  }
}
