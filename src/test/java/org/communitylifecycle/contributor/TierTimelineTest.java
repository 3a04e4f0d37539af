package org.communitylifecycle.contributor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import org.communitylifecycle.contributor.TierTimeline.Change;
import org.communitylifecycle.contributor.TierTimeline.Role;
import org.junit.jupiter.api.Test;

/** The days on which the tier is decided, against a stand-in for the decision table with the same thresholds. */
class TierTimelineTest {

  static final Period WINDOW = Period.ofMonths(12);
  static final LocalDate JAN_1 = LocalDate.of(2025, 1, 1);

  final List<TierDecision.Inputs> asked = new ArrayList<>();

  @Test
  void sixthContributionWithinTheWindowIsTheConversionToActive() {
    List<LocalDate> contributions = monthly(JAN_1, 6);

    assertThat(changes(contributions, List.of())).containsExactly(
        new Change(JAN_1, Tier.NONE, Tier.CASUAL),
        new Change(LocalDate.of(2025, 6, 1), Tier.CASUAL, Tier.ACTIVE),
        new Change(LocalDate.of(2026, 1, 1), Tier.ACTIVE, Tier.CASUAL));
  }

  @Test
  void aContributionCountsUntilTheWindowHasPassed() {
    // The day the first of six leaves the window, five remain: back to casual on 2026-01-01, not a day earlier.
    List<Change> changes = changes(monthly(JAN_1, 6), List.of());

    assertThat(changes.get(2).on()).isEqualTo(JAN_1.plus(WINDOW));
  }

  @Test
  void aRoleMakesCoreFromItsFirstDayToTheDayAfterItsLast() {
    List<LocalDate> contributions = List.of(JAN_1);
    List<Role> roles = List.of(new Role(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 4, 30)));

    assertThat(changes(contributions, roles)).containsExactly(
        new Change(JAN_1, Tier.NONE, Tier.CASUAL),
        new Change(LocalDate.of(2025, 3, 1), Tier.CASUAL, Tier.CORE),
        new Change(LocalDate.of(2025, 5, 1), Tier.CORE, Tier.CASUAL));
  }

  @Test
  void anOpenEndedRoleKeepsCore() {
    List<Role> roles = List.of(new Role(JAN_1, null));

    assertThat(changes(List.of(), roles)).containsExactly(new Change(JAN_1, Tier.NONE, Tier.CORE));
  }

  @Test
  void noContributionNoRoleNoChange() {
    assertThat(changes(List.of(), List.of())).isEmpty();
  }

  @Test
  void theDecisionIsAskedOnceForEachDistinctSetOfInputs() {
    // Twelve contributions on one day: that day, and a year later when all leave the window.
    List<LocalDate> sameDay = java.util.Collections.nCopies(12, JAN_1);

    assertThat(changes(sameDay, List.of())).hasSize(2);
    assertThat(asked).containsExactly(
        new TierDecision.Inputs(false, 12, 12), new TierDecision.Inputs(false, 0, 12));
  }

  @Test
  void aGapIsReportedWithTheDayAndTheInputs() {
    assertThatThrownBy(() -> TierTimeline.changes(List.of(JAN_1), List.of(), WINDOW, inputs -> null,
            (day, inputs) -> new IllegalStateException("gap on " + day + " for " + inputs)))
        .hasMessage("gap on 2025-01-01 for holdsRole=false, contributionsInWindow=1, contributionsEver=1");
  }

  private List<Change> changes(List<LocalDate> contributions, List<Role> roles) {
    return TierTimeline.changes(contributions, roles, WINDOW, this::decide,
        (day, inputs) -> new IllegalStateException("no tier for " + inputs));
  }

  /** The table's rules. */
  private Tier decide(TierDecision.Inputs inputs) {
    asked.add(inputs);
    if (inputs.holdsRole()) {
      return Tier.CORE;
    }
    if (inputs.contributionsInWindow() >= 6) {
      return Tier.ACTIVE;
    }
    return inputs.contributionsEver() >= 1 ? Tier.CASUAL : Tier.NONE;
  }

  private static List<LocalDate> monthly(LocalDate first, int count) {
    List<LocalDate> days = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      days.add(first.plusMonths(i));
    }
    return days;
  }
}
