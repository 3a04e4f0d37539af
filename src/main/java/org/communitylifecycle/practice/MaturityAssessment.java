package org.communitylifecycle.practice;

import static org.communitylifecycle.practice.PracticeVariables.*;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.GregorianCalendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import javax.xml.datatype.Duration;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.communitylifecycle.engine.AppClock;
import org.communitylifecycle.engine.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * The steps of one assessment round: scoring the self-assessment, checking the liaison's review,
 * storing the reviewed assessment, and recording a celebration. Dates are UTC.
 */
@Component("maturityAssessment")
public class MaturityAssessment {

  private final AssessmentRecords records;

  public MaturityAssessment(AssessmentRecords records) {
    this.records = records;
  }

  /** Completion of "Self-assess maturity": every indicator answered; counts those met per area. */
  public void scored(DelegateTask task) {
    List<String> unanswered = new ArrayList<>();
    for (MaturityModel.Area area : MaturityModel.AREAS) {
      int met = 0;
      for (String key : area.indicatorKeys()) {
        Object answer = task.getVariable(key);
        if (answer instanceof Boolean b) {
          met += b ? 1 : 0;
        } else {
          unanswered.add(key);
        }
      }
      task.setVariable(area.scoreVariable(), met);
    }
    if (!unanswered.isEmpty()) {
      throw new InvalidInputException(
          "Answer every indicator with true or false; " + unanswered.size() + " of 36 are not: "
              + String.join(", ", unanswered.subList(0, Math.min(6, unanswered.size())))
              + (unanswered.size() > 6 ? ", ..." : ""));
    }
    String note = optionalNote(task, ASSESSMENT_NOTE, "Evidence and comments");
    task.setVariable(ASSESSMENT_NOTE, note);
    task.setVariable(ASSESSED_BY, actor(task.getProcessEngineServices(), task.getAssignee()));
    task.setVariable(ASSESSED_AT, AppClock.date());
    // The liaison's note has been read; the stored assessment keeps it. The next review starts blank.
    task.removeVariable(REASSESSMENT_NOTE);
    task.removeVariable(REVIEW_DECISION);
    task.removeVariable(REVIEW_NOTE);
  }

  /** Completion of "Review maturity assessment": accept, or ask for a re-assessment with a note. */
  public void reviewed(DelegateTask task) {
    Object decision = task.getVariable(REVIEW_DECISION);
    if (!DECISION_ACCEPT.equals(decision) && !DECISION_REASSESS.equals(decision)) {
      throw new InvalidInputException(
          "reviewDecision must be '" + DECISION_ACCEPT + "' or '" + DECISION_REASSESS + "', got '" + decision + "'");
    }
    String note = optionalNote(task, REVIEW_NOTE, "The note");
    if (DECISION_REASSESS.equals(decision) && note == null) {
      throw new InvalidInputException(
          "Say what the community should look at again (reviewNote) when asking for a re-assessment");
    }
    task.setVariable(REVIEW_NOTE, note);
    task.setVariable(REVIEWED_BY, actor(task.getProcessEngineServices(), task.getAssignee()));
  }

  /**
   * "Record assessment": stores the reviewed assessment. When accepted, records the steps it
   * reaches for the first time, decides whether there is something to celebrate, and sets the
   * next due date; otherwise hands the liaison's note to the re-assessment.
   */
  public void record(DelegateExecution execution) {
    String key = (String) execution.getVariable(COMMUNITY_KEY);
    boolean accepted = DECISION_ACCEPT.equals(execution.getVariable(REVIEW_DECISION));
    int stepNumber = number(execution, STEP_NUMBER);
    Instant now = AppClock.now();

    Map<String, Boolean> answers = new LinkedHashMap<>();
    Map<String, Integer> scores = new LinkedHashMap<>();
    for (MaturityModel.Area area : MaturityModel.AREAS) {
      area.indicatorKeys().forEach(k -> answers.put(k, Boolean.TRUE.equals(execution.getVariable(k))));
      scores.put(area.scoreVariable(), number(execution, area.scoreVariable()));
    }
    String reviewNote = (String) execution.getVariable(REVIEW_NOTE);
    long id =
        records.save(
            new AssessmentRecords.NewAssessment(
                key,
                execution.getProcessInstanceId(),
                Boolean.TRUE.equals(execution.getVariable(REASSESSMENT)),
                ((Date) execution.getVariable(ASSESSED_AT)).toInstant(),
                (String) execution.getVariable(ASSESSED_BY),
                (String) execution.getVariable(ASSESSMENT_NOTE),
                answers,
                scores,
                stepNumber,
                (String) execution.getVariable(STEP_REACHED),
                accepted ? OUTCOME_ACCEPTED : OUTCOME_REASSESSMENT_REQUESTED,
                reviewNote,
                (String) execution.getVariable(REVIEWED_BY),
                now));
    execution.setVariable(ASSESSMENTS_RECORDED, number(execution, ASSESSMENTS_RECORDED) + 1);

    if (!accepted) {
      execution.setVariable(NEW_STEP_REACHED, false);
      execution.setVariable(REASSESSMENT, true);
      execution.setVariable(REASSESSMENT_NOTE, reviewNote);
      return;
    }
    // The stored history, not this instance, knows the highest step: a community of practice may
    // have been assessed by an earlier instance.
    int highest = records.highestStepNumber(key);
    boolean higher = stepNumber > highest;
    if (higher) {
      records.reachSteps(key, highest, stepNumber, LocalDate.ofInstant(now, ZoneOffset.UTC), id);
      highest = stepNumber;
    }
    execution.setVariable(NEW_STEP_REACHED, higher);
    execution.setVariable(HIGHEST_STEP_NUMBER, highest);
    execution.setVariable(HIGHEST_STEP_REACHED, MaturityModel.stepLabel(highest));
    execution.setVariable(REASSESSMENT, false);
    // The answers carry over to the next round as a starting point; the evidence belongs to this one.
    execution.removeVariable(ASSESSMENT_NOTE);
    execution.setVariable(
        ASSESSMENT_DUE,
        nextDue((Date) execution.getVariable(ASSESSMENT_DUE), (String) execution.getVariable(ASSESSMENT_INTERVAL), now));
  }

  /** Completion of "Celebrate reaching ...": how the community leads celebrated. */
  public void celebrated(DelegateTask task) {
    String celebration = optionalNote(task, CELEBRATION, "How you celebrated");
    if (celebration == null) {
      throw new InvalidInputException("Say how you celebrated (celebration)");
    }
    task.setVariable(CELEBRATION, celebration);
    records.celebrate(
        (String) task.getVariable(COMMUNITY_KEY),
        number(task, CELEBRATION_STEP_NUMBER),
        LocalDate.ofInstant(AppClock.now(), ZoneOffset.UTC),
        actor(task.getProcessEngineServices(), task.getAssignee()),
        celebration);
  }

  /**
   * The first due date after now on the cadence of the previous one: quarterly stays quarterly
   * however long a review took, and a community that fell behind gets one assessment, not a backlog.
   */
  static Date nextDue(Date previousDue, String interval, Instant now) {
    Duration duration = PracticeProperties.requireInterval(ASSESSMENT_INTERVAL, interval);
    // In UTC, so a quarter means the same instant of the day wherever the server runs.
    GregorianCalendar next = new GregorianCalendar(TimeZone.getTimeZone(ZoneOffset.UTC));
    next.setTime(previousDue);
    do {
      duration.addTo(next);
    } while (!next.toInstant().isAfter(now));
    return next.getTime();
  }

  private static String optionalNote(VariableScope scope, String variable, String label) {
    Object value = scope.getVariable(variable);
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    String note = value.toString().trim();
    if (note.length() > MAX_NOTE_LENGTH) {
      throw new InvalidInputException(
          label + " is " + note.length() + " characters long; keep it to " + MAX_NOTE_LENGTH + " (" + variable + ")");
    }
    return note;
  }

  private static int number(VariableScope scope, String variable) {
    Object value = scope.getVariable(variable);
    return value instanceof Number n ? n.intValue() : 0;
  }

  /** The authenticated user, or the fallback when the engine runs without one (jobs, seeding). */
  private static String actor(ProcessEngineServices services, String fallback) {
    Authentication authentication = services.getIdentityService().getCurrentAuthentication();
    if (authentication != null && authentication.getUserId() != null) {
      return authentication.getUserId();
    }
    return fallback != null ? fallback : "unknown";
  }
}
