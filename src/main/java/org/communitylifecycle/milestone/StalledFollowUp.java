package org.communitylifecycle.milestone;

import static org.communitylifecycle.milestone.MilestoneContract.*;

import java.util.Arrays;
import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.communitylifecycle.engine.VariableValues;

/**
 * The milestone variables a follow-up of a stalled step reads and writes: the follow-up form's
 * answers, the stalled step's team, and what the follow-up leaves behind.
 */
final class StalledFollowUp {

  private final VariableScope scope;
  private final boolean deliverStep;

  /**
   * @param scope the milestone's execution, or its follow-up task
   * @param stalledTaskKey the element id of the stalled step
   */
  StalledFollowUp(VariableScope scope, String stalledTaskKey) {
    this.scope = scope;
    this.deliverStep = TASK_DELIVER.equals(stalledTaskKey);
  }

  FollowUpAction action() {
    return FollowUpAction.of(scope.getVariable(FOLLOW_UP_ACTION));
  }

  String note() {
    return VariableValues.text(scope, FOLLOW_UP_NOTE);
  }

  String newAssignee() {
    return VariableValues.text(scope, NEW_ASSIGNEE);
  }

  /** As the form or a REST caller gave it: a date, or text. */
  Object newDueDate() {
    return scope.getVariable(NEW_DUE_DATE);
  }

  String dropReason() {
    return VariableValues.text(scope, DROP_REASON);
  }

  /** The stalled step's groups, comma-separated: the responsible group for Deliver, the support group for Review. */
  String team() {
    return VariableValues.text(scope, deliverStep ? RESPONSIBLE_GROUP : SUPPORT_GROUP);
  }

  /** Task-local on the follow-up task: the choices of the form's "Reassign to" field. */
  void offerChoices(TypedValue choices) {
    scope.setVariableLocal(REASSIGN_CHOICES, choices);
  }

  /** The stalled step's new assignee, as the responsible or the support user. */
  void reassigned(String userId) {
    scope.setVariable(deliverStep ? RESPONSIBLE_USER : SUPPORT_USER, userId);
  }

  void dropped(String reason, String by) {
    scope.setVariable(MILESTONE_OUTCOME, OUTCOME_DROPPED);
    scope.setVariable(DROP_REASON, reason);
    scope.setVariable(DROPPED_BY, by);
  }

  String stillStalledPeriod() {
    return VariableValues.text(scope, STILL_STALLED_PERIOD);
  }

  void stillStalledAt(Date at) {
    scope.setVariable(STILL_STALLED_AT, at);
  }

  /** Records the action; the form's answers are in the history, so the next follow-up form starts blank. */
  void done(FollowUpAction action) {
    scope.setVariable(LAST_FOLLOW_UP_ACTION, action.value());
    scope.removeVariables(Arrays.asList(FOLLOW_UP_ACTION, NEW_ASSIGNEE, NEW_DUE_DATE, FOLLOW_UP_NOTE));
    if (action != FollowUpAction.DROPPED) {
      scope.removeVariable(DROP_REASON);
    }
  }
}
