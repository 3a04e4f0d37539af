package org.communitylifecycle.mentoring;

import static org.communitylifecycle.mentoring.CohortVariables.*;

import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.identity.Authentication;
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
    count(task, MONTHS_AT_CURRENT_RUNG, "Months at the current rung");
    count(task, PRIMARY_REVIEWER_PRS, "PRs as primary reviewer");
    count(task, PRS_REVIEWED_OR_MERGED, "PRs reviewed or merged");
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
    Object value = task.getVariable(GRADUATION_DECISION);
    String decision = value == null ? null : value.toString().trim();
    if (!GRADUATE.equals(decision) && !NOT_YET.equals(decision)) {
      throw new InvalidInputException(
          "Decide 'graduate' or 'not-yet' (graduationDecision), got '" + decision + "'");
    }
    Object noteValue = task.getVariable(GRADUATION_NOTE);
    String note = noteValue == null || noteValue.toString().isBlank() ? null : noteValue.toString().trim();
    String advice = (String) task.getVariable(LADDER_ADVICE);
    if (!decision.equals(advice) && note == null) {
      throw new InvalidInputException(
          "The contributor ladder advises '" + advice + "'; say why you decide '" + decision + "' (graduationNote)");
    }
    if (note != null && note.length() > MAX_NOTE) {
      throw new InvalidInputException("The note is longer than " + MAX_NOTE + " characters; shorten it");
    }
    task.setVariable(GRADUATION_DECISION, decision);
    task.setVariable(GRADUATION_NOTE, note);
  }

  /** Service task: keeps the evidence, the advice and the decision with the mentee's record. */
  public void record(DelegateExecution execution) {
    String decidedBy = (String) execution.getVariable(MENTEE_MENTOR);
    Authentication authentication =
        execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (authentication != null && authentication.getUserId() != null) {
      decidedBy = authentication.getUserId();
    }
    records.recordGraduation((String) execution.getVariable(COHORT_KEY), (String) execution.getVariable(MENTEE),
        new MentoringRecords.Graduation(
            number(execution, MONTHS_AT_CURRENT_RUNG), number(execution, PRIMARY_REVIEWER_PRS),
            number(execution, PRS_REVIEWED_OR_MERGED), (String) execution.getVariable(LADDER_ADVICE),
            (String) execution.getVariable(LADDER_ADVICE_REASONS), (String) execution.getVariable(GRADUATION_DECISION),
            (String) execution.getVariable(GRADUATION_NOTE), decidedBy, CohortFormation.now()));
  }

  private static List<DmnDecisionResultEntries> entries(DmnDecisionResult result) {
    if (result == null || result.isEmpty()) {
      // The form only offers the rungs the decision knows; an empty result means the two disagree.
      throw new IllegalStateException("The contributor-ladder decision has no rule for these inputs");
    }
    return result;
  }

  /** Reads a whole, non-negative number from a form field, as Tasklist or a REST client sends it. */
  private static void count(VariableScope scope, String name, String label) {
    Object value = scope.getVariable(name);
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
    scope.setVariable(name, (int) number);
  }

  private static int number(VariableScope scope, String name) {
    return ((Number) scope.getVariable(name)).intValue();
  }
}
