package org.communitylifecycle.engine;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.slf4j.helpers.MessageFormatter;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * While the database is out of reach, every request, the job acquisition and Spring's transaction
 * template would log the failure as an error with a stack trace of a hundred lines, many times a
 * second: a flood that hides what matters and reads as a bug, which it is not. This logback filter
 * turns a warning or error whose exception {@link ClientErrors#connectionFailed says the database is
 * out of reach} (or a commit of unknown outcome) into one WARN line of the same logger, at most one
 * per logger every {@value #QUIET_SECONDS} seconds, counting the ones left out. The requests' own 503
 * answers are logged in one line each by the REST error mappers. Nothing else is touched.
 */
@Component
class DatabaseOutageLogging implements DisposableBean {

  static final long QUIET_SECONDS = 10;

  private final OutageFilter filter = new OutageFilter();
  private final LoggerContext context;

  public DatabaseOutageLogging() {
    context = LoggerFactory.getILoggerFactory() instanceof LoggerContext logback ? logback : null;
    if (context != null) {
      filter.setName("database-outage");
      filter.setContext(context);
      filter.start();
      context.addTurboFilter(filter);
    }
  }

  @Override
  public void destroy() {
    if (context != null) {
      context.getTurboFilterList().remove(filter);
    }
  }

  /** One line instead of a stack trace, for failures that are the database's absence. */
  static final class OutageFilter extends TurboFilter {

    private static final ThreadLocal<Boolean> REPLACING = ThreadLocal.withInitial(() -> false);
    private final Map<String, AtomicLong> lastLine = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> leftOut = new ConcurrentHashMap<>();

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
      if (level == null || !level.isGreaterOrEqual(Level.WARN) || REPLACING.get()) {
        return FilterReply.NEUTRAL;
      }
      Throwable thrown = t != null ? t
          : params != null && params.length > 0 && params[params.length - 1] instanceof Throwable last ? last : null;
      if (thrown == null || !(ClientErrors.connectionFailed(thrown) || isCommitOutcomeUnknown(thrown))) {
        return FilterReply.NEUTRAL;
      }
      long now = System.nanoTime();
      AtomicLong last = lastLine.computeIfAbsent(logger.getName(), name -> new AtomicLong(now - TimeUnit.SECONDS.toNanos(QUIET_SECONDS + 1)));
      AtomicLong skipped = leftOut.computeIfAbsent(logger.getName(), name -> new AtomicLong());
      long previous = last.get();
      if (now - previous < TimeUnit.SECONDS.toNanos(QUIET_SECONDS) || !last.compareAndSet(previous, now)) {
        skipped.incrementAndGet();
        return FilterReply.DENY;
      }
      long more = skipped.getAndSet(0);
      String message = format == null ? "" : MessageFormatter.arrayFormat(format, params).getMessage();
      REPLACING.set(true);
      try {
        logger.warn("{} [database out of reach: {}; stack trace left out{}]", firstLine(message),
            ClientErrors.causeLine(thrown), more == 0 ? "" : "; " + more + " more like it in the last " + QUIET_SECONDS + " s");
      } finally {
        REPLACING.set(false);
      }
      return FilterReply.DENY;
    }

    private static boolean isCommitOutcomeUnknown(Throwable e) {
      for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
        if (cause instanceof CommitOutcomeUnknownException) {
          return true;
        }
      }
      return false;
    }

    private static String firstLine(String text) {
      int end = text.indexOf('\n');
      return end < 0 ? text : text.substring(0, end);
    }
  }
}
