package org.communitylifecycle.mentoring;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.communitylifecycle.engine.InvalidInputException;
import org.communitylifecycle.engine.VariableValues;
import org.communitylifecycle.engine.ProcessVariables;

/**
 * The contract of processes/group-mentoring-cohort.bpmn: its key, the elements others may name,
 * the names of its variables (the forms' fields keep theirs) and typed access to them through
 * {@link #of(VariableScope)}.
 */
public final class MentoringCohortContract extends ProcessVariables {

  public static final String PROCESS_KEY = "group-mentoring-cohort";

  // Elements that the demo, the tests and Tasklist filters name.
  public static final String TASK_FACILITATE_STANDUP = "Task_FacilitateStandup";
  public static final String TASK_POST_STANDUP_UPDATE = "Task_PostStandupUpdate";
  public static final String TASK_FOLLOW_UP_MISSED_STANDUPS = "Task_FollowUpMissedStandups";
  public static final String TASK_ENTER_GRADUATION_EVIDENCE = "Task_EnterGraduationEvidence";
  public static final String TASK_DECIDE_GRADUATION = "Task_DecideGraduation";
  public static final String TIMER_STANDUP_DUE = "Timer_StandupDue";
  public static final String TIMER_COHORT_ENDS = "Timer_CohortEnds";

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

  /** What forming a cohort writes, once the start form passed every check. */
  record Formed(
      String name, String key, String goalRung, List<String> mentors, List<String> mentees, LocalDate startDate,
      IsoPeriod plannedDuration, ZonedDateTime startsAt, ZonedDateTime endsAt, String standupInterval,
      int missedStandupsBeforeFollowUp, String formedBy, String mentorTeam) {}

  private MentoringCohortContract(VariableScope scope) {
    super(scope);
  }

  /** The cohort's variables as seen from an execution or a task of it. */
  public static MentoringCohortContract of(VariableScope scope) {
    return new MentoringCohortContract(scope);
  }

  /** The start form's fields, as Tasklist submits them. */
  public static Map<String, Object> startForm(
      String name, String goalRung, String mentors, String mentees, LocalDate startDate, String plannedDuration) {
    Map<String, Object> form = new LinkedHashMap<>();
    form.put(COHORT_NAME, name);
    form.put(GOAL_RUNG, goalRung);
    form.put(MENTORS, mentors);
    form.put(MENTEES, mentees);
    form.put(START_DATE, startDate.toString());
    form.put(PLANNED_DURATION, plannedDuration);
    return form;
  }

  /** User ids from a comma-, semicolon- or space-separated list, in order. */
  static List<String> ids(String value) {
    if (value == null || value.isBlank()) {
      return List.of();
    }
    return Arrays.stream(value.split("[,;\\s]+")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  // The start form and the cohort.

  public String cohortName() {
    return text(COHORT_NAME);
  }

  public String goalRung() {
    return text(GOAL_RUNG);
  }

  public List<String> mentors() {
    return ids(text(MENTORS));
  }

  public List<String> mentees() {
    return ids(text(MENTEES));
  }

  /** The start date: a day as Tasklist or a REST client sends it. */
  public LocalDate startDate() {
    LocalDate start;
    try {
      start = VariableValues.day(value(START_DATE), "startDate");
    } catch (InvalidInputException e) {
      throw new InvalidInputException("The start date (startDate) must be a date such as 2026-03-02, got '"
          + text(START_DATE) + "'");
    }
    if (start == null) {
      throw new InvalidInputException("Give the start date (startDate), such as 2026-03-02");
    }
    return start;
  }

  public String plannedDuration() {
    return text(PLANNED_DURATION);
  }

  public String cohortKey() {
    return text(COHORT_KEY);
  }

  public LocalDate endDate() {
    return VariableValues.day(value(END_DATE), END_DATE);
  }

  public String formedBy() {
    return text(FORMED_BY);
  }

  public String mentorTeam() {
    return text(MENTOR_TEAM);
  }

  /** Writes what forming the cohort decided; the start form's fields in their checked form. */
  void formed(Formed cohort) {
    set(COHORT_NAME, cohort.name());
    set(COHORT_KEY, cohort.key());
    set(GOAL_RUNG, cohort.goalRung());
    set(MENTORS, String.join(",", cohort.mentors()));
    set(MENTEES, String.join(",", cohort.mentees()));
    set(START_DATE, cohort.startDate().toString());
    set(PLANNED_DURATION, cohort.plannedDuration().text());
    set(END_DATE, cohort.endsAt().toLocalDate().toString());
    set(COHORT_STARTS_AT, Date.from(cohort.startsAt().toInstant()));
    set(COHORT_ENDS_AT, Date.from(cohort.endsAt().toInstant()));
    set(STANDUP_INTERVAL, cohort.standupInterval());
    set(MISSED_STANDUPS_BEFORE_FOLLOW_UP, cohort.missedStandupsBeforeFollowUp());
    set(CURRENT_STANDUP_WEEK, 0);
    set(NEXT_STANDUP_AT, Date.from(cohort.startsAt().toInstant()));
    set(FORMED_BY, cohort.formedBy());
    set(MENTOR_TEAM, cohort.mentorTeam());
  }

  void setMenteeMentors(String menteeMentors) {
    set(MENTEE_MENTORS, menteeMentors);
  }

  // The standups.

  public Date cohortStartsAt() {
    return (Date) value(COHORT_STARTS_AT);
  }

  public Date cohortEndsAt() {
    return (Date) value(COHORT_ENDS_AT);
  }

  IsoPeriod standupInterval() {
    return IsoPeriod.parse((String) value(STANDUP_INTERVAL));
  }

  public int missedStandupsBeforeFollowUp() {
    return number(MISSED_STANDUPS_BEFORE_FOLLOW_UP);
  }

  public int currentStandupWeek() {
    return number(CURRENT_STANDUP_WEEK);
  }

  public Date nextStandupAt() {
    return (Date) value(NEXT_STANDUP_AT);
  }

  /**
   * Opens a week's standup. The week is written last: raising it closes the previous week's open
   * updates, whose conditional events wait for it.
   */
  void standupOpened(int week, String facilitator, Date closesAt, Date nextStandupAt) {
    set(CURRENT_FACILITATOR, facilitator);
    set(CURRENT_STANDUP_CLOSES_AT, closesAt);
    set(NEXT_STANDUP_AT, nextStandupAt);
    set(CURRENT_STANDUP_WEEK, week);
  }

  /** The week of the standup a task or step belongs to; 0 outside a standup. */
  public int standupWeek() {
    return number(STANDUP_WEEK);
  }

  /** The week of the standup a task belongs to, or null outside a standup. */
  public Integer standupWeekOrNull() {
    return numberOrNull(STANDUP_WEEK);
  }

  public String standupSummary() {
    return text(STANDUP_SUMMARY);
  }

  void setStandupSummary(String summary) {
    set(STANDUP_SUMMARY, summary);
  }

  public String mentee() {
    return text(MENTEE);
  }

  public String menteeMentor() {
    return text(MENTEE_MENTOR);
  }

  public String accomplishments() {
    return text(ACCOMPLISHMENTS);
  }

  void setAccomplishments(String accomplishments) {
    set(ACCOMPLISHMENTS, accomplishments);
  }

  public String challenges() {
    return text(CHALLENGES);
  }

  void setChallenges(String challenges) {
    set(CHALLENGES, challenges);
  }

  /** Local to the missed update: how many in a row, and whether the mentor follows up now. */
  void missed(int inARow, boolean followUpDue) {
    setLocal(MISSED_IN_A_ROW, inARow);
    setLocal(FOLLOW_UP_DUE, followUpDue);
  }

  public String followUpNote() {
    return text(FOLLOW_UP_NOTE);
  }

  void setFollowUpNote(String note) {
    set(FOLLOW_UP_NOTE, note);
  }

  // The graduation review.

  /** One evidence field as the form or a REST client sent it: a number, text, or nothing. */
  Object evidenceAsSent(String field) {
    return value(field);
  }

  /** One evidence field as the contributor-ladder decision reads it: a whole number. */
  void setEvidence(String field, int value) {
    set(field, value);
  }

  public int monthsAtCurrentRung() {
    return number(MONTHS_AT_CURRENT_RUNG);
  }

  public int primaryReviewerPrs() {
    return number(PRIMARY_REVIEWER_PRS);
  }

  public int prsReviewedOrMerged() {
    return number(PRS_REVIEWED_OR_MERGED);
  }

  /** The ladder's advice as the decision's output wrote it: graduate or not-yet. */
  public String ladderAdvice() {
    return (String) value(LADDER_ADVICE);
  }

  public String ladderAdviceReasons() {
    return (String) value(LADDER_ADVICE_REASONS);
  }

  public String graduationDecision() {
    return text(GRADUATION_DECISION);
  }

  public String graduationNote() {
    return text(GRADUATION_NOTE);
  }

  /** The checked decision and note; the gateway after the review reads the decision. */
  void decided(String decision, String note) {
    set(GRADUATION_DECISION, decision);
    set(GRADUATION_NOTE, note);
  }

  // The report.

  void reported(MentoringRecords.Report report) {
    set(ENROLLED_COUNT, report.enrolled());
    set(GRADUATED_COUNT, report.graduated());
    set(GRADUATION_RATE_PERCENT, report.ratePercent());
    set(BASELINE_GRADUATED, report.baselineGraduated());
    set(BASELINE_ENROLLED, report.baselineEnrolled());
    set(COMPARED_WITH_BASELINE, report.comparedWithBaseline());
    set(REPORT_SUMMARY, report.summary());
  }
}
