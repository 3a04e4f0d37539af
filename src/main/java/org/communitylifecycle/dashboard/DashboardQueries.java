package org.communitylifecycle.dashboard;

import static org.communitylifecycle.milestone.MilestoneContract.*;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.communitylifecycle.lifecycle.LifecycleContract;
import org.communitylifecycle.milestone.MilestoneContract;
import org.communitylifecycle.milestone.StalledSteps;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Every figure of the dashboard, read with set-based SQL from the engine's history and runtime
 * tables and the app's own tables. Each method is one statement, whatever the number of
 * communities or milestones it covers, so a request costs the same number of queries for ten
 * communities as for ten thousand. Milestone variables are pivoted from {@code ACT_HI_VARINST} by
 * conditional aggregation. Times are compared in SQL only against parameters; differences between
 * times are taken in Java, since H2 and PostgreSQL do date arithmetic differently.
 *
 * <p>The one reader of the engine's tables for the dashboard (ACT_HI_PROCINST, ACT_HI_VARINST,
 * ACT_HI_TASKINST, ACT_RU_TASK), written against the Camunda 7.24.0 schema: check these statements
 * when the engine is upgraded. Which steps are stalled is the milestone's rule, {@link StalledSteps}.
 */
@Repository
class DashboardQueries {

  static final String MILESTONE_PROCESS = MilestoneContract.PROCESS_KEY;
  static final String LIFECYCLE_PROCESS = LifecycleContract.PROCESS_KEY;

  /** Which communities a query covers: all of them, one liaison's, or one. */
  record Scope(String condition, String value) {

    static Scope all() {
      return new Scope("", null);
    }

    static Scope liaison(String liaison) {
      return new Scope(" and c.liaison = :scope", liaison);
    }

    static Scope community(String key) {
      return new Scope(" and c.community_key = :scope", key);
    }
  }

  /** A community with its latest stay in a stage and its running lifecycle, if any. */
  record CommunityRow(String key, String name, String status, String activator, String liaison, String stage,
      Instant stageEnteredAt, Instant stageLeftAt, String lifecycleInstanceId) {}

  /** The milestones of a community's current stay: accepted, open and not stalled, open and stalled. */
  record StageCounts(int done, int inProgress, int stalled) {}

  /** One milestone instance with its variables. The durations count completed steps only. */
  record MilestoneRow(String processInstanceId, String rootProcessInstanceId, String community, String liaison,
      Instant startedAt,
      Instant endedAt, String key, String name, String stage, String responsible, String support, String outcome,
      String deliveredBy, String acceptedBy, Duration withResponsible, Duration waitingOnSupport, int reviewRounds,
      int escalations) {}

  /** An open user task of a milestone. */
  record OpenTask(String taskId, String processInstanceId, String taskKey, String name, String assignee,
      Instant createdAt, Instant dueAt, boolean suspended) {}

  /** A user task of a milestone from the history, open or ended. */
  record TaskRow(String taskId, String processInstanceId, String taskKey, String name, String assignee,
      Instant startedAt, Instant endedAt) {}

  /** How many of a community's contributors changed tier from one to another on a day. */
  record TierChanges(String fromTier, String toTier, LocalDate changedOn, int contributors) {}

  /** A mentoring cohort. */
  record CohortRow(String key, String name, String status, int enrolled, Integer graduated, Integer baselineGraduated,
      Integer baselineEnrolled, LocalDate startDate, LocalDate endDate, String processInstanceId) {}

  /** An ops-jam roadmap item still open after its due date. */
  record OverdueItemRow(String jamKey, String jamName, String itemKey, String title, String owner, LocalDate dueDate,
      boolean escalated, String processInstanceId) {}

  /**
   * The engine's suspension state of a task that may be worked on. A paused community's tasks are
   * suspended: its steps are paused, not stalled, and their timers do not escalate them either.
   */
  private static final int ACTIVE = 1;
  private static final List<String> MILESTONE_VARIABLES = List.of(MILESTONE_KEY, MILESTONE_NAME, STAGE,
      RESPONSIBLE_USER, SUPPORT_USER, MILESTONE_OUTCOME, DELIVERED_BY, ACCEPTED_BY, TIME_WITH_RESPONSIBLE,
      TIME_WAITING_ON_SUPPORT, REVIEW_ROUNDS, ESCALATION_COUNT);
  /** Items still to be worked on, as opsjam.ItemStatus.OPEN: only these can be overdue. */
  private static final List<String> OPEN_ROADMAP_STATUSES = List.of("planned", "in-progress", "blocked");

  /** Each community's latest stay in a stage: the one recorded last. */
  private static final String LATEST_STAY = """
      (select community_key, entered_at, left_at from cl_stage_history
       where id in (select max(id) from cl_stage_history group by community_key))""";

  private final NamedParameterJdbcTemplate jdbc;

  DashboardQueries(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  List<CommunityRow> communities(Scope scope) {
    return jdbc.query("""
            select c.community_key, c.name, c.status, c.activator, c.liaison, c.current_stage,
                   h.entered_at, h.left_at, p.ID_ lifecycle_id
            from cl_community c
            left join %s h on h.community_key = c.community_key
            left join ACT_HI_PROCINST p on p.BUSINESS_KEY_ = c.community_key
              and p.PROC_DEF_KEY_ = :lifecycle and p.END_TIME_ is null
            where 1 = 1 %s""".formatted(LATEST_STAY, scope.condition()),
        params(scope).addValue("lifecycle", LIFECYCLE_PROCESS),
        (rs, n) -> new CommunityRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getString(6), instant(rs, 7), instant(rs, 8), rs.getString(9)));
  }

  /**
   * Milestone counts of each community's current stay: the milestones of its current stage
   * started since it entered the stage. Stalled as {@link StalledSteps} has it.
   */
  Map<String, StageCounts> currentStageCounts(Scope scope, Instant now) {
    Map<String, StageCounts> counts = new HashMap<>();
    jdbc.query("""
            select c.community_key,
              sum(case when p.END_TIME_ is not null and o.TEXT_ = :accepted then 1 else 0 end),
              sum(case when p.END_TIME_ is null and s.PROC_INST_ID_ is null then 1 else 0 end),
              sum(case when p.END_TIME_ is null and s.PROC_INST_ID_ is not null then 1 else 0 end)
            from cl_community c
            join %s h on h.community_key = c.community_key
            join ACT_HI_PROCINST p on p.BUSINESS_KEY_ = c.community_key and p.PROC_DEF_KEY_ = :milestone
              and p.START_TIME_ >= h.entered_at
            join ACT_HI_VARINST sv on sv.PROC_INST_ID_ = p.ID_ and sv.NAME_ = :stageVariable and sv.TEXT_ = c.current_stage
            left join ACT_HI_VARINST o on o.PROC_INST_ID_ = p.ID_ and o.NAME_ = :outcomeVariable
            left join (%s) s on s.PROC_INST_ID_ = p.ID_
            where 1 = 1 %s
            group by c.community_key""".formatted(LATEST_STAY, StalledSteps.STALLED_MILESTONE_IDS, scope.condition()),
        StalledSteps.bind(params(scope), now).addValue("accepted", OUTCOME_ACCEPTED)
            .addValue("milestone", MILESTONE_PROCESS).addValue("stageVariable", STAGE)
            .addValue("outcomeVariable", MILESTONE_OUTCOME),
        rs -> {
          counts.put(rs.getString(1), new StageCounts(rs.getInt(2), rs.getInt(3), rs.getInt(4)));
        });
    return counts;
  }

  /** Open follow-up and escalation tasks of each community's milestones. */
  Map<String, Integer> openEscalations(Scope scope) {
    Map<String, Integer> counts = new HashMap<>();
    jdbc.query("""
            select c.community_key, count(*)
            from ACT_RU_TASK t
            join ACT_HI_PROCINST p on p.ID_ = t.PROC_INST_ID_
            join cl_community c on c.community_key = p.BUSINESS_KEY_
            where p.PROC_DEF_KEY_ = :milestone and t.TASK_DEF_KEY_ in (:escalationTasks) %s
            group by c.community_key""".formatted(scope.condition()),
        params(scope).addValue("milestone", MILESTONE_PROCESS).addValue("escalationTasks", Step.ESCALATION_TASKS),
        rs -> {
          counts.put(rs.getString(1), rs.getInt(2));
        });
    return counts;
  }

  /** The latest thing that happened in any of each community's process instances: a task or an instance starting or ending. */
  Map<String, Instant> lastActivity(Scope scope) {
    Map<String, Instant> last = new HashMap<>();
    jdbc.query("""
            select a.community_key, max(a.happened_at) from (
              select c.community_key, coalesce(t.END_TIME_, t.START_TIME_) happened_at
              from ACT_HI_TASKINST t
              join ACT_HI_PROCINST p on p.ID_ = t.PROC_INST_ID_
              join cl_community c on c.community_key = p.BUSINESS_KEY_
              where 1 = 1 %1$s
              union all
              select c.community_key, coalesce(p.END_TIME_, p.START_TIME_) happened_at
              from ACT_HI_PROCINST p
              join cl_community c on c.community_key = p.BUSINESS_KEY_
              where 1 = 1 %1$s
            ) a
            group by a.community_key""".formatted(scope.condition()),
        params(scope),
        rs -> {
          last.put(rs.getString(1), instant(rs, 2));
        });
    return last;
  }

  /** Every milestone instance of the communities, with its variables pivoted into columns. */
  List<MilestoneRow> milestones(Scope scope) {
    return jdbc.query("""
            select p.ID_, p.ROOT_PROC_INST_ID_, c.community_key, c.liaison, p.START_TIME_, p.END_TIME_,
              max(case when v.NAME_ = :milestoneKey then v.TEXT_ end),
              max(case when v.NAME_ = :milestoneName then v.TEXT_ end),
              max(case when v.NAME_ = :stage then v.TEXT_ end),
              max(case when v.NAME_ = :responsible then v.TEXT_ end),
              max(case when v.NAME_ = :support then v.TEXT_ end),
              max(case when v.NAME_ = :outcome then v.TEXT_ end),
              max(case when v.NAME_ = :deliveredBy then v.TEXT_ end),
              max(case when v.NAME_ = :acceptedBy then v.TEXT_ end),
              max(case when v.NAME_ = :withResponsible then v.TEXT_ end),
              max(case when v.NAME_ = :waitingOnSupport then v.TEXT_ end),
              max(case when v.NAME_ = :reviewRounds then v.LONG_ end),
              max(case when v.NAME_ = :escalations then v.LONG_ end)
            from ACT_HI_PROCINST p
            join cl_community c on c.community_key = p.BUSINESS_KEY_
            left join ACT_HI_VARINST v on v.PROC_INST_ID_ = p.ID_ and v.NAME_ in (:variables)
              and (v.STATE_ is null or v.STATE_ <> 'DELETED')
            where p.PROC_DEF_KEY_ = :milestone %s
            group by p.ID_, p.ROOT_PROC_INST_ID_, c.community_key, c.liaison, p.START_TIME_, p.END_TIME_"""
            .formatted(scope.condition()),
        params(scope).addValue("milestone", MILESTONE_PROCESS).addValue("variables", MILESTONE_VARIABLES)
            .addValue("milestoneKey", MILESTONE_KEY).addValue("milestoneName", MILESTONE_NAME)
            .addValue("stage", STAGE).addValue("responsible", RESPONSIBLE_USER).addValue("support", SUPPORT_USER)
            .addValue("outcome", MILESTONE_OUTCOME).addValue("deliveredBy", DELIVERED_BY)
            .addValue("acceptedBy", ACCEPTED_BY).addValue("withResponsible", TIME_WITH_RESPONSIBLE)
            .addValue("waitingOnSupport", TIME_WAITING_ON_SUPPORT).addValue("reviewRounds", REVIEW_ROUNDS)
            .addValue("escalations", ESCALATION_COUNT),
        (rs, n) -> new MilestoneRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            instant(rs, 5), instant(rs, 6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
            rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14), duration(rs.getString(15)),
            duration(rs.getString(16)), rs.getInt(17), rs.getInt(18)));
  }

  /** The open user tasks of the communities' milestones: steps, follow-ups and escalations. */
  List<OpenTask> openMilestoneTasks(Scope scope) {
    return jdbc.query("""
            select t.ID_, t.PROC_INST_ID_, t.TASK_DEF_KEY_, t.NAME_, t.ASSIGNEE_, t.CREATE_TIME_, t.DUE_DATE_,
              t.SUSPENSION_STATE_
            from ACT_RU_TASK t
            join ACT_HI_PROCINST p on p.ID_ = t.PROC_INST_ID_
            join cl_community c on c.community_key = p.BUSINESS_KEY_
            where p.PROC_DEF_KEY_ = :milestone %s""".formatted(scope.condition()),
        params(scope).addValue("milestone", MILESTONE_PROCESS),
        (rs, n) -> new OpenTask(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
            instant(rs, 6), instant(rs, 7), rs.getInt(8) != ACTIVE));
  }

  /** Every user task the communities' milestones ever had, from the history. */
  List<TaskRow> milestoneTaskHistory(Scope scope) {
    return jdbc.query("""
            select t.ID_, t.PROC_INST_ID_, t.TASK_DEF_KEY_, t.NAME_, t.ASSIGNEE_, t.START_TIME_, t.END_TIME_
            from ACT_HI_TASKINST t
            join ACT_HI_PROCINST p on p.ID_ = t.PROC_INST_ID_
            join cl_community c on c.community_key = p.BUSINESS_KEY_
            where p.PROC_DEF_KEY_ = :milestone %s""".formatted(scope.condition()),
        params(scope).addValue("milestone", MILESTONE_PROCESS),
        (rs, n) -> new TaskRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
            instant(rs, 6), instant(rs, 7)));
  }

  /** How many of the community's contributors are in each tier on the day: the to_tier of their latest change by then. */
  Map<String, Integer> tiersOn(String communityKey, LocalDate day) {
    Map<String, Integer> tiers = new HashMap<>();
    jdbc.query("""
            select t.to_tier, count(*)
            from cl_tier_change t
            join cl_contributor c on c.id = t.contributor_id
            where c.community_key = :community
              and t.changed_on = (select max(t2.changed_on) from cl_tier_change t2
                                  where t2.contributor_id = t.contributor_id and t2.changed_on <= :day)
            group by t.to_tier""",
        new MapSqlParameterSource("community", communityKey).addValue("day", java.sql.Date.valueOf(day)),
        rs -> {
          tiers.put(rs.getString(1), rs.getInt(2));
        });
    return tiers;
  }

  /** The community's tier changes up to the day, counted by kind of change and day. */
  List<TierChanges> tierChanges(String communityKey, LocalDate until) {
    return jdbc.query("""
            select t.from_tier, t.to_tier, t.changed_on, count(*)
            from cl_tier_change t
            join cl_contributor c on c.id = t.contributor_id
            where c.community_key = :community and t.changed_on <= :until
            group by t.from_tier, t.to_tier, t.changed_on""",
        new MapSqlParameterSource("community", communityKey).addValue("until", java.sql.Date.valueOf(until)),
        (rs, n) -> new TierChanges(rs.getString(1), rs.getString(2), rs.getDate(3).toLocalDate(), rs.getInt(4)));
  }

  /** How many communities each liaison has. */
  Map<String, Integer> communitiesPerLiaison() {
    Map<String, Integer> counts = new HashMap<>();
    jdbc.query("select c.liaison, count(*) from cl_community c where c.liaison is not null group by c.liaison",
        rs -> {
          counts.put(rs.getString(1), rs.getInt(2));
        });
    return counts;
  }

  List<CohortRow> cohorts() {
    return jdbc.query("""
            select cohort_key, name, status, enrolled, graduated, baseline_graduated, baseline_enrolled,
                   start_date, end_date, process_instance_id
            from cl_mentoring_cohort""",
        (rs, n) -> new CohortRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), nullableInt(rs, 5),
            nullableInt(rs, 6), nullableInt(rs, 7), rs.getDate(8).toLocalDate(), rs.getDate(9).toLocalDate(),
            rs.getString(10)));
  }

  List<OverdueItemRow> overdueRoadmapItems(LocalDate today) {
    return jdbc.query("""
            select j.jam_key, j.name, i.item_key, i.title, i.owner_id, i.due_date, i.escalated_at, j.process_instance_id
            from cl_ops_roadmap_item i
            join cl_ops_jam j on j.jam_key = i.jam_key
            where i.status in (:open) and i.due_date < :today""",
        new MapSqlParameterSource("open", OPEN_ROADMAP_STATUSES).addValue("today", java.sql.Date.valueOf(today)),
        (rs, n) -> new OverdueItemRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getDate(6).toLocalDate(), rs.getTimestamp(7) != null, rs.getString(8)));
  }

  private static MapSqlParameterSource params(Scope scope) {
    return new MapSqlParameterSource("scope", scope.value());
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    Timestamp timestamp = rs.getTimestamp(column);
    return timestamp == null ? null : timestamp.toInstant();
  }

  private static Integer nullableInt(ResultSet rs, int column) throws SQLException {
    int value = rs.getInt(column);
    return rs.wasNull() ? null : value;
  }

  private static Duration duration(String iso) {
    return iso == null ? Duration.ZERO : Duration.parse(iso);
  }
}
