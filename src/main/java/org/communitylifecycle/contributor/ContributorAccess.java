package org.communitylifecycle.contributor;

import org.communitylifecycle.identity.Groups;
import org.communitylifecycle.identity.ProcessAccess;
import org.springframework.stereotype.Component;

/** Liaisons record contributor activity too: they support the activator in tracking conversion points. */
@Component
class ContributorAccess implements ProcessAccess {

  @Override
  public void declare(Declarations declarations) {
    declarations.startableBy(RecordContributorActivityContract.PROCESS_KEY, Groups.CBT_LIAISONS);
    // Activators and liaisons look after their own community's people; the service task checks which.
    declarations.startableBy(DuplicateReview.PROCESS_KEY, Groups.ACTIVATORS, Groups.CBT_LIAISONS,
        Groups.COMMUNITY_LEADS, Groups.CAMUNDA_ADMIN);
    // After a change to the tier rules: designers for everyone, a community's people for theirs.
    declarations.startableBy(TierRecompute.PROCESS_KEY, Groups.PROCESS_DESIGNERS, Groups.CAMUNDA_ADMIN,
        Groups.ACTIVATORS, Groups.CBT_LIAISONS, Groups.COMMUNITY_LEADS);
  }
}
