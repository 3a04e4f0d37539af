package org.communitylifecycle.lifecycle;

import org.communitylifecycle.identity.Groups;
import org.communitylifecycle.identity.ProcessAccess;
import org.springframework.stereotype.Component;

/** Liaisons start a community's lifecycle, and pause, resume or close it from Tasklist. */
@Component
class LifecycleAccess implements ProcessAccess {

  @Override
  public void declare(Declarations declarations) {
    declarations.startableBy(LifecycleContract.PROCESS_KEY, Groups.CBT_LIAISONS)
        .startableBy(ChangeCommunityStatusContract.PROCESS_KEY, Groups.CBT_LIAISONS);
  }
}
