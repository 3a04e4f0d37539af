package org.communitylifecycle.opsjam;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.communitylifecycle.engine.AppClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The ops jams, in the app's table {@code cl_ops_jam}, with what happened around them: the
 * instance managers' workflows, follow-up meetings and check-ins. Times follow the engine's clock.
 */
@Repository
class OpsJams {

  // Phases of a jam, in order.
  public static final String PREPARING = "preparing";
  public static final String SCHEDULED = "scheduled";
  public static final String COLLECTING = "collecting";
  public static final String COMBING = "combing";
  public static final String TRACKING = "tracking";
  public static final String CLOSED = "closed";
  public static final String CANCELLED = "cancelled";

  /** One ops jam. */
  public record OpsJam(
      String key, String name, String projectManager, String branchLead, String phase, LocalDate jamDate) {

    /** The wider community may add requests once the jam is scheduled, until combing starts. */
    public boolean takesRequests() {
      return SCHEDULED.equals(phase) || COLLECTING.equals(phase);
    }
  }

  /** What one instance manager described. */
  public record Submission(String instanceManager, String workflow, String submittedBy) {}

  /** A follow-up meeting with a further instance manager. */
  public record FollowUp(String metWith, LocalDate metOn, String notes, String recordedBy) {}

  /** A roadmap check-in. */
  public record CheckIn(LocalDate heldOn, String heldBy, String notes, String decision) {}

  private final JdbcClient jdbc;

  public OpsJams(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void create(String key, String name, String projectManager, String branchLead, String processInstanceId) {
    jdbc.sql("""
            insert into cl_ops_jam (jam_key, name, project_manager, branch_lead, phase, last_item_number,
              process_instance_id, created_at, updated_at)
            values (:key, :name, :pm, :bl, :phase, 0, :pi, :now, :now)""")
        .param("key", key).param("name", name).param("pm", projectManager).param("bl", branchLead)
        .param("phase", PREPARING).param("pi", processInstanceId).param("now", now())
        .update();
  }

  public Optional<OpsJam> find(String key) {
    return jdbc.sql("""
            select jam_key, name, project_manager, branch_lead, phase, jam_date from cl_ops_jam where jam_key = :key""")
        .param("key", key)
        .query((rs, n) -> new OpsJam(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getObject(6, LocalDate.class)))
        .optional();
  }

  void setPhase(String key, String phase) {
    jdbc.sql("update cl_ops_jam set phase = :phase, updated_at = :now where jam_key = :key")
        .param("phase", phase).param("now", now()).param("key", key)
        .update();
  }

  void schedule(String key, LocalDate jamDate) {
    jdbc.sql("update cl_ops_jam set phase = :phase, jam_date = :day, updated_at = :now where jam_key = :key")
        .param("phase", SCHEDULED).param("day", Date.valueOf(jamDate)).param("now", now()).param("key", key)
        .update();
  }

  /**
   * The next item number of a jam. The update locks the jam's row until the caller's transaction
   * ends, so two people adding items at once get different numbers.
   */
  int nextItemNumber(String key) {
    int updated = jdbc.sql("update cl_ops_jam set last_item_number = last_item_number + 1 where jam_key = :key")
        .param("key", key)
        .update();
    if (updated == 0) {
      throw new IllegalStateException("No ops jam '" + key + "'");
    }
    return jdbc.sql("select last_item_number from cl_ops_jam where jam_key = :key")
        .param("key", key).query(Integer.class).single();
  }

  void recordSubmission(String key, String instanceManager, String workflow, String submittedBy) {
    jdbc.sql("""
            insert into cl_ops_submission (jam_key, instance_manager, workflow, submitted_by, submitted_at)
            values (:key, :im, :workflow, :by, :now)""")
        .param("key", key).param("im", instanceManager).param("workflow", workflow).param("by", submittedBy)
        .param("now", now())
        .update();
  }

  public List<Submission> submissions(String key) {
    return jdbc.sql("""
            select instance_manager, workflow, submitted_by from cl_ops_submission
            where jam_key = :key order by submitted_at, instance_manager""")
        .param("key", key)
        .query((rs, n) -> new Submission(rs.getString(1), rs.getString(2), rs.getString(3)))
        .list();
  }

  void recordFollowUp(String key, FollowUp followUp) {
    jdbc.sql("""
            insert into cl_ops_follow_up (jam_key, met_with, met_on, notes, recorded_by, recorded_at)
            values (:key, :with, :on, :notes, :by, :now)""")
        .param("key", key).param("with", followUp.metWith()).param("on", Date.valueOf(followUp.metOn()))
        .param("notes", followUp.notes()).param("by", followUp.recordedBy()).param("now", now())
        .update();
  }

  public List<FollowUp> followUps(String key) {
    return jdbc.sql("""
            select met_with, met_on, notes, recorded_by from cl_ops_follow_up where jam_key = :key order by met_on, id""")
        .param("key", key)
        .query((rs, n) -> new FollowUp(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getString(3),
            rs.getString(4)))
        .list();
  }

  void recordCheckIn(String key, CheckIn checkIn) {
    jdbc.sql("""
            insert into cl_ops_check_in (jam_key, held_on, held_by, notes, decision, recorded_at)
            values (:key, :on, :by, :notes, :decision, :now)""")
        .param("key", key).param("on", Date.valueOf(checkIn.heldOn())).param("by", checkIn.heldBy())
        .param("notes", checkIn.notes()).param("decision", checkIn.decision()).param("now", now())
        .update();
  }

  public List<CheckIn> checkIns(String key) {
    return jdbc.sql("""
            select held_on, held_by, notes, decision from cl_ops_check_in where jam_key = :key order by held_on, id""")
        .param("key", key)
        .query((rs, n) -> new CheckIn(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getString(3),
            rs.getString(4)))
        .list();
  }

  static Timestamp now() {
    return Timestamp.from(AppClock.now());
  }
}
