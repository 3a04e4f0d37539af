package org.communitylifecycle.contributor;

import java.time.Period;
import java.time.format.DateTimeParseException;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Contributor settings.
 *
 * @param activeWindow how far back contributions count towards the active tier, as an ISO-8601
 *     period; the Mozilla lifecycle says 12 months ({@code P12M}), some teams use 3 ({@code P3M})
 * @param importMaxRows the most data rows one CSV import may have
 */
@ConfigurationProperties("community-lifecycle.contributors")
record ContributorProperties(
    @DefaultValue("P12M") String activeWindow, @DefaultValue("10000") int importMaxRows) {

  static final String ACTIVE_WINDOW = "community-lifecycle.contributors.active-window";

  public ContributorProperties {
    window(activeWindow);
    if (importMaxRows < 1) {
      throw new IllegalArgumentException(
          "community-lifecycle.contributors.import-max-rows must be at least 1, got " + importMaxRows);
    }
  }

  /** The active window as a period. */
  public Period window() {
    return window(activeWindow);
  }

  private static Period window(String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(ACTIVE_WINDOW + " is empty; give an ISO-8601 period such as P12M");
    }
    Period period;
    try {
      period = Period.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          ACTIVE_WINDOW + " is '" + value + "', which is not an ISO-8601 period such as P12M or P90D");
    }
    if (period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException(ACTIVE_WINDOW + " must be longer than zero, got '" + value + "'");
    }
    return period;
  }
}
