package org.communitylifecycle.practice;

/** Variables of the Community-of-Practice maturity process, besides the 36 indicator answers and 12 area scores. */
public final class PracticeVariables {

  public static final String COMMUNITY_NAME = "communityName";
  public static final String COMMUNITY_KEY = "communityKey";
  public static final String LIAISON = "liaison";
  /** The community's activators' group: with community leads, who self-assess. */
  public static final String ACTIVATOR_TEAM = "activatorTeam";
  /** The community's liaisons' group: who may review an assessment. */
  public static final String LIAISON_TEAM = "liaisonTeam";
  public static final String ASSESSMENT_INTERVAL = "assessmentInterval";
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

  /** Outcomes of a review as stored. */
  static final String OUTCOME_ACCEPTED = "accepted";
  static final String OUTCOME_REASSESSMENT_REQUESTED = "reassessment-requested";

  static final int MAX_NOTE_LENGTH = 4000;

  private PracticeVariables() {}
}
