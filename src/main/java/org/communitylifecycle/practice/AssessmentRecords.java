package org.communitylifecycle.practice;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.communitylifecycle.identity.Groups;
import org.communitylifecycle.identity.Teams;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The communities of practice and their reviewed assessments, in the app's tables
 * {@code cl_practice_community}, {@code cl_practice_assessment}, {@code cl_practice_indicator}
 * and {@code cl_practice_step}. Run inside the engine's transaction, so an assessment is stored
 * exactly when its review completes.
 */
@Repository
class AssessmentRecords {

  /** Groups that may read every community of practice's assessments, besides its liaison. */
  static final List<String> READER_GROUPS = List.of(Groups.CBT_LIAISONS, Groups.COMMUNITY_LEADS, Groups.CAMUNDA_ADMIN);

  /** One community of practice. */
  public record PracticeCommunity(String key, String name, String liaison, String assessmentInterval) {

    /** Its liaison, its teams' members and the reader groups may read its assessments. */
    public boolean mayBeReadBy(String userId, Collection<String> groupIds) {
      if (userId == null) {
        return false;
      }
      return userId.equals(liaison)
          || readsEveryCommunity(groupIds)
          || groupIds != null && (groupIds.contains(Teams.Kind.ACTIVATORS.groupId(key))
              || groupIds.contains(Teams.Kind.LIAISONS.groupId(key)));
    }
  }

  /** Whether one of the groups may read every community of practice. */
  public static boolean readsEveryCommunity(Collection<String> groupIds) {
    return groupIds != null && groupIds.stream().anyMatch(READER_GROUPS::contains);
  }

  /** A reviewed assessment to store: the answers, the area scores, the step and the review. */
  public record NewAssessment(
      String communityKey,
      String processInstanceId,
      boolean reassessment,
      Instant assessedAt,
      String assessedBy,
      String assessmentNote,
      Map<String, Boolean> answers,
      Map<String, Integer> scores,
      int stepNumber,
      String stepReached,
      String reviewOutcome,
      String reviewNote,
      String reviewedBy,
      Instant reviewedAt) {}

  /** A stored assessment, as the history shows it; scores by area score variable, in the seed's order. */
  public record StoredAssessment(
      long id,
      Instant assessedAt,
      String assessedBy,
      boolean reassessment,
      Map<String, Integer> scores,
      List<String> indicatorsMet,
      int stepNumber,
      String stepReached,
      String reviewOutcome,
      String reviewNote,
      String reviewedBy,
      Instant reviewedAt,
      String assessmentNote) {}

  /** The first time a community's accepted assessment reached a step, and how it was celebrated. */
  public record StepReached(
      int stepNumber,
      String stepReached,
      LocalDate firstReachedOn,
      long assessmentId,
      LocalDate celebratedOn,
      String celebratedBy,
      String celebration) {}

  /** Everything stored about one community of practice, oldest assessment first. */
  public record History(PracticeCommunity community, List<StoredAssessment> assessments, List<StepReached> stepHistory) {}

  private static final List<String> SCORE_COLUMNS =
      MaturityModel.AREAS.stream().map(a -> column(a.scoreVariable())).toList();

  private final JdbcClient jdbc;

  public AssessmentRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Creates the community of practice, or updates its name, liaison and interval. */
  public void register(String key, String name, String liaison, String assessmentInterval, Instant now) {
    int updated =
        jdbc.sql("""
                update cl_practice_community set name = :name, liaison = :liaison,
                  assessment_interval = :interval, updated_at = :now where community_key = :key""")
            .param("name", name).param("liaison", liaison).param("interval", assessmentInterval)
            .param("now", Timestamp.from(now)).param("key", key)
            .update();
    if (updated == 0) {
      jdbc.sql("""
              insert into cl_practice_community (community_key, name, liaison, assessment_interval, created_at, updated_at)
              values (:key, :name, :liaison, :interval, :now, :now)""")
          .param("key", key).param("name", name).param("liaison", liaison).param("interval", assessmentInterval)
          .param("now", Timestamp.from(now))
          .update();
    }
  }

  public Optional<PracticeCommunity> find(String key) {
    return jdbc.sql("""
            select community_key, name, liaison, assessment_interval from cl_practice_community
            where community_key = :key""")
        .param("key", key)
        .query((rs, n) -> new PracticeCommunity(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
        .optional();
  }

  /** The highest step an accepted assessment of the community has reached; 0 for none. */
  public int highestStepNumber(String key) {
    return jdbc.sql("select coalesce(max(step_number), 0) from cl_practice_step where community_key = :key")
        .param("key", key)
        .query(Integer.class)
        .single();
  }

  /** Stores a reviewed assessment with its 36 answers; returns its id. */
  public long save(NewAssessment a) {
    String sql =
        "insert into cl_practice_assessment (community_key, process_instance_id, reassessment, assessed_at, assessed_by,"
            + " assessment_note, " + String.join(", ", SCORE_COLUMNS)
            + ", step_number, step_reached, review_outcome, review_note, reviewed_by, reviewed_at) values (:key, :process,"
            + " :reassessment, :assessedAt, :assessedBy, :assessmentNote, "
            + SCORE_COLUMNS.stream().map(c -> ":" + c).collect(Collectors.joining(", "))
            + ", :stepNumber, :stepReached, :outcome, :reviewNote, :reviewedBy, :reviewedAt)";
    JdbcClient.StatementSpec insert =
        jdbc.sql(sql)
            .param("key", a.communityKey()).param("process", a.processInstanceId())
            .param("reassessment", a.reassessment())
            .param("assessedAt", Timestamp.from(a.assessedAt())).param("assessedBy", a.assessedBy())
            .param("assessmentNote", a.assessmentNote())
            .param("stepNumber", a.stepNumber()).param("stepReached", a.stepReached())
            .param("outcome", a.reviewOutcome()).param("reviewNote", a.reviewNote())
            .param("reviewedBy", a.reviewedBy()).param("reviewedAt", Timestamp.from(a.reviewedAt()));
    for (MaturityModel.Area area : MaturityModel.AREAS) {
      insert = insert.param(column(area.scoreVariable()), a.scores().get(area.scoreVariable()));
    }
    KeyHolder keys = new GeneratedKeyHolder();
    insert.update(keys, "id");
    long id = generatedId(keys);
    a.answers().forEach(
        (indicator, met) ->
            jdbc.sql("insert into cl_practice_indicator (assessment_id, indicator_key, met) values (:id, :indicator, :met)")
                .param("id", id).param("indicator", indicator).param("met", met)
                .update());
    return id;
  }

  /**
   * Records the steps above {@code previousHighest} up to {@code stepNumber} as first reached on
   * this date: an assessment that jumps from none to Explore reaches Gather and Dispatch too.
   */
  public void reachSteps(String key, int previousHighest, int stepNumber, LocalDate on, long assessmentId) {
    for (int step = previousHighest + 1; step <= stepNumber; step++) {
      jdbc.sql("""
              insert into cl_practice_step (community_key, step_number, step_name, first_reached_on, assessment_id)
              values (:key, :step, :name, :on, :assessment)""")
          .param("key", key).param("step", step).param("name", MaturityModel.stepLabel(step))
          .param("on", java.sql.Date.valueOf(on)).param("assessment", assessmentId)
          .update();
    }
  }

  /** Records how the community leads celebrated reaching a step. */
  public void celebrate(String key, int stepNumber, LocalDate on, String by, String celebration) {
    jdbc.sql("""
            update cl_practice_step set celebrated_on = :on, celebrated_by = :by, celebration = :celebration
            where community_key = :key and step_number = :step""")
        .param("on", java.sql.Date.valueOf(on)).param("by", by).param("celebration", celebration)
        .param("key", key).param("step", stepNumber)
        .update();
  }

  public History history(PracticeCommunity community) {
    Map<Long, List<String>> met = new LinkedHashMap<>();
    jdbc.sql("""
            select i.assessment_id, i.indicator_key from cl_practice_indicator i
            join cl_practice_assessment a on a.id = i.assessment_id
            where a.community_key = :key and i.met = true order by i.assessment_id, i.indicator_key""")
        .param("key", community.key())
        .query((ResultSet rs) -> {
          met.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(rs.getString(2));
        });
    List<StoredAssessment> assessments =
        jdbc.sql("select * from cl_practice_assessment where community_key = :key order by assessed_at, id")
            .param("key", community.key())
            .query((rs, n) -> assessment(rs, met))
            .list();
    List<StepReached> steps =
        jdbc.sql("""
                select step_number, step_name, first_reached_on, assessment_id, celebrated_on, celebrated_by, celebration
                from cl_practice_step where community_key = :key order by step_number""")
            .param("key", community.key())
            .query((rs, n) -> new StepReached(rs.getInt(1), rs.getString(2), rs.getDate(3).toLocalDate(), rs.getLong(4),
                rs.getDate(5) == null ? null : rs.getDate(5).toLocalDate(), rs.getString(6), rs.getString(7)))
            .list();
    return new History(community, assessments, steps);
  }

  private static StoredAssessment assessment(ResultSet rs, Map<Long, List<String>> met) throws SQLException {
    long id = rs.getLong("id");
    Map<String, Integer> scores = new LinkedHashMap<>();
    for (MaturityModel.Area area : MaturityModel.AREAS) {
      scores.put(area.scoreVariable(), rs.getInt(column(area.scoreVariable())));
    }
    return new StoredAssessment(
        id,
        rs.getTimestamp("assessed_at").toInstant(),
        rs.getString("assessed_by"),
        rs.getBoolean("reassessment"),
        scores,
        met.getOrDefault(id, List.of()),
        rs.getInt("step_number"),
        rs.getString("step_reached"),
        rs.getString("review_outcome"),
        rs.getString("review_note"),
        rs.getString("reviewed_by"),
        rs.getTimestamp("reviewed_at").toInstant(),
        rs.getString("assessment_note"));
  }

  /** The generated id, whatever case the database gives its column name. */
  private static long generatedId(KeyHolder keys) {
    if (keys.getKeyList().size() == 1 && keys.getKeys().size() == 1) {
      return keys.getKey().longValue();
    }
    return keys.getKeys().entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase("id"))
        .map(e -> ((Number) e.getValue()).longValue())
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("The database returned no id for the new assessment"));
  }

  /** gatherA → gather_a, systemsChangeC → systems_change_c. */
  static String column(String scoreVariable) {
    return scoreVariable.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
  }
}
