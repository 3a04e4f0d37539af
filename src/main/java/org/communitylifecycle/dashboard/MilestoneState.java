package org.communitylifecycle.dashboard;

import static org.communitylifecycle.milestone.MilestoneContract.OUTCOME_ACCEPTED;
import static org.communitylifecycle.milestone.MilestoneContract.OUTCOME_DROPPED;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.communitylifecycle.dashboard.DashboardQueries.MilestoneRow;
import org.communitylifecycle.dashboard.DashboardQueries.OpenTask;
import org.communitylifecycle.milestone.StalledSteps;

/**
 * A milestone as it stands now. The process adds a step's time to its totals when the step is
 * completed; the step still open adds its time so far here, so a milestone waiting on support
 * shows that wait before the review is done.
 *
 * @param status done, in-progress, stalled, dropped or cancelled
 * @param stalledSince since when a step of the milestone is stalled, by {@link StalledSteps#isStalled}
 */
record MilestoneState(MilestoneRow row, String status, Duration withResponsible, Duration waitingOnSupport,
    Instant stalledSince) {

  static final String DONE = "done";
  static final String IN_PROGRESS = "in-progress";
  static final String STALLED = "stalled";
  static final String DROPPED = "dropped";
  static final String CANCELLED = "cancelled";

  /** The milestone, given the open tasks of its instance (others are ignored). */
  static MilestoneState of(MilestoneRow row, List<OpenTask> openTasks, Instant now) {
    List<OpenTask> own = openTasks.stream().filter(t -> row.processInstanceId().equals(t.processInstanceId())).toList();
    Duration withResponsible = row.withResponsible().plus(openFor(own, Step.DELIVER, now));
    Duration waitingOnSupport = row.waitingOnSupport().plus(openFor(own, Step.REVIEW, now));
    if (row.endedAt() != null) {
      String status = OUTCOME_ACCEPTED.equals(row.outcome()) ? DONE
          : OUTCOME_DROPPED.equals(row.outcome()) ? DROPPED : CANCELLED;
      return new MilestoneState(row, status, withResponsible, waitingOnSupport, null);
    }
    Instant stalledSince = own.stream()
        .filter(t -> StalledSteps.isStalled(t.taskKey(), t.suspended(), t.dueAt(), now))
        .map(OpenTask::dueAt).min(Comparator.naturalOrder()).orElse(null);
    return new MilestoneState(row, stalledSince == null ? IN_PROGRESS : STALLED, withResponsible, waitingOnSupport,
        stalledSince);
  }

  /** Accepted and still open milestones: those whose handoff times mean something. */
  boolean countsForHandoffHealth() {
    return DONE.equals(status) || IN_PROGRESS.equals(status) || STALLED.equals(status);
  }

  private static Duration openFor(List<OpenTask> tasks, Step step, Instant now) {
    return tasks.stream().filter(t -> Step.of(t.taskKey()) == step)
        .map(t -> Times.between(t.createdAt(), now)).reduce(Duration.ZERO, Duration::plus);
  }
}
