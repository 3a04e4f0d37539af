package org.communitylifecycle.opsjam;

import static org.communitylifecycle.opsjam.OpsJamContract.*;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.communitylifecycle.engine.AppClock;
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
    OpsJamContract jam = OpsJamContract.of(task);
    Inputs.required(jam.opsNeeds(), OPS_NEEDS, "Record the ops needs you discussed", Inputs.TEXT_LENGTH);
    Inputs.within(jam.existingWorkflows(), "Existing workflows", Inputs.TEXT_LENGTH);
  }

  /** Completion of the draft: an agenda and an invitation to review. */
  public void agendaDrafted(DelegateTask task) {
    OpsJamContract jam = OpsJamContract.of(task);
    Inputs.required(jam.agenda(), AGENDA, "Draft the agenda of the jam", Inputs.TEXT_LENGTH);
    Inputs.required(jam.invitation(), INVITATION, "Write the invitation to participate", Inputs.TEXT_LENGTH);
    // The previous review has been read; the history keeps it, the next review starts blank.
    OpsJamContract.of(task.getExecution()).clearAgendaReview();
  }

  /** Completion of the review: approved, or back to the project manager with a comment. */
  public void agendaReviewed(DelegateTask task) {
    OpsJamContract jam = OpsJamContract.of(task);
    String decision = jam.agendaDecision();
    if (!DECISION_APPROVE.equals(decision) && !DECISION_REQUEST_CHANGES.equals(decision)) {
      throw new InvalidInputException(
          "agendaDecision must be '" + DECISION_APPROVE + "' or '" + DECISION_REQUEST_CHANGES + "', got '" + decision + "'");
    }
    if (DECISION_REQUEST_CHANGES.equals(decision)) {
      Inputs.required(jam.agendaComment(), AGENDA_COMMENT, "Say what should change in the agenda or the invitation",
          Inputs.TEXT_LENGTH);
    } else {
      jam.setAgendaApprovedBy(Inputs.actor(task.getProcessEngineServices(), task.getAssignee()));
    }
    jam.countAgendaRound();
  }

  /** Completion of scheduling: the jam day, today or later; the timer waits for its start. */
  public void jamScheduled(DelegateTask task) {
    OpsJamContract jam = OpsJamContract.of(task);
    LocalDate day = jam.jamDate();
    if (day == null) {
      throw new InvalidInputException("Give the date of the jam (jamDate)");
    }
    if (day.isBefore(AppClock.today())) {
      throw new InvalidInputException("The jam date " + day + " is in the past; choose today or a later day");
    }
    Inputs.within(jam.jamLocation(), "Where the jam takes place", Inputs.TEXT_LENGTH);
    jam.scheduled(day);
    jams.schedule(jam.jamKey(), day);
  }

  /** End of the wait for the jam day: instance managers share their input now. */
  public void jamDayArrived(DelegateExecution execution) {
    jams.setPhase(OpsJamContract.of(execution).jamKey(), OpsJams.COLLECTING);
  }
}
