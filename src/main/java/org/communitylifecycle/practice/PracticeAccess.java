package org.communitylifecycle.practice;

import org.communitylifecycle.identity.Groups;
import org.communitylifecycle.identity.ProcessAccess;
import org.springframework.stereotype.Component;

/** Liaisons and community leads start the maturity process; activators only self-assess with the leads, and Tasklist reads the process to name their task. */
@Component
class PracticeAccess implements ProcessAccess {

  @Override
  public void declare(Declarations declarations) {
    declarations.startableBy(PracticeMaturityContract.PROCESS_KEY, Groups.CBT_LIAISONS, Groups.COMMUNITY_LEADS)
        .readableBy(PracticeMaturityContract.PROCESS_KEY, Groups.ACTIVATORS);
  }
}
