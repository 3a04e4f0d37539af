package org.communitylifecycle.source;

import java.time.Instant;

/**
 * A source refused a fetch or could not be read. The message is what a liaison reads, in the
 * community detail and in the Cockpit incident once the retries are spent: it says what happened
 * and what to do ("GitHub refused the token of 'sumo-github' (401 Bad credentials): replace it").
 * It never contains the credential.
 */
public class SourceFailure extends RuntimeException {

  /** What went wrong, as far as the sync cares. */
  public enum Reason {
    /** The token is wrong, expired or lacks a scope. */
    BAD_CREDENTIAL,
    /** What the source follows is gone (a deleted repository or category). */
    NOT_FOUND,
    /** The source asks to wait until {@link #retryAt()}. */
    RATE_LIMITED,
    /** Anything else: a network error, a server error, an unreadable answer. */
    UNAVAILABLE
  }

  private final Reason reason;
  private final Instant retryAt;

  public SourceFailure(Reason reason, String message) {
    this(reason, message, null, null);
  }

  public SourceFailure(Reason reason, String message, Instant retryAt, Throwable cause) {
    super(message, cause);
    this.reason = reason;
    this.retryAt = retryAt;
  }

  public static SourceFailure rateLimited(String message, Instant retryAt) {
    return new SourceFailure(Reason.RATE_LIMITED, message, retryAt, null);
  }

  public Reason reason() {
    return reason;
  }

  /** When the source may be asked again (rate limits), or null. */
  public Instant retryAt() {
    return retryAt;
  }
}
