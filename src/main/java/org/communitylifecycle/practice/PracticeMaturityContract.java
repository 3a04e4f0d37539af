package org.communitylifecycle.practice;

import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.communitylifecycle.engine.ProcessVariables;

/**
 * The contract of processes/community-of-practice-maturity.bpmn and its decision
 * community-of-practice-step: the keys, the elements others refer to, and the variables besides
 * the 36 indicator answers and 12 area scores, which {@link MaturityModel} names.
 *
 * <p>The variable names are also the fields of the forms/community-of-practice-*.form.
 */
public final class PracticeMaturityContract extends ProcessVariables {

  public static final String PROCESS_KEY = "community-of-practice-maturity";
  /** The decision of the step an assessment reaches, processes/community-of-practice-step.dmn. */
  public static final String STEP_DECISION_KEY = "community-of-practice-step";

  // Elements, in the order of the model.
  public static final String TASK_SELF_ASSESS = "Task_SelfAssessMaturity";
  public static final String BUSINESS_RULE_TASK_DECIDE_STEP = "BusinessRuleTask_DecideStepReached";
  public static final String TASK_REVIEW = "Task_ReviewMaturityAssessment";
  public static final String SERVICE_TASK_RECORD_ASSESSMENT = "ServiceTask_RecordAssessment";
  public static final String GATEWAY_HIGHER_STEP_REACHED = "Gateway_HigherStepReached";
  public static final String TASK_CELEBRATE_STEP = "Task_CelebrateStep";
  public static final String END_STEP_CELEBRATED = "EndEvent_StepCelebrated";
  public static final String TIMER_NEXT_ASSESSMENT_DUE = "Timer_NextAssessmentDue";

  // The start form.
  public static final String COMMUNITY_NAME = "communityName";
  public static final String LIAISON = "liaison";
  public static final String ASSESSMENT_INTERVAL = "assessmentInterval";

  // Set when the community of practice is registered.
  public static final String COMMUNITY_KEY = "communityKey";
  /** The community's activators' group: with community leads, who self-assess. */
  public static final String ACTIVATOR_TEAM = "activatorTeam";
  /** The community's liaisons' group: who may review an assessment. */
  public static final String LIAISON_TEAM = "liaisonTeam";
  /** When the current or next self-assessment is due: the timer waits for it. */
  public static final String ASSESSMENT_DUE = "assessmentDue";

  public static final String ASSESSMENT_NOTE = "assessmentNote";
  public static final String ASSESSED_BY = "assessedBy";
  public static final String ASSESSED_AT = "assessedAt";
  /** Whether the assessment under review answers a request for re-assessment. */
  public static final String REASSESSMENT = "reassessment";
  public static final String REASSESSMENT_NOTE = "reassessmentNote";

  /** Outputs of the decision community-of-practice-step. */
  public static final String STEP_REACHED = "stepReached";
  public static final String STEP_NUMBER = "stepNumber";

  public static final String REVIEW_DECISION = "reviewDecision";
  public static final String DECISION_ACCEPT = "accept";
  public static final String DECISION_REASSESS = "reassess";
  public static final String REVIEW_NOTE = "reviewNote";
  public static final String REVIEWED_BY = "reviewedBy";

  /** The highest step any accepted assessment of this community has reached. */
  public static final String HIGHEST_STEP_NUMBER = "highestStepNumber";
  public static final String HIGHEST_STEP_REACHED = "highestStepReached";
  public static final String NEW_STEP_REACHED = "newStepReached";
  public static final String ASSESSMENTS_RECORDED = "assessmentsRecorded";

  /** Local to a celebration task: the step it celebrates. */
  public static final String CELEBRATION_STEP_NUMBER = "celebrationStepNumber";
  public static final String CELEBRATION = "celebration";

  private PracticeMaturityContract(VariableScope scope) {
    super(scope);
  }

  /** The variables of an execution or task of the maturity process. */
  public static PracticeMaturityContract of(VariableScope scope) {
    return new PracticeMaturityContract(scope);
  }

  /** The start form's variables: the name and the liaison; the interval is the configured one. */
  public static Map<String, Object> startForm(String communityName, String liaison) {
    return Map.of(COMMUNITY_NAME, communityName, LIAISON, liaison);
  }

  // --- the start form and the registered community ---

  String communityName() {
    return text(COMMUNITY_NAME);
  }

  String liaison() {
    return text(LIAISON);
  }

  /** The interval as given or registered, or null. */
  String assessmentInterval() {
    return text(ASSESSMENT_INTERVAL);
  }

  String communityKey() {
    return (String) value(COMMUNITY_KEY);
  }

  /**
   * What the start listener records: who the community is, who assesses and reviews, when the
   * first self-assessment is due, and the highest step stored from earlier instances.
   */
  void registered(
      String name, String key, String liaison, String activatorTeam, String liaisonTeam, String interval, Date due,
      int highestStepNumber) {
    set(COMMUNITY_NAME, name);
    set(COMMUNITY_KEY, key);
    set(LIAISON, liaison);
    set(ACTIVATOR_TEAM, activatorTeam);
    set(LIAISON_TEAM, liaisonTeam);
    set(ASSESSMENT_INTERVAL, interval);
    set(ASSESSMENT_DUE, due);
    set(REASSESSMENT, false);
    highestStep(highestStepNumber);
    set(ASSESSMENTS_RECORDED, 0);
  }

  // --- the self-assessment ---

  /** An indicator's answer, or null when it is not answered with true or false. */
  Boolean answer(String indicatorKey) {
    return value(indicatorKey) instanceof Boolean answer ? answer : null;
  }

  /** Whether an indicator is answered as met. */
  boolean met(String indicatorKey) {
    return isTrue(indicatorKey);
  }

  int score(MaturityModel.Area area) {
    return number(area.scoreVariable());
  }

  void score(MaturityModel.Area area, int met) {
    set(area.scoreVariable(), met);
  }

  String assessmentNote() {
    return text(ASSESSMENT_NOTE);
  }

  /** The self-assessment as scored; the previous review's note and decision are read and done with. */
  void assessed(String note, String by, Date at) {
    set(ASSESSMENT_NOTE, note);
    set(ASSESSED_BY, by);
    set(ASSESSED_AT, at);
    remove(REASSESSMENT_NOTE, REVIEW_DECISION, REVIEW_NOTE);
  }

  String assessedBy() {
    return (String) value(ASSESSED_BY);
  }

  Date assessedAt() {
    return (Date) value(ASSESSED_AT);
  }

  boolean reassessment() {
    return isTrue(REASSESSMENT);
  }

  // --- the decision and the review ---

  int stepNumber() {
    return number(STEP_NUMBER);
  }

  String stepReached() {
    return (String) value(STEP_REACHED);
  }

  /** The liaison's decision as given, or null. */
  String reviewDecision() {
    Object decision = value(REVIEW_DECISION);
    return decision == null ? null : decision.toString();
  }

  boolean accepted() {
    return DECISION_ACCEPT.equals(value(REVIEW_DECISION));
  }

  String reviewNote() {
    return text(REVIEW_NOTE);
  }

  void reviewed(String note, String by) {
    set(REVIEW_NOTE, note);
    set(REVIEWED_BY, by);
  }

  String reviewedBy() {
    return (String) value(REVIEWED_BY);
  }

  // --- recording ---

  int assessmentsRecorded() {
    return number(ASSESSMENTS_RECORDED);
  }

  void assessmentsRecorded(int count) {
    set(ASSESSMENTS_RECORDED, count);
  }

  /** Not accepted: the next self-assessment re-assesses, with the liaison's note. */
  void reassessmentRequested(String reviewNote) {
    set(NEW_STEP_REACHED, false);
    set(REASSESSMENT, true);
    set(REASSESSMENT_NOTE, reviewNote);
  }

  /** Accepted: whether it reached a step for the first time, and the highest step reached so far. */
  void accepted(boolean newStepReached, int highestStepNumber) {
    set(NEW_STEP_REACHED, newStepReached);
    highestStep(highestStepNumber);
    set(REASSESSMENT, false);
    // The answers carry over to the next round as a starting point; the evidence belongs to this one.
    remove(ASSESSMENT_NOTE);
  }

  private void highestStep(int number) {
    set(HIGHEST_STEP_NUMBER, number);
    set(HIGHEST_STEP_REACHED, MaturityModel.stepLabel(number));
  }

  Date assessmentDue() {
    return (Date) value(ASSESSMENT_DUE);
  }

  void assessmentDue(Date due) {
    set(ASSESSMENT_DUE, due);
  }

  // --- the celebration ---

  String celebration() {
    return text(CELEBRATION);
  }

  void celebration(String celebration) {
    set(CELEBRATION, celebration);
  }

  int celebrationStepNumber() {
    return number(CELEBRATION_STEP_NUMBER);
  }
}
