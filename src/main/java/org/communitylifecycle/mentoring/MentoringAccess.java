package org.communitylifecycle.mentoring;

import org.communitylifecycle.identity.Groups;
import org.communitylifecycle.identity.ProcessAccess;
import org.springframework.stereotype.Component;

/** Mentors form cohorts from Tasklist; mentees work their own tasks there. */
@Component
class MentoringAccess implements ProcessAccess {

  @Override
  public void declare(Declarations declarations) {
    declarations.startableBy(MentoringCohortContract.PROCESS_KEY, Groups.MENTORS)
        .readableBy(MentoringCohortContract.PROCESS_KEY, Groups.MENTEES);
  }
}
