package org.communitylifecycle.milestone;

import static org.communitylifecycle.milestone.MilestoneContract.ESCALATION_COUNT;
import static org.communitylifecycle.milestone.MilestoneContract.MILESTONE_KEY;
import static org.communitylifecycle.milestone.MilestoneContract.MILESTONE_NAME;
import static org.communitylifecycle.milestone.MilestoneContract.STAGE;
import static org.communitylifecycle.milestone.MilestoneContract.TASK_DELIVER;
import static org.communitylifecycle.milestone.MilestoneContract.TASK_REVIEW;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What "stalled" means for a milestone, and the stalled steps. A step stalls when it is an open
 * Deliver or Review task, not suspended, whose due date has passed; it is stalled since that due
 * date. The due date is the end of the step's stall period ({@code deliverStallPeriod} or
 * {@code reviewStallPeriod}, the same period as the step's stall timer), or the new deadline a
 * follow-up set. Once followed up, the step counts as still stalled {@code stillStalledPeriod}
 * later ({@link #after}). A paused community's tasks are suspended: paused, not stalled.
 *
 * <p>The dashboard and the weekly digest read the steps here, in one statement for any number of
 * communities. The SQL reads the engine's tables ACT_RU_TASK, ACT_HI_PROCINST and ACT_HI_VARINST
 * as of the Camunda 7.24.0 schema, and the app's cl_community for the community and its liaison.
 */
@Component
public class StalledSteps {

  /** The steps that can stall, by element id in processes/milestone.bpmn. */
  public static final List<String> STEP_TASKS = List.of(TASK_DELIVER, TASK_REVIEW);
  /** The follow-ups of a stalled Deliver and Review step, by element id in processes/milestone.bpmn. */
  public static final List<String> FOLLOW_UP_TASKS =
      List.of(MilestoneContract.TASK_FOLLOW_UP_DELIVERY, MilestoneContract.TASK_FOLLOW_UP_REVIEW);
  /** The escalations of a step still stalled after its follow-up, by element id in processes/milestone.bpmn. */
  public static final List<String> ESCALATION_TASKS =
      List.of(MilestoneContract.TASK_ESCALATE_DELIVERY, MilestoneContract.TASK_ESCALATE_REVIEW);

  /**
   * The rule in SQL, for a set-based statement that counts stalled steps in its own query: the ids
   * of the milestone instances with a stalled step. Bind its parameters with {@link #bind}.
   */
  public static final String STALLED_MILESTONE_IDS =
      "select distinct t.PROC_INST_ID_ from ACT_RU_TASK t where " + Sql.RULE;

  /**
   * A stalled step.
   *
   * @param taskKey the step's element id, {@link MilestoneContract#TASK_DELIVER} or {@link MilestoneContract#TASK_REVIEW}
   * @param stalledSince the step's due date
   * @param processInstanceId the milestone's instance
   */
  public record StalledStep(String community, String communityName, String liaison, String stage,
      String milestoneKey, String milestoneName, String taskKey, String taskId, String taskName, String assignee,
      Instant stalledSince, int escalations, String processInstanceId, String rootProcessInstanceId) {

    /** deliver or review. */
    public String step() {
      return TASK_DELIVER.equals(taskKey) ? "deliver" : "review";
    }
  }

  private final NamedParameterJdbcTemplate jdbc;

  public StalledSteps(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The rule in Java, for a task already read: whether it is a stalled step at the time given. */
  public static boolean isStalled(String taskKey, boolean suspended, Instant dueAt, Instant now) {
    return STEP_TASKS.contains(taskKey) && !suspended && dueAt != null && dueAt.isBefore(now);
  }

  /** Binds the parameters of {@link #STALLED_MILESTONE_IDS}; returns the parameters given. */
  public static MapSqlParameterSource bind(MapSqlParameterSource params, Instant now) {
    return params.addValue("stalledStepTasks", STEP_TASKS).addValue("stalledNow", Timestamp.from(now))
        .addValue("stalledActive", Sql.ACTIVE);
  }

  /** The moment a period after another: when a followed-up step counts as still stalled. */
  static Date after(Date from, String setting, String period) {
    Date at = new Date(from.getTime());
    MilestoneProperties.requireDuration(setting, period).addTo(at);
    return at;
  }

  /** Every stalled step of every community, in one query. */
  public List<StalledStep> all(Instant now) {
    return query("", null, now);
  }

  /** The stalled steps of the communities of one liaison, in one query. */
  public List<StalledStep> ofLiaison(String liaison, Instant now) {
    return query(" and c.liaison = :liaison", liaison, now);
  }

  private List<StalledStep> query(String condition, String liaison, Instant now) {
    return jdbc.query("""
            select c.community_key, c.name, c.liaison,
              max(case when v.NAME_ = :stage then v.TEXT_ end),
              max(case when v.NAME_ = :milestoneKey then v.TEXT_ end),
              max(case when v.NAME_ = :milestoneName then v.TEXT_ end),
              t.TASK_DEF_KEY_, t.ID_, t.NAME_, t.ASSIGNEE_, t.DUE_DATE_,
              max(case when v.NAME_ = :escalations then v.LONG_ end),
              t.PROC_INST_ID_, p.ROOT_PROC_INST_ID_
            from ACT_RU_TASK t
            join ACT_HI_PROCINST p on p.ID_ = t.PROC_INST_ID_
            join cl_community c on c.community_key = p.BUSINESS_KEY_
            left join ACT_HI_VARINST v on v.PROC_INST_ID_ = t.PROC_INST_ID_ and v.NAME_ in (:variables)
              and (v.STATE_ is null or v.STATE_ <> 'DELETED')
            where p.PROC_DEF_KEY_ = :milestone and %s %s
            group by c.community_key, c.name, c.liaison, t.TASK_DEF_KEY_, t.ID_, t.NAME_, t.ASSIGNEE_, t.DUE_DATE_,
              t.PROC_INST_ID_, p.ROOT_PROC_INST_ID_""".formatted(Sql.RULE, condition),
        bind(new MapSqlParameterSource("liaison", liaison), now).addValue("milestone", Sql.MILESTONE_PROCESS)
            .addValue("variables", List.of(STAGE, MILESTONE_KEY, MILESTONE_NAME, ESCALATION_COUNT))
            .addValue("stage", STAGE).addValue("milestoneKey", MILESTONE_KEY).addValue("milestoneName", MILESTONE_NAME)
            .addValue("escalations", ESCALATION_COUNT),
        (rs, n) -> {
          Timestamp due = rs.getTimestamp(11);
          return new StalledStep(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
              rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
              due == null ? null : due.toInstant(), rs.getInt(12), rs.getString(13), rs.getString(14));
        });
  }

  /** The rule over ACT_RU_TASK as {@code t}, written once for both statements. */
  private static final class Sql {

    /** The process key of the milestone process. */
    static final String MILESTONE_PROCESS = MilestoneContract.PROCESS_KEY;
    /** The engine's suspension state of a task that may be worked on. */
    static final int ACTIVE = 1;
    static final String RULE = "t.TASK_DEF_KEY_ in (:stalledStepTasks) and t.DUE_DATE_ < :stalledNow"
        + " and t.SUSPENSION_STATE_ = :stalledActive";
  }
}
