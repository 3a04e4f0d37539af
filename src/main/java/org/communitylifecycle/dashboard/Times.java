package org.communitylifecycle.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.communitylifecycle.engine.AppClock;

/** Time arithmetic of the dashboard, done in Java so that every database gives the same figures. */
final class Times {

  private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);

  private Times() {}

  /** Today by the engine's clock, in the server's time zone, as the stage gates count days. */
  static LocalDate today(Instant now) {
    return LocalDate.ofInstant(now, AppClock.zone());
  }

  /** The time from one instant to a later one; never negative, should the clock have been set back. */
  static Duration between(Instant from, Instant to) {
    if (from == null || to == null || to.isBefore(from)) {
      return Duration.ZERO;
    }
    return Duration.between(from, to);
  }

  /** Hours rounded half up to one decimal: 5400 seconds are 1.5. */
  static BigDecimal hours(long seconds) {
    return BigDecimal.valueOf(seconds).divide(SECONDS_PER_HOUR, 1, RoundingMode.HALF_UP);
  }
}
