package org.communitylifecycle.mentoring;

import static org.communitylifecycle.mentoring.CohortVariables.MENTORS;
import static org.communitylifecycle.mentoring.CohortVariables.MENTOR_TEAM;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.communitylifecycle.engine.InvalidInputException;

/**
 * Mentor tasks are offered to the cohort's team of mentors, so that a co-mentor can cover;
 * completing one is for the cohort's mentors and whoever Admin added to its team, not for a
 * portfolio reader who may see every task.
 */
final class CohortMentors {

  private CohortMentors() {}

  /** Refuses a user who is not one of the cohort's mentors; calls without a user (the engine, tests) pass. */
  static void require(DelegateTask task, String action) {
    Authentication authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (authentication == null || authentication.getUserId() == null) {
      return;
    }
    List<String> mentors = CohortFormation.split((String) task.getVariable(MENTORS));
    List<String> groups = authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
    if (!mentors.contains(authentication.getUserId()) && !groups.contains(task.getVariable(MENTOR_TEAM))) {
      throw new InvalidInputException(
          "Only the cohort's mentors (" + String.join(", ", mentors) + ") can " + action);
    }
  }
}
