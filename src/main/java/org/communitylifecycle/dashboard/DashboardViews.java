package org.communitylifecycle.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.communitylifecycle.source.SourceViews.Source;

/** What the dashboard API answers, as JSON. Times are ISO-8601 instants in UTC; durations are whole seconds. */
final class DashboardViews {

  private DashboardViews() {}

  record Portfolio(Instant generatedAt, List<CommunitySummary> communities) {}

  /**
   * One row of the portfolio.
   *
   * @param daysInStage whole days since the community entered its stage (until it left, for a closed community)
   * @param milestones the milestones of the current stage
   * @param processInstanceId the running community-lifecycle instance, or null
   */
  record CommunitySummary(String key, String name, String status, String activator, String liaison, String stage,
      String stageName, Instant stageEnteredAt, Long daysInStage, MilestoneCounts milestones, int openEscalations,
      Instant lastActivityAt, String processInstanceId) {}

  record MilestoneCounts(int done, int inProgress, int stalled) {}

  /**
   * One community in full.
   *
   * @param sources where its contributions come from, with how each last synced; empty when none
   */
  record CommunityDetail(CommunitySummary community, List<Milestone> milestones, Funnel funnel,
      List<Source> sources) {}

  /**
   * A milestone and its handoffs. The times count completed steps and the open step so far.
   *
   * @param status done, in-progress, stalled, dropped or cancelled
   */
  record Milestone(String processInstanceId, String key, String name, String stage, String status, String responsible,
      String support, String deliveredBy, String acceptedBy, Instant startedAt, Instant endedAt,
      long timeWithResponsibleSeconds, long timeWaitingOnSupportSeconds, int reviewRounds, int escalations,
      Instant stalledSince, Long stalledDays, List<TimelineStep> timeline) {}

  /**
   * One task of a milestone.
   *
   * @param step deliver, review, follow-up or escalation
   * @param durationSeconds until it ended, or until now while it is open
   */
  record TimelineStep(String step, String taskId, String taskName, String assignee, Instant startedAt, Instant endedAt,
      long durationSeconds) {}

  /** Contributors by tier today, the stage's exit target, and the conversions month by month. */
  record Funnel(int casual, int active, int core, ExitTarget exitTarget, List<MonthlyConversions> conversions) {}

  /**
   * The stage's exit criteria as the decision {@code stage-exit-criteria} judges the figures today.
   *
   * @param met null when there is nothing to judge: no stage, or no rule for it
   */
  record ExitTarget(String stage, Boolean met, String summary, Map<String, Object> figures) {}

  /** Contributors who moved up to each tier in a month (YYYY-MM). */
  record MonthlyConversions(String month, int toCasual, int toActive, int toCore) {}

  record Stalled(Instant generatedAt, List<StalledItem> items, List<AgeBucket> ageBuckets) {}

  /**
   * An open Deliver or Review step past its due date.
   *
   * @param processInstanceId the milestone's instance
   * @param rootProcessInstanceId the community-lifecycle instance the milestone runs in
   */
  record StalledItem(String community, String communityName, String liaison, String stage, String milestoneKey,
      String milestoneName, String step, String taskId, String taskName, String assignee, Instant stalledSince,
      long stalledDays, long stalledSeconds, int escalations, String processInstanceId, String rootProcessInstanceId) {}

  record AgeBucket(String label, int count) {}

  record Programs(Instant generatedAt, List<Cohort> mentoringCohorts, List<OverdueItem> overdueRoadmapItems) {}

  /** A mentoring cohort; the rates are fractions (0.5 is half), null until known. */
  record Cohort(String key, String name, String status, int enrolled, Integer graduated, Double graduationRate,
      Double baselineRate, LocalDate startDate, LocalDate endDate, String processInstanceId) {}

  record OverdueItem(String jamKey, String jamName, String itemKey, String title, String owner, LocalDate dueDate,
      long daysOverdue, boolean escalated, String processInstanceId) {}

  record HandoffReport(String community, String communityName, Instant generatedAt, List<Handoff> milestones) {}

  /** One milestone of the handoff report. Hours are rounded to one decimal. */
  record Handoff(String processInstanceId, String milestoneKey, String milestoneName, String stage, String status,
      String responsible, String support, String deliveredBy, String acceptedBy, Instant startedAt, Instant endedAt,
      long timeWithResponsibleSeconds, long timeWaitingOnSupportSeconds, double timeWithResponsibleHours,
      double timeWaitingOnSupportHours, int reviewRounds, int escalations) {}

  record HandoffHealth(Instant generatedAt, List<LiaisonHealth> liaisons) {}

  /**
   * The handoffs of one liaison's communities.
   *
   * @param milestones the milestones the medians are taken over: accepted or still open
   */
  record LiaisonHealth(String liaison, int communities, int milestones, Double medianWaitingOnSupportHours,
      Double medianWithResponsibleHours) {}
}
