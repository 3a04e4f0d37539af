package org.communitylifecycle.opsjam;

import org.communitylifecycle.identity.Groups;
import org.communitylifecycle.identity.ProcessAccess;
import org.springframework.stereotype.Component;

/** Instance managers work their own jam tasks; project managers, branch leads and community leads may start a jam; the jam invites the wider community, so every signed-in user may add an ops request. */
@Component
class OpsJamAccess implements ProcessAccess {

  @Override
  public void declare(Declarations declarations) {
    declarations.readableBy(OpsJamContract.PROCESS_KEY, Groups.INSTANCE_MANAGERS)
        .startableBy(OpsJamContract.PROCESS_KEY, Groups.PROJECT_MANAGERS, Groups.BRANCH_LEADS, Groups.COMMUNITY_LEADS)
        .startableByEveryone(OpsRequestContract.PROCESS_KEY);
  }
}
