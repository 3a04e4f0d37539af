package org.communitylifecycle.mentoring;

import static org.communitylifecycle.mentoring.MentoringCohortContract.GRADUATE;
import static org.communitylifecycle.mentoring.MentoringCohortContract.MONTHS_AT_CURRENT_RUNG;
import static org.communitylifecycle.mentoring.MentoringCohortContract.NOT_YET;
import static org.communitylifecycle.mentoring.MentoringCohortContract.PRIMARY_REVIEWER_PRS;
import static org.communitylifecycle.mentoring.MentoringCohortContract.PRS_REVIEWED_OR_MERGED;

import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.communitylifecycle.engine.AppClock;
import org.communitylifecycle.engine.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * Each mentee's graduation review at the cohort's end: checks the evidence the mentor enters,
 * turns the contributor ladder's rules (processes/contributor-ladder.dmn) into one piece of
 * advice with its reasons, checks the mentor's decision, and records it.
 */
@Component("graduationReview")
public class GraduationReview {

  private static final int MAX_NOTE = 4000;

  private final MentoringRecords records;

  public GraduationReview(MentoringRecords records) {
    this.records = records;
  }

  /** Completion of "Enter graduation evidence": three whole, non-negative numbers. */
  public void evidenceEntered(DelegateTask task) {
    CohortMentors.require(task, "enter graduation evidence");
    MentoringCohortContract cohort = MentoringCohortContract.of(task);
    count(cohort, MONTHS_AT_CURRENT_RUNG, "Months at the current rung");
    count(cohort, PRIMARY_REVIEWER_PRS, "PRs as primary reviewer");
    count(cohort, PRS_REVIEWED_OR_MERGED, "PRs reviewed or merged");
  }

  /**
   * The advice from the ladder's matching rules: {@code graduate} when the rule that says every
   * requirement is met matched, {@code not-yet} when any shortfall rule matched.
   */
  public String advice(DmnDecisionResult result) {
    List<String> advice = entries(result).stream().map(e -> (String) e.get("advice")).toList();
    return advice.contains(NOT_YET) ? NOT_YET : GRADUATE;
  }

  /** The reasons of the matching rules, one sentence each. */
  public String reasons(DmnDecisionResult result) {
    return entries(result).stream().map(e -> (String) e.get("reason")).collect(Collectors.joining("; "));
  }

  /** Completion of "Decide graduation": deciding against the advice needs a note that says why. */
  public void decided(DelegateTask task) {
    CohortMentors.require(task, "decide graduations");
    MentoringCohortContract cohort = MentoringCohortContract.of(task);
    String decision = cohort.graduationDecision();
    if (!GRADUATE.equals(decision) && !NOT_YET.equals(decision)) {
      throw new InvalidInputException(
          "Decide 'graduate' or 'not-yet' (graduationDecision), got '" + decision + "'");
    }
    String note = cohort.graduationNote();
    String advice = cohort.ladderAdvice();
    if (!decision.equals(advice) && note == null) {
      throw new InvalidInputException(
          "The contributor ladder advises '" + advice + "'; say why you decide '" + decision + "' (graduationNote)");
    }
    if (note != null && note.length() > MAX_NOTE) {
      throw new InvalidInputException("The note is longer than " + MAX_NOTE + " characters; shorten it");
    }
    cohort.decided(decision, note);
  }

  /** Service task: keeps the evidence, the advice and the decision with the mentee's record. */
  public void record(DelegateExecution execution) {
    MentoringCohortContract cohort = MentoringCohortContract.of(execution);
    String user = CohortMentors.currentUser(execution.getProcessEngineServices());
    String decidedBy = user != null ? user : cohort.menteeMentor();
    records.recordGraduation(cohort.cohortKey(), cohort.mentee(),
        new MentoringRecords.Graduation(
            cohort.monthsAtCurrentRung(), cohort.primaryReviewerPrs(), cohort.prsReviewedOrMerged(),
            cohort.ladderAdvice(), cohort.ladderAdviceReasons(), cohort.graduationDecision(),
            cohort.graduationNote(), decidedBy, AppClock.now()));
  }

  private static List<DmnDecisionResultEntries> entries(DmnDecisionResult result) {
    if (result == null || result.isEmpty()) {
      // The form only offers the rungs the decision knows; an empty result means the two disagree.
      throw new IllegalStateException("The contributor-ladder decision has no rule for these inputs");
    }
    return result;
  }

  /** Reads a whole, non-negative number from a form field, as Tasklist or a REST client sends it. */
  private static void count(MentoringCohortContract cohort, String name, String label) {
    Object value = cohort.evidenceAsSent(name);
    long number;
    if (value instanceof Number n) {
      if (n.doubleValue() != Math.rint(n.doubleValue())) {
        throw new InvalidInputException(label + " (" + name + ") must be a whole number, got " + n);
      }
      number = n.longValue();
    } else if (value != null && value.toString().trim().matches("-?\\d{1,9}")) {
      number = Long.parseLong(value.toString().trim());
    } else {
      throw new InvalidInputException(label + " (" + name + ") must be a whole number, got '" + value + "'");
    }
    if (number < 0 || number > 100_000) {
      throw new InvalidInputException(label + " (" + name + ") must be between 0 and 100000, got " + number);
    }
    // The decision reads integers; Tasklist may have sent a double or a string.
    cohort.setEvidence(name, (int) number);
  }
}
