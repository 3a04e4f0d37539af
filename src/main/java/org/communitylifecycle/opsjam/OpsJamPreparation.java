package org.communitylifecycle.opsjam;

import static org.communitylifecycle.opsjam.OpsJamVariables.*;

import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.communitylifecycle.engine.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * The steps before the jam: the 1:1 on ops needs, the agenda and invitation the project manager
 * drafts and the branch lead approves, and the jam day the branch lead sets.
 */
@Component("opsJamPreparation")
public class OpsJamPreparation {

  private final OpsJams jams;

  public OpsJamPreparation(OpsJams jams) {
    this.jams = jams;
  }

  /** Completion of the 1:1: what ops support is needed, and how things work today. */
  public void needsDiscussed(DelegateTask task) {
    Inputs.required(task, OPS_NEEDS, "Record the ops needs you discussed", Inputs.TEXT_LENGTH);
    Inputs.optional(task, EXISTING_WORKFLOWS, "Existing workflows", Inputs.TEXT_LENGTH);
  }

  /** Completion of the draft: an agenda and an invitation to review. */
  public void agendaDrafted(DelegateTask task) {
    Inputs.required(task, AGENDA, "Draft the agenda of the jam", Inputs.TEXT_LENGTH);
    Inputs.required(task, INVITATION, "Write the invitation to participate", Inputs.TEXT_LENGTH);
    // The previous review has been read; the history keeps it, the next review starts blank.
    task.getExecution().removeVariables(List.of(AGENDA_DECISION, AGENDA_COMMENT));
  }

  /** Completion of the review: approved, or back to the project manager with a comment. */
  public void agendaReviewed(DelegateTask task) {
    String decision = Inputs.text(task, AGENDA_DECISION);
    if (!DECISION_APPROVE.equals(decision) && !DECISION_REQUEST_CHANGES.equals(decision)) {
      throw new InvalidInputException(
          "agendaDecision must be '" + DECISION_APPROVE + "' or '" + DECISION_REQUEST_CHANGES + "', got '" + decision + "'");
    }
    if (DECISION_REQUEST_CHANGES.equals(decision)) {
      Inputs.required(task, AGENDA_COMMENT, "Say what should change in the agenda or the invitation", Inputs.TEXT_LENGTH);
    } else {
      task.setVariable(AGENDA_APPROVED_BY, Inputs.actor(task.getProcessEngineServices(), task.getAssignee()));
    }
    Object rounds = task.getVariable(AGENDA_ROUNDS);
    task.setVariable(AGENDA_ROUNDS, (rounds instanceof Number n ? n.intValue() : 0) + 1);
  }

  /** Completion of scheduling: the jam day, today or later; the timer waits for its start. */
  public void jamScheduled(DelegateTask task) {
    LocalDate day = Inputs.day(task.getVariable(JAM_DATE), "The jam date");
    if (day == null) {
      throw new InvalidInputException("Give the date of the jam (jamDate)");
    }
    if (day.isBefore(Inputs.today())) {
      throw new InvalidInputException("The jam date " + day + " is in the past; choose today or a later day");
    }
    Inputs.optional(task, JAM_LOCATION, "Where the jam takes place", Inputs.TEXT_LENGTH);
    task.setVariable(JAM_DATE, day.toString());
    task.setVariable(JAM_STARTS_AT, Inputs.startOf(day));
    jams.schedule((String) task.getVariable(JAM_KEY), day);
  }

  /** End of the wait for the jam day: instance managers share their input now. */
  public void jamDayArrived(DelegateExecution execution) {
    jams.setPhase((String) execution.getVariable(JAM_KEY), OpsJams.COLLECTING);
  }
}
