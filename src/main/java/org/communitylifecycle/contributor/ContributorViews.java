package org.communitylifecycle.contributor;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.List;

/** What the contributor operations answer with; the REST API returns these as JSON. */
public final class ContributorViews {

  private ContributorViews() {}

  /** One contributor in a list, with their tier today. */
  public record Summary(
      String handle, String name, LocalDate joinedOn, String tier, long contributions, LocalDate lastContributionOn) {}

  /**
   * One contributor in full. {@code tierChanges} are the conversion points up to today;
   * {@code nextTierChange} is the one already known to come, such as dropping out of the active
   * window on a given day if nothing more is contributed.
   */
  public record Detail(
      String handle,
      String name,
      LocalDate joinedOn,
      String tier,
      List<Contribution> contributions,
      List<RoleHeld> roles,
      List<Conversion> tierChanges,
      Conversion nextTierChange,
      List<Identity> identities) {}

  /**
   * An account of a contributor at a source (docs/sources.md).
   *
   * @param kind github, discourse or email
   * @param contributions how many of the contributor's contributions came from this account
   */
  public record Identity(String kind, String value, String displayName, long contributions) {}

  /** Two contributors who may be one person, and why the app thinks so. */
  public record PossibleDuplicate(String handle, String name, String otherHandle, String otherName, double similarity,
      String reason) {}

  /** One contribution; the reference is empty when none was given. */
  public record Contribution(LocalDate date, String kind, String reference) {}

  /** A leadership or ownership role, from its first to its last day (open-ended when {@code to} is null). */
  public record RoleHeld(String role, LocalDate from, LocalDate to) {}

  /** A conversion point: the day a contributor's tier changed. */
  public record Conversion(String handle, String fromTier, String toTier, LocalDate changedOn) {}

  /** What an import or a seeding wrote; all zero when everything was already there. */
  public record ImportResult(
      int rows,
      int contributorsAdded,
      int contributorsUpdated,
      int contributionsAdded,
      int rolesAdded,
      int rolesUpdated,
      int contributorsWithNewTierHistory) {}

  /**
   * What recording one contribution did.
   *
   * @param contributorAdded whether the contributor was new
   * @param added whether the contribution or role was new or changed; false when it was already recorded
   * @param previousTier the tier today before recording
   */
  public record Recorded(Detail contributor, boolean contributorAdded, boolean added, String previousTier) {
    @JsonProperty("tierChanged")
    public boolean tierChanged() {
      return !previousTier.equals(contributor.tier());
    }
  }
}
