package org.communitylifecycle.engine;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
// The engine's clock has no public API: ClockUtil is the one place the engine reads "now" from
// (timers, due dates, history), and tests move it. This class is the only one that imports it.
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The one source of "now" for the whole application. It follows the engine's clock, so a test
 * that moves the engine clock moves every timestamp the application writes, in the engine's
 * tables and in ours alike. Days are counted in the server's time zone.
 */
public final class AppClock {

  private static final Clock CLOCK = new EngineClock(ZoneId.systemDefault());

  private AppClock() {}

  /** Now, as an instant. */
  public static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  /** Now, as the {@link Date} the engine's variables and queries take. */
  public static Date date() {
    return ClockUtil.getCurrentTime();
  }

  /** Today in the server's time zone. */
  public static LocalDate today() {
    return LocalDate.ofInstant(now(), zone());
  }

  /** The time zone days are counted in. */
  public static ZoneId zone() {
    return ZoneId.systemDefault();
  }

  /** A {@link Clock} for code that takes one; it reads the engine's clock at every call. */
  public static Clock clock() {
    return CLOCK;
  }

  /** Sets the clock, for the demo's back-dated seeding; {@link #reset()} returns to real time. */
  public static void set(Instant instant) {
    ClockUtil.setCurrentTime(Date.from(instant));
  }

  /** Back to real time. */
  public static void reset() {
    ClockUtil.reset();
  }

  private static final class EngineClock extends Clock {
    private final ZoneId zone;

    EngineClock(ZoneId zone) {
      this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
      return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return new EngineClock(zone);
    }

    @Override
    public Instant instant() {
      return AppClock.now();
    }
  }
}
