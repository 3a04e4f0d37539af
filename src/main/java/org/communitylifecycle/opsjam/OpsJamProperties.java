package org.communitylifecycle.opsjam;

import org.communitylifecycle.engine.IsoDuration;
// Repeating intervals (R/P1M) are parsed by the engine's DurationHelper only; there is no public parser.
import org.camunda.bpm.engine.impl.calendar.DurationHelper;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The ops jam's periods: ISO-8601 durations ({@code P7D}, {@code PT36H}) and repeating intervals
 * ({@code R/P1M}, {@code R/P1D}).
 *
 * @param submissionWindow from the start of the jam day, how long instance managers have to share
 *     their workflow, pain points and wishlist; then the backlog is combed with what was shared
 * @param checkInCycle how often the branch lead holds the roadmap check-in (the seed's monthly rhythm)
 * @param overdueCheckCycle how often the roadmap is searched for items past their due date
 * @param overdueEscalation how long an overdue item stays with its owner before the branch lead is
 *     asked to unblock it
 */
@ConfigurationProperties("community-lifecycle.ops-jam")
record OpsJamProperties(
    @DefaultValue("P7D") String submissionWindow,
    @DefaultValue("R/P1M") String checkInCycle,
    @DefaultValue("R/P1D") String overdueCheckCycle,
    @DefaultValue("P7D") String overdueEscalation) {

  static final String PREFIX = "community-lifecycle.ops-jam.";

  public OpsJamProperties {
    submissionWindow = requireDuration(PREFIX + "submission-window", submissionWindow);
    checkInCycle = requireCycle(PREFIX + "check-in-cycle", checkInCycle);
    overdueCheckCycle = requireCycle(PREFIX + "overdue-check-cycle", overdueCheckCycle);
    overdueEscalation = requireDuration(PREFIX + "overdue-escalation", overdueEscalation);
  }

  /** A positive ISO-8601 duration, or a failure that names the setting. */
  static String requireDuration(String setting, String value) {
    IsoDuration.require(setting, value, "P7D or PT36H");
    return value.trim();
  }

  /** An ISO-8601 repeating interval such as R/P1M, or a failure that names the setting. */
  static String requireCycle(String setting, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(setting + " is empty; give a repeating interval such as R/P1M");
    }
    String cycle = value.trim();
    int slash = cycle.lastIndexOf('/');
    if (!cycle.matches("R\\d*/.+") || slash < 0) {
      throw new IllegalArgumentException(
          setting + " is not an ISO-8601 repeating interval: '" + value + "' (try R/P1M for monthly or R/P1D for daily)");
    }
    // The period after the last slash must be a positive duration; the engine parses the rest.
    requireDuration(setting, cycle.substring(slash + 1));
    try {
      new DurationHelper(cycle);
    } catch (Exception e) {
      throw new IllegalArgumentException(
          setting + " is not an ISO-8601 repeating interval: '" + value + "' (try R/P1M for monthly or R/P1D for daily)", e);
    }
    return cycle;
  }
}
