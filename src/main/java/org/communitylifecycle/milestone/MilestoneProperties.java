package org.communitylifecycle.milestone;

import java.util.Map;
import javax.xml.datatype.Duration;
import org.communitylifecycle.engine.IsoDuration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a milestone step may wait before it counts as stalled, as ISO-8601 durations
 * ({@code P14D}, {@code PT36H}, {@code P1M}). A default for all milestones, and overrides per
 * milestone key; an override may set only some of the three periods.
 */
@ConfigurationProperties("community-lifecycle.milestone")
public record MilestoneProperties(
    @DefaultValue Stall stall, @DefaultValue Map<String, StallOverride> overrides) {

  /** The default periods. */
  public record Stall(
      @DefaultValue("P14D") String deliver,
      @DefaultValue("P7D") String review,
      @DefaultValue("P7D") String stillStalled) {

    public Stall {
      requireDuration("community-lifecycle.milestone.stall.deliver", deliver);
      requireDuration("community-lifecycle.milestone.stall.review", review);
      requireDuration("community-lifecycle.milestone.stall.still-stalled", stillStalled);
    }
  }

  /** Periods for one milestone key; a missing period falls back to the default. */
  public record StallOverride(String deliver, String review, String stillStalled) {}

  public MilestoneProperties {
    overrides.forEach(
        (key, o) -> {
          String prefix = "community-lifecycle.milestone.overrides." + key + ".";
          if (o.deliver() != null) requireDuration(prefix + "deliver", o.deliver());
          if (o.review() != null) requireDuration(prefix + "review", o.review());
          if (o.stillStalled() != null) requireDuration(prefix + "still-stalled", o.stillStalled());
        });
  }

  /** The periods that apply to one milestone. */
  public Stall stallFor(String milestoneKey) {
    StallOverride o = overrides.get(milestoneKey);
    if (o == null) {
      return stall;
    }
    return new Stall(
        o.deliver() != null ? o.deliver() : stall.deliver(),
        o.review() != null ? o.review() : stall.review(),
        o.stillStalled() != null ? o.stillStalled() : stall.stillStalled());
  }

  /** Parses an ISO-8601 duration, or fails with a message that names the setting. */
  static Duration requireDuration(String setting, String value) {
    return IsoDuration.require(setting, value, "P14D or PT36H");
  }
}
