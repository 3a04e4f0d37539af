package org.communitylifecycle.milestone;

import org.communitylifecycle.identity.Groups;
import org.communitylifecycle.identity.ProcessAccess;
import org.springframework.stereotype.Component;

/** Tasklist names the process of each task: activators' milestone tasks belong to the milestone process. */
@Component
class MilestoneAccess implements ProcessAccess {

  @Override
  public void declare(Declarations declarations) {
    declarations.readableBy(MilestoneContract.PROCESS_KEY, Groups.ACTIVATORS);
  }
}
