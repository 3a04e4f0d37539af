package org.communitylifecycle.mentoring;

import java.time.Duration;
import java.time.Period;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * An ISO-8601 amount of time that may be calendar-based ({@code P3M}, {@code P10W}, {@code P75D})
 * or clock-based ({@code PT36H}). Months count as calendar months: a cohort formed on 31 January
 * for {@code P1M} ends on the last day of February, as a person would expect.
 */
record IsoPeriod(String text, Period period, Duration duration) {

  /** Parses the text, or returns null when it is not an ISO-8601 period or duration. */
  static IsoPeriod parse(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String value = text.trim().toUpperCase(Locale.ROOT);
    try {
      return new IsoPeriod(value, Period.parse(value), Duration.ZERO);
    } catch (DateTimeParseException notAPeriod) {
      try {
        return new IsoPeriod(value, Period.ZERO, Duration.parse(value));
      } catch (DateTimeParseException notADuration) {
        return null;
      }
    }
  }

  /** Parses the text of a setting, or fails with a message that names it. */
  static IsoPeriod require(String setting, String text) {
    IsoPeriod parsed = parse(text);
    if (parsed == null) {
      throw new IllegalArgumentException(
          setting + " is not an ISO-8601 period: '" + text + "' (try P1W, P2M or PT36H)");
    }
    if (!parsed.isPositive()) {
      throw new IllegalArgumentException(setting + " must be a positive period, got '" + text + "'");
    }
    return parsed;
  }

  boolean isPositive() {
    ZonedDateTime reference = ZonedDateTime.parse("2026-01-01T00:00:00Z");
    return addTo(reference).isAfter(reference);
  }

  ZonedDateTime addTo(ZonedDateTime time) {
    return time.plus(period).plus(duration);
  }

  /** {@code time} plus this period {@code times} times, computed from {@code time} so months do not drift. */
  ZonedDateTime addTo(ZonedDateTime time, int times) {
    return time.plus(period.multipliedBy(times)).plus(duration.multipliedBy(times));
  }

  @Override
  public String toString() {
    return text;
  }
}
