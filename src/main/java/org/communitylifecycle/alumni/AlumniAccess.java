package org.communitylifecycle.alumni;

import org.communitylifecycle.identity.Groups;
import org.communitylifecycle.identity.ProcessAccess;
import org.springframework.stereotype.Component;

/** Hub hosts run the alumni network in Tasklist: they start a cohort and work its tasks. */
@Component
class AlumniAccess implements ProcessAccess {

  @Override
  public void declare(Declarations declarations) {
    declarations.startableBy(AlumniNetworkContract.PROCESS_KEY, Groups.HUB_HOSTS);
  }
}
