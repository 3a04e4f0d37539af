package org.communitylifecycle.contributor;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * A contributor's tier from day to day, as the decision gives it. The inputs change only on the
 * day of a contribution, the day it leaves the active window, and the first and the day after the
 * last day of a role; so the tier is decided on those days, and each day it differs from the day
 * before is a conversion point. The whole history follows from the data: recomputing it after
 * any change, or after an edit of the decision table, gives the same answer as recording
 * everything in order.
 */
final class TierTimeline {

  /** A role held from its first to its last day, open-ended when {@code to} is null. */
  record Role(LocalDate from, LocalDate to) {
    boolean heldOn(LocalDate day) {
      return !from.isAfter(day) && (to == null || !to.isBefore(day));
    }
  }

  /** One conversion point. */
  record Change(LocalDate on, Tier from, Tier to) {}

  private TierTimeline() {}

  /**
   * The changes, oldest first. {@code decide} returns null when no rule matches; then
   * {@code gap} is told the day and the inputs and must throw.
   */
  static List<Change> changes(
      List<LocalDate> contributions,
      List<Role> roles,
      Period window,
      Function<TierDecision.Inputs, Tier> decide,
      GapReport gap) {
    TreeSet<LocalDate> days = new TreeSet<>();
    for (LocalDate day : contributions) {
      days.add(day);
      days.add(day.plus(window));
    }
    for (Role role : roles) {
      days.add(role.from());
      if (role.to() != null) {
        days.add(role.to().plusDays(1));
      }
    }
    // Many days share inputs; the decision is asked once for each distinct set.
    Map<TierDecision.Inputs, Tier> decided = new HashMap<>();
    List<Change> changes = new ArrayList<>();
    Tier tier = Tier.NONE;
    for (LocalDate day : days) {
      // A contribution counts in the window from its own day until the window has passed:
      // with P12M, one made on 2025-03-02 counts up to and including 2026-03-01.
      LocalDate windowStart = day.minus(window);
      long ever = contributions.stream().filter(d -> !d.isAfter(day)).count();
      long inWindow = contributions.stream().filter(d -> !d.isAfter(day) && d.isAfter(windowStart)).count();
      boolean holdsRole = roles.stream().anyMatch(r -> r.heldOn(day));
      TierDecision.Inputs inputs = new TierDecision.Inputs(holdsRole, inWindow, ever);
      Tier next = decided.computeIfAbsent(inputs, decide);
      if (next == null) {
        throw gap.noRule(day, inputs);
      }
      if (next != tier) {
        changes.add(new Change(day, tier, next));
        tier = next;
      }
    }
    return changes;
  }

  /** Builds the error for a day on which no rule matches. */
  @FunctionalInterface
  interface GapReport {
    RuntimeException noRule(LocalDate day, TierDecision.Inputs inputs);
  }
}
