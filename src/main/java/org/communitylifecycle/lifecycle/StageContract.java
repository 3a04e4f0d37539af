package org.communitylifecycle.lifecycle;

import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.communitylifecycle.community.CommunityContract;
import org.communitylifecycle.engine.AppClock;
import org.communitylifecycle.milestone.MilestoneContract;
import org.communitylifecycle.milestone.MilestoneResult;
import org.communitylifecycle.engine.ProcessVariables;

/**
 * The contract the five stage processes share (their keys are {@link LifecycleStage}): the element
 * ids of their exit gate, the gate's variables, and the results of their milestones. The
 * community's own variables are {@link CommunityContract}'s. Read a stage with
 * {@link #of(VariableScope)}.
 */
public final class StageContract extends ProcessVariables {

  // The exit gate every stage ends with.
  public static final String TASK_MEASURE_EXIT_CRITERIA = "ServiceTask_MeasureExitCriteria";
  public static final String TASK_REVIEW_STAGE_EXIT = "Task_ReviewStageExit";
  public static final String TIMER_REVIEW_STAGE_EXIT_AGAIN = "Timer_ReviewStageExitAgain";

  // Inputs of stage-exit-criteria.dmn ...
  static final String ACTIVATOR_APPOINTED = "activatorAppointed";
  static final String PATHWAY_DOCUMENTED = "pathwayDocumented";
  static final String PROTOTYPE_SIZE = "prototypeSize";
  static final String NEW_CONTRIBUTORS_IN_PATHWAY = "newContributorsInPathway";
  static final String ACTIVE_CONTRIBUTORS = "activeContributors";
  static final String ACTIVE_AT_STAGE_ENTRY = "activeAtStageEntry";
  static final String NEW_CORE_MEMBERS = "newCoreMembers";
  static final String CASE_STUDY_DELIVERED = "caseStudyDelivered";
  // ... its outputs, which the dashboard reads from the decision too
  public static final String EXIT_CRITERIA_MET = "exitCriteriaMet";
  public static final String EXIT_CRITERIA_SUMMARY = "exitCriteriaSummary";
  // ... and the liaison's review (the fields of forms/review-stage-exit.form)
  static final String STAGE_ENTERED_ON = "stageEnteredOn";
  static final String EXIT_CRITERIA_MEASURED_ON = "exitCriteriaMeasuredOn";
  static final String STAGE_EXIT_DECISION = "stageExitDecision";
  static final String STAGE_EXIT_REASON = "stageExitReason";
  static final String STAGE_EXIT_DECIDED_BY = "stageExitDecidedBy";
  static final String SUSTAINING_REVIEW_INTERVAL = "sustainingReviewInterval";
  static final String ADVANCE = "advance";
  static final String HOLD = "hold";

  // Milestones whose acceptance a gate reads: a renamed milestone key must be renamed here too.
  static final String COMMITMENT_MILESTONE = "commitToCbtPartner";
  static final String PATHWAY_MILESTONE = "buildPathway";
  static final String CASE_STUDY_MILESTONE = "keepMomentum";

  private StageContract(VariableScope scope) {
    super(scope);
  }

  public static StageContract of(VariableScope scope) {
    return new StageContract(scope);
  }

  public CommunityContract community() {
    return CommunityContract.of(scope());
  }

  /** The stage's process key, such as {@code scaling}. */
  public String stage() {
    return community().stage();
  }

  public Date enteredAt() {
    return community().stageEnteredAt();
  }

  public LocalDate enteredOn() {
    return LocalDate.ofInstant(enteredAt().toInstant(), AppClock.zone());
  }

  /** The result of one of the stage's milestones, or null when it has not finished in this stay. */
  public MilestoneResult milestone(String milestoneKey) {
    return MilestoneContract.resultOf(scope(), milestoneKey);
  }

  public boolean exitCriteriaMet() {
    return isTrue(EXIT_CRITERIA_MET);
  }

  /** The liaison's answer: {@code advance} or {@code hold}, as given. */
  String exitDecision() {
    return text(STAGE_EXIT_DECISION);
  }

  String exitReason() {
    return text(STAGE_EXIT_REASON);
  }

  void entered(String sustainingReviewInterval) {
    set(STAGE_ENTERED_ON, enteredOn().toString());
    if (sustainingReviewInterval != null) {
      set(SUSTAINING_REVIEW_INTERVAL, sustainingReviewInterval);
    }
  }

  /** The gate measured: the decision's inputs, and a blank review (an earlier reason must not answer this one). */
  void measured(ExitCriteriaFigures figures, LocalDate on) {
    setAll(figures.variables());
    set(EXIT_CRITERIA_MEASURED_ON, on.toString());
    remove(STAGE_EXIT_DECISION, STAGE_EXIT_REASON);
  }

  void decided(String reason, String decidedBy) {
    set(STAGE_EXIT_REASON, reason);
    set(STAGE_EXIT_DECIDED_BY, decidedBy);
  }
}
