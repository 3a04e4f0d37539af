package org.communitylifecycle.milestone;

import java.time.Duration;

/**
 * What a finished milestone returns to the stage that called it, kept there as one Json variable
 * ({@link MilestoneContract#resultOf}).
 *
 * @param outcome {@code accepted} or {@code dropped} ({@code open} only while it runs)
 * @param deliverableUrl the link the responsible handed in, null if never delivered
 * @param summary the responsible's summary of the deliverable
 * @param delegatedTo who the responsible delegated the work to, if anyone
 * @param acceptedBy who accepted the deliverable, null unless accepted
 * @param reviewRounds how many reviews the deliverable went through
 * @param escalations how many follow-ups and escalations stalled steps caused
 * @param timeWithResponsible how long the milestone waited on the responsible, all rounds together
 * @param timeWaitingOnSupport how long it waited on the support role's reviews
 */
public record MilestoneResult(
    String outcome,
    String deliverableUrl,
    String summary,
    String delegatedTo,
    String acceptedBy,
    int reviewRounds,
    int escalations,
    Duration timeWithResponsible,
    Duration timeWaitingOnSupport) {

  /** Whether the support role accepted the deliverable. */
  public boolean accepted() {
    return MilestoneContract.OUTCOME_ACCEPTED.equals(outcome);
  }
}
