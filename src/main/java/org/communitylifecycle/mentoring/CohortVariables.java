package org.communitylifecycle.mentoring;

/** Names of the variables of processes/group-mentoring-cohort.bpmn, and the values some of them take. */
public final class CohortVariables {

  public static final String PROCESS_KEY = "group-mentoring-cohort";

  // The start form: forming a cohort.
  public static final String COHORT_NAME = "cohortName";
  public static final String GOAL_RUNG = "goalRung";
  public static final String MENTORS = "mentors";
  public static final String MENTEES = "mentees";
  public static final String START_DATE = "startDate";
  public static final String PLANNED_DURATION = "plannedDuration";

  // Set when the cohort is formed.
  public static final String COHORT_KEY = "cohortKey";
  public static final String END_DATE = "endDate";
  public static final String COHORT_STARTS_AT = "cohortStartsAt";
  public static final String COHORT_ENDS_AT = "cohortEndsAt";
  public static final String STANDUP_INTERVAL = "standupInterval";
  public static final String MISSED_STANDUPS_BEFORE_FOLLOW_UP = "missedStandupsBeforeFollowUp";
  public static final String MENTEE_MENTORS = "menteeMentors";
  public static final String FORMED_BY = "formedBy";
  /**
   * The group of the cohort's mentors ({@link org.communitylifecycle.identity.Teams}): the
   * candidates of its tasks, so only they see the cohort's work; a mentee sees their own updates only.
   */
  public static final String MENTOR_TEAM = "mentorTeam";

  // The standup loop, process-wide: the standup now open, and when the next one is due.
  public static final String CURRENT_STANDUP_WEEK = "currentStandupWeek";
  public static final String CURRENT_FACILITATOR = "currentFacilitator";
  public static final String CURRENT_STANDUP_CLOSES_AT = "currentStandupClosesAt";
  public static final String NEXT_STANDUP_AT = "nextStandupAt";

  // Local to one week's standup.
  public static final String STANDUP_WEEK = "standupWeek";
  public static final String STANDUP_FACILITATOR = "standupFacilitator";
  public static final String STANDUP_CLOSES_AT = "standupClosesAt";
  public static final String STANDUP_SUMMARY = "standupSummary";

  // Local to one mentee, in a standup and in the graduation review.
  public static final String MENTEE = "mentee";
  public static final String MENTEE_MENTOR = "menteeMentor";
  public static final String ACCOMPLISHMENTS = "accomplishments";
  public static final String CHALLENGES = "challenges";
  public static final String MISSED_IN_A_ROW = "missedInARow";
  public static final String FOLLOW_UP_DUE = "followUpDue";
  public static final String FOLLOW_UP_NOTE = "followUpNote";

  // The graduation review: the mentor's evidence, the ladder's advice, the mentor's decision.
  public static final String MONTHS_AT_CURRENT_RUNG = "monthsAtCurrentRung";
  public static final String PRIMARY_REVIEWER_PRS = "primaryReviewerPrs";
  public static final String PRS_REVIEWED_OR_MERGED = "prsReviewedOrMerged";
  public static final String LADDER_ADVICE = "ladderAdvice";
  public static final String LADDER_ADVICE_REASONS = "ladderAdviceReasons";
  public static final String GRADUATION_DECISION = "graduationDecision";
  public static final String GRADUATION_NOTE = "graduationNote";

  // The cohort report.
  public static final String ENROLLED_COUNT = "enrolledCount";
  public static final String GRADUATED_COUNT = "graduatedCount";
  public static final String GRADUATION_RATE_PERCENT = "graduationRatePercent";
  public static final String BASELINE_GRADUATED = "baselineGraduated";
  public static final String BASELINE_ENROLLED = "baselineEnrolled";
  public static final String COMPARED_WITH_BASELINE = "comparedWithBaseline";
  public static final String REPORT_SUMMARY = "reportSummary";

  // Values.
  public static final String RUNG_REVIEWER = "reviewer";
  public static final String RUNG_APPROVER = "approver";
  public static final String GRADUATE = "graduate";
  public static final String NOT_YET = "not-yet";

  private CohortVariables() {}
}
