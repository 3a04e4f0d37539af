package org.communitylifecycle.mentoring;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.delegate.DelegateTask;
// The engine hands out the current authentication only as this impl type; there is no public one.
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
    MentoringCohortContract cohort = MentoringCohortContract.of(task);
    List<String> mentors = cohort.mentors();
    List<String> groups = authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
    if (!mentors.contains(authentication.getUserId()) && !groups.contains(cohort.mentorTeam())) {
      throw new InvalidInputException(
          "Only the cohort's mentors (" + String.join(", ", mentors) + ") can " + action);
    }
  }

  /** The user acting in this engine call, or null when the engine acts alone (jobs, tests). */
  static String currentUser(ProcessEngineServices services) {
    Authentication authentication = services.getIdentityService().getCurrentAuthentication();
    return authentication == null ? null : authentication.getUserId();
  }
}
