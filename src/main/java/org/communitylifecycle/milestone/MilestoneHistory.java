package org.communitylifecycle.milestone;

import java.util.Set;
// History events have no public API: they are the engine's own extension point.
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.communitylifecycle.engine.HistoryRule;
import org.springframework.stereotype.Component;

/**
 * What a milestone keeps in the engine's history beyond each variable's last value: every change of
 * what a person entered (the deliverable, a delegation, each review round's decision and comment,
 * each follow-up's action and note), and nothing more. The inputs the stage passes in, the stall
 * periods, the counters and durations, who delivered and accepted, and the outcome are computed or
 * copied: the dashboard and the handoff report read their last values (ACT_HI_VARINST), so a row per
 * change in ACT_HI_DETAIL served nobody and made up a quarter of what a milestone wrote.
 * A submitted form is kept once, as the variable changes it causes, not again as form fields. The
 * people a follow-up offers to reassign to (a list for the form's select, made when the task is
 * created) are not history at all: they took two rows of their own (a JSON value) per follow-up.
 */
@Component
public class MilestoneHistory implements HistoryRule {

  /** The variables a person enters, whose every change stays in the history. */
  static final Set<String> ENTERED = Set.of(
      MilestoneContract.DELIVERABLE_URL, MilestoneContract.DELIVERABLE_SUMMARY, MilestoneContract.DELEGATED_TO,
      MilestoneContract.REVIEW_DECISION, MilestoneContract.REVIEW_COMMENT,
      MilestoneContract.FOLLOW_UP_ACTION, MilestoneContract.NEW_ASSIGNEE, MilestoneContract.NEW_DUE_DATE,
      MilestoneContract.DROP_REASON, MilestoneContract.FOLLOW_UP_NOTE);

  @Override
  public boolean recorded(HistoryEvent event) {
    if (!HistoryRule.ofProcess(event, MilestoneContract.PROCESS_KEY)) {
      return true;
    }
    return !(event instanceof HistoricFormPropertyEventEntity)
        && !(event instanceof HistoricVariableUpdateEventEntity change
            && MilestoneContract.REASSIGN_CHOICES.equals(change.getVariableName()));
  }

  @Override
  public boolean detailRecorded(HistoricVariableUpdateEventEntity change) {
    return !HistoryRule.ofProcess(change, MilestoneContract.PROCESS_KEY) || ENTERED.contains(change.getVariableName());
  }
}
