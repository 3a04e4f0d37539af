package org.communitylifecycle.mentoring;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The mentoring program's own tables: cohorts, their mentees, weekly standups and updates. The
 * process writes them as the cohort runs; the cohort report and {@link MentoringController} read
 * them. In the application they share the engine's transaction, so a rejected step leaves no row.
 */
@Repository
class MentoringRecords {

  public static final String RUNNING = "running";
  public static final String COMPLETED = "completed";
  public static final String CANCELLED = "cancelled";
  public static final String POSTED = "posted";
  public static final String MISSED = "missed";

  /** A cohort as formed. */
  public record NewCohort(
      String key, String name, String goalRung, List<String> mentors, LocalDate startDate, LocalDate endDate,
      String plannedDuration, String processInstanceId, String formedBy, Instant formedAt) {}

  /** A mentee and the mentor they were assigned. */
  public record Enrolment(String mentee, String mentor) {}

  /** What the mentor recorded in a mentee's graduation review. */
  public record Graduation(
      int monthsAtRung, int primaryReviewerPrs, int prsReviewedOrMerged, String advice, String adviceReasons,
      String decision, String note, String decidedBy, Instant decidedAt) {}

  /** Graduated over enrolled, compared with a baseline. */
  public record Report(int enrolled, int graduated, int baselineGraduated, int baselineEnrolled) {

    public int ratePercent() {
      return percent(graduated, enrolled);
    }

    public int baselinePercent() {
      return percent(baselineGraduated, baselineEnrolled);
    }

    /** {@code above}, {@code level} or {@code below} the baseline's rate, compared exactly. */
    public String comparedWithBaseline() {
      return compare(graduated, enrolled, baselineGraduated, baselineEnrolled);
    }

    public String summary() {
      return graduated + " of " + enrolled + " mentees graduated (" + ratePercent() + "%), "
          + ("level".equals(comparedWithBaseline()) ? "level with" : comparedWithBaseline())
          + " the first cohort's " + baselineGraduated + " of " + baselineEnrolled + " (" + baselinePercent() + "%)";
    }
  }

  /** One cohort as the report API shows it. */
  public record CohortSummary(
      String key, String name, String goalRung, String status, LocalDate startDate, LocalDate endDate,
      String plannedDuration, List<String> mentors, String formedBy, Instant formedAt, Instant closedAt,
      int enrolled, Integer graduated, Integer graduationRatePercent, Integer baselineGraduated,
      Integer baselineEnrolled, String comparedWithBaseline) {}

  /** One mentee's record in a cohort. */
  public record MenteeRecord(
      String mentee, String mentor, int updatesPosted, int updatesMissed, int followUps, Integer monthsAtRung,
      Integer primaryReviewerPrs, Integer prsReviewedOrMerged, String advice, String adviceReasons,
      String decision, String decisionNote, String decidedBy, Instant decidedAt) {}

  /** One weekly standup. */
  public record StandupRecord(
      int week, String facilitator, Instant opensAt, Instant closesAt, String facilitatedBy, Instant facilitatedAt,
      int updatesPosted, int updatesMissed) {}

  /** A cohort with its mentees and standups. */
  public record CohortDetail(CohortSummary cohort, List<MenteeRecord> mentees, List<StandupRecord> standups) {}

  private final JdbcClient jdbc;

  public MentoringRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The status of the cohort with this key: running, completed or cancelled. */
  public Optional<String> statusOf(String key) {
    return jdbc.sql("select status from cl_mentoring_cohort where cohort_key = :key")
        .param("key", key).query(String.class).optional();
  }

  /** Forgets a cohort that did not run to its end, so that its name can be used again. */
  public void forget(String key) {
    // Explicit deletes rather than relying on cascades, which the tables declare but not every caller needs.
    for (String table : List.of("cl_mentoring_update", "cl_mentoring_standup", "cl_mentoring_mentee", "cl_mentoring_cohort")) {
      jdbc.sql("delete from " + table + " where cohort_key = :key").param("key", key).update();
    }
  }

  /** Records a newly formed cohort and its mentees, in the order given. */
  public void form(NewCohort cohort, List<Enrolment> enrolments) {
    jdbc.sql("""
            insert into cl_mentoring_cohort (cohort_key, name, goal_rung, mentors, start_date, end_date, planned_duration,
              process_instance_id, status, enrolled, formed_by, formed_at)
            values (:key, :name, :rung, :mentors, :start, :end, :duration, :instance, :status, :enrolled, :by, :at)""")
        .param("key", cohort.key()).param("name", cohort.name()).param("rung", cohort.goalRung())
        .param("mentors", String.join(",", cohort.mentors()))
        .param("start", java.sql.Date.valueOf(cohort.startDate())).param("end", java.sql.Date.valueOf(cohort.endDate()))
        .param("duration", cohort.plannedDuration()).param("instance", cohort.processInstanceId())
        .param("status", RUNNING).param("enrolled", enrolments.size())
        .param("by", cohort.formedBy()).param("at", Timestamp.from(cohort.formedAt()))
        .update();
    int order = 0;
    for (Enrolment enrolment : enrolments) {
      jdbc.sql("""
              insert into cl_mentoring_mentee (cohort_key, mentee, mentor, enrolment_order, updates_posted, updates_missed, follow_ups)
              values (:key, :mentee, :mentor, :order, 0, 0, 0)""")
          .param("key", cohort.key()).param("mentee", enrolment.mentee()).param("mentor", enrolment.mentor())
          .param("order", order++)
          .update();
    }
  }

  public Optional<String> mentorOf(String key, String mentee) {
    return jdbc.sql("select mentor from cl_mentoring_mentee where cohort_key = :key and mentee = :mentee")
        .param("key", key).param("mentee", mentee).query(String.class).optional();
  }

  public void openStandup(String key, int week, String facilitator, Instant opensAt, Instant closesAt) {
    jdbc.sql("""
            insert into cl_mentoring_standup (cohort_key, week_number, facilitator, opens_at, closes_at)
            values (:key, :week, :facilitator, :opens, :closes)""")
        .param("key", key).param("week", week).param("facilitator", facilitator)
        .param("opens", Timestamp.from(opensAt)).param("closes", Timestamp.from(closesAt))
        .update();
  }

  public void standupFacilitated(String key, int week, String by, Instant at) {
    jdbc.sql("""
            update cl_mentoring_standup set facilitated_by = :by, facilitated_at = :at
            where cohort_key = :key and week_number = :week""")
        .param("by", by).param("at", Timestamp.from(at)).param("key", key).param("week", week)
        .update();
  }

  /** Records a mentee's update for a week as posted or missed, and counts it on the mentee. */
  public void recordUpdate(String key, int week, String mentee, String status, Instant at) {
    jdbc.sql("""
            insert into cl_mentoring_update (cohort_key, week_number, mentee, status, recorded_at)
            values (:key, :week, :mentee, :status, :at)""")
        .param("key", key).param("week", week).param("mentee", mentee).param("status", status)
        .param("at", Timestamp.from(at))
        .update();
    String counter = POSTED.equals(status) ? "updates_posted" : "updates_missed";
    jdbc.sql("update cl_mentoring_mentee set " + counter + " = " + counter + " + 1 where cohort_key = :key and mentee = :mentee")
        .param("key", key).param("mentee", mentee)
        .update();
  }

  /** How many standups the mentee has missed in a row, counting back from this week. */
  public int missedInARow(String key, String mentee, int week) {
    List<String> statuses =
        jdbc.sql("""
                select status from cl_mentoring_update
                where cohort_key = :key and mentee = :mentee and week_number <= :week
                order by week_number desc""")
            .param("key", key).param("mentee", mentee).param("week", week)
            .query(String.class).list();
    int missed = 0;
    for (String status : statuses) {
      if (!MISSED.equals(status)) {
        break;
      }
      missed++;
    }
    return missed;
  }

  public void followedUp(String key, String mentee) {
    jdbc.sql("update cl_mentoring_mentee set follow_ups = follow_ups + 1 where cohort_key = :key and mentee = :mentee")
        .param("key", key).param("mentee", mentee)
        .update();
  }

  public void recordGraduation(String key, String mentee, Graduation graduation) {
    jdbc.sql("""
            update cl_mentoring_mentee set months_at_rung = :months, primary_reviewer_prs = :primary,
              prs_reviewed_or_merged = :reviewed, advice = :advice, advice_reasons = :reasons, decision = :decision,
              decision_note = :note, decided_by = :by, decided_at = :at
            where cohort_key = :key and mentee = :mentee""")
        .param("months", graduation.monthsAtRung()).param("primary", graduation.primaryReviewerPrs())
        .param("reviewed", graduation.prsReviewedOrMerged()).param("advice", graduation.advice())
        .param("reasons", graduation.adviceReasons()).param("decision", graduation.decision())
        .param("note", graduation.note()).param("by", graduation.decidedBy())
        .param("at", Timestamp.from(graduation.decidedAt())).param("key", key).param("mentee", mentee)
        .update();
  }

  /** Counts the cohort's graduates, closes the cohort as completed and keeps the report with it. */
  public Report complete(String key, MentoringProperties.Baseline baseline, Instant at) {
    int enrolled = count("select count(*) from cl_mentoring_mentee where cohort_key = :key", key);
    int graduated = count("select count(*) from cl_mentoring_mentee where cohort_key = :key and decision = 'graduate'", key);
    jdbc.sql("""
            update cl_mentoring_cohort set status = :status, enrolled = :enrolled, graduated = :graduated,
              baseline_graduated = :baselineGraduated, baseline_enrolled = :baselineEnrolled, closed_at = :at
            where cohort_key = :key""")
        .param("status", COMPLETED).param("enrolled", enrolled).param("graduated", graduated)
        .param("baselineGraduated", baseline.graduated()).param("baselineEnrolled", baseline.enrolled())
        .param("at", Timestamp.from(at)).param("key", key)
        .update();
    return new Report(enrolled, graduated, baseline.graduated(), baseline.enrolled());
  }

  /** Marks the cohort of this process instance cancelled, unless it completed. */
  public void cancelIfRunning(String key, String processInstanceId, Instant at) {
    jdbc.sql("""
            update cl_mentoring_cohort set status = :cancelled, closed_at = :at
            where cohort_key = :key and process_instance_id = :instance and status = :running""")
        .param("cancelled", CANCELLED).param("at", Timestamp.from(at)).param("key", key)
        .param("instance", processInstanceId).param("running", RUNNING)
        .update();
  }

  /** Every cohort, the most recently formed first. */
  public List<CohortSummary> cohorts() {
    return jdbc.sql(SELECT_COHORT + " order by formed_at desc, cohort_key").query(MentoringRecords::cohort).list();
  }

  public Optional<CohortDetail> cohort(String key) {
    return jdbc.sql(SELECT_COHORT + " where cohort_key = :key").param("key", key)
        .query(MentoringRecords::cohort).optional()
        .map(summary -> new CohortDetail(summary, mentees(key), standups(key)));
  }

  private List<MenteeRecord> mentees(String key) {
    return jdbc.sql("""
            select mentee, mentor, updates_posted, updates_missed, follow_ups, months_at_rung, primary_reviewer_prs,
              prs_reviewed_or_merged, advice, advice_reasons, decision, decision_note, decided_by, decided_at
            from cl_mentoring_mentee where cohort_key = :key order by enrolment_order""")
        .param("key", key)
        .query((rs, n) -> new MenteeRecord(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getInt(5),
            integer(rs, 6), integer(rs, 7), integer(rs, 8), rs.getString(9), rs.getString(10), rs.getString(11),
            rs.getString(12), rs.getString(13), instant(rs, 14)))
        .list();
  }

  private List<StandupRecord> standups(String key) {
    return jdbc.sql("""
            select s.week_number, s.facilitator, s.opens_at, s.closes_at, s.facilitated_by, s.facilitated_at,
              (select count(*) from cl_mentoring_update u where u.cohort_key = s.cohort_key
                 and u.week_number = s.week_number and u.status = 'posted'),
              (select count(*) from cl_mentoring_update u where u.cohort_key = s.cohort_key
                 and u.week_number = s.week_number and u.status = 'missed')
            from cl_mentoring_standup s where s.cohort_key = :key order by s.week_number""")
        .param("key", key)
        .query((rs, n) -> new StandupRecord(rs.getInt(1), rs.getString(2), instant(rs, 3), instant(rs, 4),
            rs.getString(5), instant(rs, 6), rs.getInt(7), rs.getInt(8)))
        .list();
  }

  private static final String SELECT_COHORT = """
      select cohort_key, name, goal_rung, status, start_date, end_date, planned_duration, mentors, formed_by, formed_at,
        closed_at, enrolled, graduated, baseline_graduated, baseline_enrolled
      from cl_mentoring_cohort""";

  private static CohortSummary cohort(ResultSet rs, int row) throws SQLException {
    int enrolled = rs.getInt(12);
    Integer graduated = integer(rs, 13);
    Integer baselineGraduated = integer(rs, 14);
    Integer baselineEnrolled = integer(rs, 15);
    boolean reported = graduated != null && baselineGraduated != null && baselineEnrolled != null && enrolled > 0;
    return new CohortSummary(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
        rs.getDate(5).toLocalDate(), rs.getDate(6).toLocalDate(), rs.getString(7),
        Arrays.asList(rs.getString(8).split(",")), rs.getString(9), instant(rs, 10), instant(rs, 11), enrolled,
        graduated, reported ? percent(graduated, enrolled) : null, baselineGraduated, baselineEnrolled,
        reported ? compare(graduated, enrolled, baselineGraduated, baselineEnrolled) : null);
  }

  private int count(String sql, String key) {
    return jdbc.sql(sql).param("key", key).query(Integer.class).single();
  }

  static int percent(int part, int whole) {
    return whole == 0 ? 0 : (int) Math.round(100.0 * part / whole);
  }

  /** Compares two rates without rounding: 1 of 2 is level with 5 of 10. */
  static String compare(int graduated, int enrolled, int baselineGraduated, int baselineEnrolled) {
    long difference = (long) graduated * baselineEnrolled - (long) baselineGraduated * enrolled;
    return difference > 0 ? "above" : difference < 0 ? "below" : "level";
  }

  private static Integer integer(ResultSet rs, int column) throws SQLException {
    int value = rs.getInt(column);
    return rs.wasNull() ? null : value;
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    Timestamp value = rs.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }
}
