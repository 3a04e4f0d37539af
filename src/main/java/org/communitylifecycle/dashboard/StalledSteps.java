package org.communitylifecycle.dashboard;

import java.time.Instant;
import java.util.List;
import org.communitylifecycle.dashboard.DashboardQueries.Scope;
import org.springframework.stereotype.Component;

/**
 * The milestone steps that have stalled, by the dashboard's one definition (an open Deliver or
 * Review step of an active community, past its due date), for other modules: the weekly digest
 * lists the same steps a liaison sees on the dashboard.
 */
@Component
public class StalledSteps {

  /**
   * A stalled step.
   *
   * @param step deliver or review
   * @param stalledSince the step's due date
   * @param processInstanceId the milestone's instance
   */
  public record StalledStep(String community, String communityName, String liaison, String milestoneName,
      String step, String taskId, String taskName, String assignee, Instant stalledSince, String processInstanceId) {}

  private final DashboardQueries queries;

  StalledSteps(DashboardQueries queries) {
    this.queries = queries;
  }

  /** Every stalled step of every community, in one query. */
  public List<StalledStep> all(Instant now) {
    return queries.stalledSteps(Scope.all(), now).stream()
        .map(r -> new StalledStep(r.community(), r.communityName(), r.liaison(), r.milestoneName(),
            Step.of(r.taskKey()).label(), r.taskId(), r.taskName(), r.assignee(), r.dueAt(), r.processInstanceId()))
        .toList();
  }
}
