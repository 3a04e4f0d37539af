package org.communitylifecycle.lifecycle;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Each community's stays in the lifecycle stages, in the app's table {@code cl_stage_history}: one
 * row per stay, opened when the community enters a stage and closed when it leaves. The row also
 * keeps the latest gate decision of the stay: held, sustained, then advanced or closed.
 */
@Repository
public class StageHistory {

  public static final String ADVANCED = "advanced";
  public static final String HELD = "held";
  public static final String SUSTAINED = "sustained";
  public static final String CLOSED = "closed";
  /** A stay left without a decision of its own, because the community entered a stage afresh. */
  public static final String INTERRUPTED = "interrupted";

  /** One stay of a community in a stage; leftAt is null while it lasts. */
  public record Entry(
      String stage, Instant enteredAt, Instant leftAt, String decision, String decidedBy, String reason, Instant decidedAt) {}

  private final JdbcClient jdbc;

  public StageHistory(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The community enters a stage. A community is in one stage at a time, so a stay still open ends here. */
  public void open(String communityKey, String stage, Instant at) {
    jdbc.sql("""
            update cl_stage_history set left_at = :at, decision = :decision
            where community_key = :key and left_at is null""")
        .param("at", Timestamp.from(at)).param("decision", INTERRUPTED).param("key", communityKey)
        .update();
    jdbc.sql("insert into cl_stage_history (community_key, stage, entered_at) values (:key, :stage, :at)")
        .param("key", communityKey).param("stage", stage).param("at", Timestamp.from(at))
        .update();
  }

  /**
   * Records the gate decision of the community's stay in a stage; {@code leaving} also ends the
   * stay. A stay that has no row (the stage was entered before its history was kept) gets one.
   */
  public void decide(String communityKey, String stage, Instant enteredAt, String decision, String decidedBy,
      String reason, Instant at, boolean leaving) {
    int updated =
        jdbc.sql("""
                update cl_stage_history set decision = :decision, decided_by = :by, reason = :reason, decided_at = :at,
                  left_at = :leftAt
                where community_key = :key and stage = :stage and left_at is null""")
            .param("decision", decision).param("by", decidedBy).param("reason", reason)
            .param("at", Timestamp.from(at)).param("leftAt", leaving ? Timestamp.from(at) : null)
            .param("key", communityKey).param("stage", stage)
            .update();
    if (updated == 0) {
      jdbc.sql("""
              insert into cl_stage_history (community_key, stage, entered_at, left_at, decision, decided_by, reason, decided_at)
              values (:key, :stage, :enteredAt, :leftAt, :decision, :by, :reason, :at)""")
          .param("key", communityKey).param("stage", stage).param("enteredAt", Timestamp.from(enteredAt))
          .param("leftAt", leaving ? Timestamp.from(at) : null).param("decision", decision).param("by", decidedBy)
          .param("reason", reason).param("at", Timestamp.from(at))
          .update();
    }
  }

  /** Ends the community's current stay, whatever its stage, with a decision such as {@link #CLOSED}. */
  public void leave(String communityKey, String decision, String decidedBy, String reason, Instant at) {
    jdbc.sql("""
            update cl_stage_history set left_at = :at, decision = :decision, decided_by = :by, reason = :reason,
              decided_at = :at
            where community_key = :key and left_at is null""")
        .param("at", Timestamp.from(at)).param("decision", decision).param("by", decidedBy).param("reason", reason)
        .param("key", communityKey)
        .update();
  }

  /** The community's stays, oldest first. */
  public List<Entry> list(String communityKey) {
    return jdbc.sql("""
            select stage, entered_at, left_at, decision, decided_by, reason, decided_at
            from cl_stage_history where community_key = :key order by entered_at, id""")
        .param("key", communityKey)
        .query((rs, n) -> new Entry(rs.getString(1), instant(rs.getTimestamp(2)), instant(rs.getTimestamp(3)),
            rs.getString(4), rs.getString(5), rs.getString(6), instant(rs.getTimestamp(7))))
        .list();
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
