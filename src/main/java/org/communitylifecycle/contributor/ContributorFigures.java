package org.communitylifecycle.contributor;

import java.time.LocalDate;

/**
 * Figures about a community's contributors that stage gates are decided on. Computed from the
 * contributor data the application keeps; the stage processes see only this interface.
 */
public interface ContributorFigures {

  /** Contributors who joined the community's pathway on or after {@code since}. */
  long newContributorsSince(String communityKey, LocalDate since);

  /** Contributors whose tier, as of {@code asOf}, is active or core. */
  long activeContributors(String communityKey, LocalDate asOf);

  /** Contributors whose tier became core on or after {@code since}: new core members. */
  long newCoreMembersSince(String communityKey, LocalDate since);

  /** All contributors of the community. */
  long contributors(String communityKey);
}
