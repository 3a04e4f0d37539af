package org.communitylifecycle.practice;

import static org.communitylifecycle.practice.PracticeMaturityContract.*;

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
import org.communitylifecycle.engine.AppClock;
import org.communitylifecycle.engine.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * The steps of one assessment round: scoring the self-assessment, checking the liaison's review,
 * storing the reviewed assessment, and recording a celebration. Dates are UTC.
 */
@Component("maturityAssessment")
public class MaturityAssessment {

  /** Outcomes of a review as stored. */
  static final String OUTCOME_ACCEPTED = "accepted";
  static final String OUTCOME_REASSESSMENT_REQUESTED = "reassessment-requested";
  static final int MAX_NOTE_LENGTH = 4000;

  private final AssessmentRecords records;

  public MaturityAssessment(AssessmentRecords records) {
    this.records = records;
  }

  /** Completion of "Self-assess maturity": every indicator answered; counts those met per area. */
  public void scored(DelegateTask task) {
    PracticeMaturityContract contract = PracticeMaturityContract.of(task);
    List<String> unanswered = new ArrayList<>();
    for (MaturityModel.Area area : MaturityModel.AREAS) {
      int met = 0;
      for (String key : area.indicatorKeys()) {
        Boolean answer = contract.answer(key);
        if (answer != null) {
          met += answer ? 1 : 0;
        } else {
          unanswered.add(key);
        }
      }
      contract.score(area, met);
    }
    if (!unanswered.isEmpty()) {
      throw new InvalidInputException(
          "Answer every indicator with true or false; " + unanswered.size() + " of 36 are not: "
              + String.join(", ", unanswered.subList(0, Math.min(6, unanswered.size())))
              + (unanswered.size() > 6 ? ", ..." : ""));
    }
    String note = requireLength(contract.assessmentNote(), ASSESSMENT_NOTE, "Evidence and comments");
    // The liaison's note has been read; the stored assessment keeps it. The next review starts blank.
    contract.assessed(note, actor(task.getProcessEngineServices(), task.getAssignee()), AppClock.date());
  }

  /** Completion of "Review maturity assessment": accept, or ask for a re-assessment with a note. */
  public void reviewed(DelegateTask task) {
    PracticeMaturityContract contract = PracticeMaturityContract.of(task);
    String decision = contract.reviewDecision();
    if (!DECISION_ACCEPT.equals(decision) && !DECISION_REASSESS.equals(decision)) {
      throw new InvalidInputException(
          "reviewDecision must be '" + DECISION_ACCEPT + "' or '" + DECISION_REASSESS + "', got '" + decision + "'");
    }
    String note = requireLength(contract.reviewNote(), REVIEW_NOTE, "The note");
    if (DECISION_REASSESS.equals(decision) && note == null) {
      throw new InvalidInputException(
          "Say what the community should look at again (reviewNote) when asking for a re-assessment");
    }
    contract.reviewed(note, actor(task.getProcessEngineServices(), task.getAssignee()));
  }

  /**
   * "Record assessment": stores the reviewed assessment. When accepted, records the steps it
   * reaches for the first time, decides whether there is something to celebrate, and sets the
   * next due date; otherwise hands the liaison's note to the re-assessment.
   */
  public void record(DelegateExecution execution) {
    PracticeMaturityContract contract = PracticeMaturityContract.of(execution);
    Instant now = AppClock.now();
    long id = records.save(reviewedAssessment(contract, execution.getProcessInstanceId(), now));
    contract.assessmentsRecorded(contract.assessmentsRecorded() + 1);
    if (contract.accepted()) {
      accept(contract, id, now);
    } else {
      contract.reassessmentRequested(contract.reviewNote());
    }
  }

  private static AssessmentRecords.NewAssessment reviewedAssessment(
      PracticeMaturityContract contract, String processInstanceId, Instant now) {
    Map<String, Boolean> answers = new LinkedHashMap<>();
    Map<String, Integer> scores = new LinkedHashMap<>();
    for (MaturityModel.Area area : MaturityModel.AREAS) {
      area.indicatorKeys().forEach(k -> answers.put(k, contract.met(k)));
      scores.put(area.scoreVariable(), contract.score(area));
    }
    return new AssessmentRecords.NewAssessment(
        contract.communityKey(),
        processInstanceId,
        contract.reassessment(),
        contract.assessedAt().toInstant(),
        contract.assessedBy(),
        contract.assessmentNote(),
        answers,
        scores,
        contract.stepNumber(),
        contract.stepReached(),
        contract.accepted() ? OUTCOME_ACCEPTED : OUTCOME_REASSESSMENT_REQUESTED,
        contract.reviewNote(),
        contract.reviewedBy(),
        now);
  }

  private void accept(PracticeMaturityContract contract, long assessmentId, Instant now) {
    String key = contract.communityKey();
    int stepNumber = contract.stepNumber();
    // The stored history, not this instance, knows the highest step: a community of practice may
    // have been assessed by an earlier instance.
    int highest = records.highestStepNumber(key);
    boolean higher = stepNumber > highest;
    if (higher) {
      records.reachSteps(key, highest, stepNumber, LocalDate.ofInstant(now, ZoneOffset.UTC), assessmentId);
      highest = stepNumber;
    }
    contract.accepted(higher, highest);
    contract.assessmentDue(nextDue(contract.assessmentDue(), contract.assessmentInterval(), now));
  }

  /** Completion of "Celebrate reaching ...": how the community leads celebrated. */
  public void celebrated(DelegateTask task) {
    PracticeMaturityContract contract = PracticeMaturityContract.of(task);
    String celebration = requireLength(contract.celebration(), CELEBRATION, "How you celebrated");
    if (celebration == null) {
      throw new InvalidInputException("Say how you celebrated (celebration)");
    }
    contract.celebration(celebration);
    records.celebrate(
        contract.communityKey(),
        contract.celebrationStepNumber(),
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

  /** A note as given, null when blank, or a client error when it is too long. */
  private static String requireLength(String note, String variable, String label) {
    if (note != null && note.length() > MAX_NOTE_LENGTH) {
      throw new InvalidInputException(
          label + " is " + note.length() + " characters long; keep it to " + MAX_NOTE_LENGTH + " (" + variable + ")");
    }
    return note;
  }

  /** The authenticated user, or the fallback when the engine runs without one (jobs, seeding). */
  private static String actor(ProcessEngineServices services, String fallback) {
    // The engine's Authentication type is in engine.impl; IdentityService is the public way to it.
    var authentication = services.getIdentityService().getCurrentAuthentication();
    if (authentication != null && authentication.getUserId() != null) {
      return authentication.getUserId();
    }
    return fallback != null ? fallback : "unknown";
  }
}
