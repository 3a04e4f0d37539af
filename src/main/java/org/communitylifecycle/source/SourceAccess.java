package org.communitylifecycle.source;

import org.communitylifecycle.identity.Groups;
import org.communitylifecycle.identity.ProcessAccess;
import org.springframework.stereotype.Component;

/**
 * Activators and liaisons add their communities' sources from Tasklist (the service task checks
 * the community); liaisons and leads read the syncs in Cockpit, where a failing one's incident is.
 */
@Component
class SourceAccess implements ProcessAccess {

  @Override
  public void declare(Declarations declarations) {
    declarations.startableBy(AddContributionSource.PROCESS_KEY, Groups.ACTIVATORS, Groups.CBT_LIAISONS,
        Groups.COMMUNITY_LEADS, Groups.CAMUNDA_ADMIN);
    declarations.readableBy(Sources.SYNC_PROCESS, Groups.CBT_LIAISONS, Groups.COMMUNITY_LEADS);
  }
}
