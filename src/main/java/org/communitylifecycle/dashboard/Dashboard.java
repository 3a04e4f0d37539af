package org.communitylifecycle.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.communitylifecycle.contributor.Tier;
import org.communitylifecycle.dashboard.DashboardQueries.CommunityRow;
import org.communitylifecycle.dashboard.DashboardQueries.MilestoneRow;
import org.communitylifecycle.dashboard.DashboardQueries.OpenTask;
import org.communitylifecycle.dashboard.DashboardQueries.Scope;
import org.communitylifecycle.dashboard.DashboardQueries.StageCounts;
import org.communitylifecycle.dashboard.DashboardQueries.TaskRow;
import org.communitylifecycle.dashboard.DashboardQueries.TierChanges;
import org.communitylifecycle.dashboard.DashboardViews.AgeBucket;
import org.communitylifecycle.dashboard.DashboardViews.Cohort;
import org.communitylifecycle.dashboard.DashboardViews.CommunityDetail;
import org.communitylifecycle.dashboard.DashboardViews.CommunitySummary;
import org.communitylifecycle.dashboard.DashboardViews.Funnel;
import org.communitylifecycle.dashboard.DashboardViews.Handoff;
import org.communitylifecycle.dashboard.DashboardViews.HandoffHealth;
import org.communitylifecycle.dashboard.DashboardViews.HandoffReport;
import org.communitylifecycle.dashboard.DashboardViews.LiaisonHealth;
import org.communitylifecycle.dashboard.DashboardViews.Milestone;
import org.communitylifecycle.dashboard.DashboardViews.MilestoneCounts;
import org.communitylifecycle.dashboard.DashboardViews.MonthlyConversions;
import org.communitylifecycle.dashboard.DashboardViews.OverdueItem;
import org.communitylifecycle.dashboard.DashboardViews.Portfolio;
import org.communitylifecycle.dashboard.DashboardViews.Programs;
import org.communitylifecycle.dashboard.DashboardViews.Stalled;
import org.communitylifecycle.dashboard.DashboardViews.StalledItem;
import org.communitylifecycle.dashboard.DashboardViews.TimelineStep;
import org.communitylifecycle.engine.AppClock;
import org.communitylifecycle.lifecycle.LifecycleStage;
import org.communitylifecycle.mentoring.MentoringProperties;
import org.communitylifecycle.milestone.StalledSteps;
import org.communitylifecycle.milestone.StalledSteps.StalledStep;
import org.communitylifecycle.source.Sources;
import org.springframework.stereotype.Service;

/**
 * Puts the dashboard's figures together from {@link DashboardQueries}: a fixed number of queries
 * per view, and the rest in memory. "Now" is the engine's clock.
 */
@Service
class Dashboard {

  /** How the stalled list may be sorted; each has the order people expect first. */
  enum StalledSort {
    STALLED_FOR("stalledFor", true, Comparator.comparingLong(StalledItem::stalledSeconds)),
    COMMUNITY("community", false,
        Comparator.comparing(StalledItem::communityName, String.CASE_INSENSITIVE_ORDER)),
    DUE_AT("dueAt", false, Comparator.comparing(StalledItem::stalledSince));

    private final String parameter;
    private final boolean descendingByDefault;
    private final Comparator<StalledItem> comparator;

    StalledSort(String parameter, boolean descendingByDefault, Comparator<StalledItem> comparator) {
      this.parameter = parameter;
      this.descendingByDefault = descendingByDefault;
      this.comparator = comparator;
    }

    String parameter() {
      return parameter;
    }

    boolean descendingByDefault() {
      return descendingByDefault;
    }

    static Optional<StalledSort> of(String parameter) {
      for (StalledSort sort : values()) {
        if (sort.parameter.equals(parameter)) {
          return Optional.of(sort);
        }
      }
      return Optional.empty();
    }
  }

  /** The stall-age buckets, by the lower bound of each in days. */
  private static final List<Map.Entry<String, Long>> AGE_BUCKETS = List.of(
      Map.entry("under 1 week", 0L), Map.entry("1-2 weeks", 7L), Map.entry("2-4 weeks", 14L),
      Map.entry("over 4 weeks", 28L));

  private static final Comparator<StalledItem> STALLED_TIES = Comparator.comparing(StalledItem::stalledSince)
      .thenComparing(StalledItem::community).thenComparing(StalledItem::milestoneKey, Comparator.nullsLast(Comparator.naturalOrder()))
      .thenComparing(StalledItem::taskId);

  private static final Comparator<MilestoneState> MILESTONE_ORDER = Comparator
      .comparing((MilestoneState m) -> m.row().startedAt())
      .thenComparing(m -> m.row().key(), Comparator.nullsLast(Comparator.naturalOrder()))
      .thenComparing(m -> m.row().processInstanceId());

  private final DashboardQueries queries;
  private final StalledSteps stalledSteps;
  private final StageExitTarget exitTarget;
  private final MentoringProperties mentoring;
  private final Sources sources;

  Dashboard(DashboardQueries queries, StalledSteps stalledSteps, StageExitTarget exitTarget,
      MentoringProperties mentoring, Sources sources) {
    this.queries = queries;
    this.stalledSteps = stalledSteps;
    this.exitTarget = exitTarget;
    this.mentoring = mentoring;
    this.sources = sources;
  }

  Portfolio portfolio(String liaison) {
    Instant now = AppClock.now();
    return new Portfolio(now, summaries(liaison == null ? Scope.all() : Scope.liaison(liaison), now));
  }

  /**
   * A community's milestones with their handoffs, its conversion funnel and its contribution
   * sources; empty for an unknown community.
   */
  Optional<CommunityDetail> detail(String key) {
    Instant now = AppClock.now();
    Scope scope = Scope.community(key);
    List<CommunitySummary> summaries = summaries(scope, now);
    if (summaries.isEmpty()) {
      return Optional.empty();
    }
    CommunitySummary community = summaries.get(0);
    List<MilestoneState> milestones = milestoneStates(scope, now);
    Map<String, List<TaskRow>> tasks = queries.milestoneTaskHistory(scope).stream()
        .collect(Collectors.groupingBy(TaskRow::processInstanceId));
    List<Milestone> views = milestones.stream()
        .map(m -> milestone(m, tasks.getOrDefault(m.row().processInstanceId(), List.of()), now))
        .toList();
    return Optional.of(new CommunityDetail(community, views, funnel(community, milestones, now),
        sources.ofCommunity(key)));
  }

  Stalled stalled(String liaison, StalledSort sort, boolean descending) {
    Instant now = AppClock.now();
    List<StalledStep> rows = liaison == null ? stalledSteps.all(now) : stalledSteps.ofLiaison(liaison, now);
    Comparator<StalledItem> primary = descending ? sort.comparator.reversed() : sort.comparator;
    List<StalledItem> items = rows.stream().map(r -> stalledItem(r, now))
        .sorted(primary.thenComparing(STALLED_TIES)).toList();
    List<AgeBucket> buckets = new ArrayList<>();
    for (int i = 0; i < AGE_BUCKETS.size(); i++) {
      long from = AGE_BUCKETS.get(i).getValue();
      long until = i + 1 < AGE_BUCKETS.size() ? AGE_BUCKETS.get(i + 1).getValue() : Long.MAX_VALUE;
      int count = (int) items.stream().filter(item -> item.stalledDays() >= from && item.stalledDays() < until).count();
      buckets.add(new AgeBucket(AGE_BUCKETS.get(i).getKey(), count));
    }
    return new Stalled(now, items, buckets);
  }

  /** A closed cohort keeps the baseline its report used; a running one is compared with today's setting. */
  private Double baselineRate(DashboardQueries.CohortRow cohort) {
    return cohort.baselineEnrolled() != null
        ? rate(cohort.baselineGraduated(), cohort.baselineEnrolled())
        : rate(mentoring.baseline().graduated(), mentoring.baseline().enrolled());
  }

  Programs programs() {
    Instant now = AppClock.now();
    LocalDate today = Times.today(now);
    List<Cohort> cohorts = queries.cohorts().stream()
        .map(c -> new Cohort(c.key(), c.name(), c.status(), c.enrolled(), c.graduated(),
            rate(c.graduated(), c.enrolled()), baselineRate(c), c.startDate(),
            c.endDate(), c.processInstanceId()))
        .sorted(Comparator.comparing(Cohort::startDate).thenComparing(Cohort::key))
        .toList();
    List<OverdueItem> overdue = queries.overdueRoadmapItems(today).stream()
        .map(i -> new OverdueItem(i.jamKey(), i.jamName(), i.itemKey(), i.title(), i.owner(), i.dueDate(),
            ChronoUnit.DAYS.between(i.dueDate(), today), i.escalated(), i.processInstanceId()))
        .sorted(Comparator.comparing(OverdueItem::dueDate).thenComparing(OverdueItem::jamKey)
            .thenComparing(OverdueItem::itemKey))
        .toList();
    return new Programs(now, cohorts, overdue);
  }

  /** The handoff report of a community; empty for an unknown community. */
  Optional<HandoffReport> handoffs(String key) {
    Instant now = AppClock.now();
    Scope scope = Scope.community(key);
    List<CommunityRow> community = queries.communities(scope);
    if (community.isEmpty()) {
      return Optional.empty();
    }
    List<Handoff> rows = milestoneStates(scope, now).stream().map(Dashboard::handoff).toList();
    return Optional.of(new HandoffReport(key, community.get(0).name(), now, rows));
  }

  /**
   * Per liaison, the median time a milestone of their communities waited on support and spent
   * with the responsible, over the milestones accepted or still open (open ones count so far).
   */
  HandoffHealth handoffHealth() {
    Instant now = AppClock.now();
    Map<String, Integer> communities = queries.communitiesPerLiaison();
    Map<String, List<MilestoneState>> byLiaison = milestoneStates(Scope.all(), now).stream()
        .filter(m -> m.row().liaison() != null && m.countsForHandoffHealth())
        .collect(Collectors.groupingBy(m -> m.row().liaison()));
    List<LiaisonHealth> liaisons = new TreeMap<>(communities).entrySet().stream()
        .map(e -> {
          List<MilestoneState> milestones = byLiaison.getOrDefault(e.getKey(), List.of());
          return new LiaisonHealth(e.getKey(), e.getValue(), milestones.size(),
              medianHours(milestones, MilestoneState::waitingOnSupport),
              medianHours(milestones, MilestoneState::withResponsible));
        })
        .toList();
    return new HandoffHealth(now, liaisons);
  }

  // --- portfolio rows ---

  private List<CommunitySummary> summaries(Scope scope, Instant now) {
    Map<String, CommunityRow> communities = new LinkedHashMap<>();
    queries.communities(scope).forEach(c -> communities.putIfAbsent(c.key(), c));
    Map<String, StageCounts> counts = queries.currentStageCounts(scope, now);
    Map<String, Integer> escalations = queries.openEscalations(scope);
    Map<String, Instant> lastActivity = queries.lastActivity(scope);
    return communities.values().stream()
        .map(c -> summary(c, counts.getOrDefault(c.key(), new StageCounts(0, 0, 0)),
            escalations.getOrDefault(c.key(), 0), lastActivity.get(c.key()), now))
        .sorted(Comparator.comparing(CommunitySummary::name, String.CASE_INSENSITIVE_ORDER)
            .thenComparing(CommunitySummary::key))
        .toList();
  }

  private static CommunitySummary summary(CommunityRow c, StageCounts counts, int escalations, Instant lastActivity,
      Instant now) {
    String stageName = c.stage() == null ? null
        : LifecycleStage.byKey(c.stage()).map(LifecycleStage::displayName).orElse(c.stage());
    Long daysInStage = c.stageEnteredAt() == null ? null
        : Times.between(c.stageEnteredAt(), c.stageLeftAt() != null ? c.stageLeftAt() : now).toDays();
    return new CommunitySummary(c.key(), c.name(), c.status(), c.activator(), c.liaison(), c.stage(), stageName,
        c.stageEnteredAt(), daysInStage, new MilestoneCounts(counts.done(), counts.inProgress(), counts.stalled()),
        escalations, lastActivity, c.lifecycleInstanceId());
  }

  // --- milestones ---

  private List<MilestoneState> milestoneStates(Scope scope, Instant now) {
    Map<String, List<OpenTask>> open = queries.openMilestoneTasks(scope).stream()
        .collect(Collectors.groupingBy(OpenTask::processInstanceId));
    return queries.milestones(scope).stream()
        .map(row -> MilestoneState.of(row, open.getOrDefault(row.processInstanceId(), List.of()), now))
        .sorted(MILESTONE_ORDER)
        .toList();
  }

  private static Milestone milestone(MilestoneState m, List<TaskRow> tasks, Instant now) {
    MilestoneRow row = m.row();
    List<TimelineStep> timeline = tasks.stream()
        .sorted(Comparator.comparing(TaskRow::startedAt).thenComparing(TaskRow::taskId))
        .map(t -> new TimelineStep(step(t.taskKey()), t.taskId(), t.name(), t.assignee(), t.startedAt(), t.endedAt(),
            Times.between(t.startedAt(), t.endedAt() != null ? t.endedAt() : now).toSeconds()))
        .toList();
    Long stalledDays = m.stalledSince() == null ? null : Times.between(m.stalledSince(), now).toDays();
    return new Milestone(row.processInstanceId(), row.key(), row.name(), row.stage(), m.status(), row.responsible(),
        row.support(), row.deliveredBy(), row.acceptedBy(), row.startedAt(), row.endedAt(),
        m.withResponsible().toSeconds(), m.waitingOnSupport().toSeconds(), row.reviewRounds(), row.escalations(),
        m.stalledSince(), stalledDays, timeline);
  }

  private static String step(String taskKey) {
    Step step = Step.of(taskKey);
    return step == null ? taskKey : step.label();
  }

  private static Handoff handoff(MilestoneState m) {
    MilestoneRow row = m.row();
    long withResponsible = m.withResponsible().toSeconds();
    long waitingOnSupport = m.waitingOnSupport().toSeconds();
    return new Handoff(row.processInstanceId(), row.key(), row.name(), row.stage(), m.status(), row.responsible(),
        row.support(), row.deliveredBy(), row.acceptedBy(), row.startedAt(), row.endedAt(), withResponsible,
        waitingOnSupport, Times.hours(withResponsible).doubleValue(), Times.hours(waitingOnSupport).doubleValue(),
        row.reviewRounds(), row.escalations());
  }

  private static Double medianHours(List<MilestoneState> milestones, Function<MilestoneState, Duration> time) {
    if (milestones.isEmpty()) {
      return null;
    }
    long[] seconds = milestones.stream().mapToLong(m -> time.apply(m).toSeconds()).sorted().toArray();
    int middle = seconds.length / 2;
    long median = seconds.length % 2 == 1 ? seconds[middle] : (seconds[middle - 1] + seconds[middle]) / 2;
    return Times.hours(median).doubleValue();
  }

  // --- stalled work ---

  private static StalledItem stalledItem(StalledStep r, Instant now) {
    Duration stalledFor = Times.between(r.stalledSince(), now);
    return new StalledItem(r.community(), r.communityName(), r.liaison(), r.stage(), r.milestoneKey(),
        r.milestoneName(), step(r.taskKey()), r.taskId(), r.taskName(), r.assignee(), r.stalledSince(),
        stalledFor.toDays(),
        stalledFor.toSeconds(), r.escalations(), r.processInstanceId(), r.rootProcessInstanceId());
  }

  // --- funnel ---

  private Funnel funnel(CommunitySummary community, List<MilestoneState> milestones, Instant now) {
    LocalDate today = Times.today(now);
    Map<String, Integer> tiers = queries.tiersOn(community.key(), today);
    // The milestones of the current stay, as the stage process holds their outcomes.
    Map<String, String> outcomes = new HashMap<>();
    milestones.stream()
        .filter(m -> community.stage() != null && community.stage().equals(m.row().stage())
            && community.stageEnteredAt() != null && !m.row().startedAt().isBefore(community.stageEnteredAt()))
        .forEach(m -> outcomes.put(m.row().key(), m.row().outcome()));
    return new Funnel(tiers.getOrDefault(Tier.CASUAL.id(), 0), tiers.getOrDefault(Tier.ACTIVE.id(), 0),
        tiers.getOrDefault(Tier.CORE.id(), 0),
        exitTarget.of(community.key(), community.stage(), community.activator(), community.stageEnteredAt(), now,
            outcomes),
        conversions(queries.tierChanges(community.key(), today), YearMonth.from(today)));
  }

  /** Moves up the ladder, month by month from the first one to this month; a move down is no conversion. */
  private static List<MonthlyConversions> conversions(List<TierChanges> changes, YearMonth thisMonth) {
    Map<YearMonth, int[]> byMonth = new TreeMap<>();
    for (TierChanges change : changes) {
      Tier from = Tier.ofId(change.fromTier()).orElse(Tier.NONE);
      Tier to = Tier.ofId(change.toTier()).orElse(Tier.NONE);
      if (to.compareTo(from) <= 0 || to == Tier.NONE) {
        continue;
      }
      byMonth.computeIfAbsent(YearMonth.from(change.changedOn()), m -> new int[Tier.values().length])[to.ordinal()] +=
          change.contributors();
    }
    List<MonthlyConversions> months = new ArrayList<>();
    if (byMonth.isEmpty()) {
      return months;
    }
    for (YearMonth month = byMonth.keySet().iterator().next(); !month.isAfter(thisMonth); month = month.plusMonths(1)) {
      int[] counts = byMonth.getOrDefault(month, new int[Tier.values().length]);
      months.add(new MonthlyConversions(month.toString(), counts[Tier.CASUAL.ordinal()],
          counts[Tier.ACTIVE.ordinal()], counts[Tier.CORE.ordinal()]));
    }
    return months;
  }

  private static Double rate(Integer part, Integer whole) {
    if (part == null || whole == null || whole == 0) {
      return null;
    }
    return Math.round(part * 1000.0 / whole) / 1000.0;
  }
}
