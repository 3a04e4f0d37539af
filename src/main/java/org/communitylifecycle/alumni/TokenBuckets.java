package org.communitylifecycle.alumni;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * One token bucket per client, in memory: a client may make {@code capacity} requests at once,
 * and gets them back at {@code capacity} per {@code period}. Idle clients are forgotten when
 * many are known, so memory stays bounded.
 */
final class TokenBuckets {

  static final int MAX_CLIENTS = 10_000;

  private final int capacity;
  private final double nanosPerToken;
  private final LongSupplier nanoClock;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  TokenBuckets(int capacity, Duration period, LongSupplier nanoClock) {
    this.capacity = capacity;
    this.nanosPerToken = (double) period.toNanos() / capacity;
    this.nanoClock = nanoClock;
  }

  /** Takes a token for the client: zero when the request may go ahead, else how long to wait. */
  Duration take(String client) {
    long now = nanoClock.getAsLong();
    if (buckets.size() >= MAX_CLIENTS) {
      buckets.values().removeIf(bucket -> bucket.isFull(now));
    }
    return buckets.computeIfAbsent(client, c -> new Bucket(now)).take(now);
  }

  void clear() {
    buckets.clear();
  }

  private final class Bucket {
    private double tokens = capacity;
    private long last;

    Bucket(long now) {
      last = now;
    }

    synchronized Duration take(long now) {
      refill(now);
      if (tokens >= 1) {
        tokens -= 1;
        return Duration.ZERO;
      }
      return Duration.ofNanos((long) Math.ceil((1 - tokens) * nanosPerToken));
    }

    synchronized boolean isFull(long now) {
      refill(now);
      return tokens >= capacity;
    }

    private void refill(long now) {
      tokens = Math.min(capacity, tokens + (now - last) / nanosPerToken);
      last = now;
    }
  }
}
