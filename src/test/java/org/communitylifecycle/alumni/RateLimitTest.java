package org.communitylifecycle.alumni;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The public pages' token buckets, per client address, with a clock the test moves. */
class RateLimitTest {

  final AtomicLong nanos = new AtomicLong(1_000_000_000L);
  final TokenBuckets buckets = new TokenBuckets(3, Duration.ofMinutes(1), nanos::get);

  @Test
  void aBurstUpToTheCapacityPassesThenTheClientWaits() {
    assertThat(buckets.take("203.0.113.7")).isZero();
    assertThat(buckets.take("203.0.113.7")).isZero();
    assertThat(buckets.take("203.0.113.7")).isZero();

    assertThat(buckets.take("203.0.113.7")).as("one token per 20 s").isEqualTo(Duration.ofSeconds(20));
    later(Duration.ofSeconds(15));
    assertThat(buckets.take("203.0.113.7")).isEqualTo(Duration.ofSeconds(5));
    later(Duration.ofSeconds(5));
    assertThat(buckets.take("203.0.113.7")).isZero();
  }

  @Test
  void eachAddressHasItsOwnBucket() {
    for (int i = 0; i < 3; i++) {
      buckets.take("203.0.113.7");
    }
    assertThat(buckets.take("203.0.113.7")).isPositive();
    assertThat(buckets.take("198.51.100.4")).isZero();
  }

  @Test
  void anIdleClientGetsItsWholeBurstBackButNoMore() {
    for (int i = 0; i < 3; i++) {
      buckets.take("203.0.113.7");
    }
    later(Duration.ofHours(5));
    for (int i = 0; i < 3; i++) {
      assertThat(buckets.take("203.0.113.7")).isZero();
    }
    assertThat(buckets.take("203.0.113.7")).isPositive();
  }

  @Test
  void idleClientsAreForgottenWhenManyAreKnown() {
    for (int i = 0; i < TokenBuckets.MAX_CLIENTS; i++) {
      buckets.take("client-" + i);
    }
    later(Duration.ofMinutes(1));
    buckets.take("newcomer");
    for (int i = 0; i < 3; i++) {
      assertThat(buckets.take("client-1")).isZero();
    }
  }

  @Test
  void theGuardAnswers429WithRetryAfterAndStopsTheRequest() throws Exception {
    PublicPagesGuard guard = new PublicPagesGuard(buckets);
    AtomicInteger passed = new AtomicInteger();
    FilterChain chain = (request, response) -> passed.incrementAndGet();

    for (int i = 0; i < 3; i++) {
      MockHttpServletResponse ok = call(guard, chain);
      assertThat(ok.getStatus()).isEqualTo(200);
      assertThat(ok.getHeader("Referrer-Policy")).isEqualTo("no-referrer");
      assertThat(ok.getHeader("Cache-Control")).isEqualTo("no-store");
    }
    MockHttpServletResponse limited = call(guard, chain);

    assertThat(passed).hasValue(3);
    assertThat(limited.getStatus()).isEqualTo(429);
    assertThat(limited.getHeader("Retry-After")).isEqualTo("20");
    assertThat(limited.getContentAsString()).contains("<html lang=\"en\">", "Please wait 20 seconds");
  }

  private MockHttpServletResponse call(PublicPagesGuard guard, FilterChain chain) throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/alumni/feedback/x");
    request.setRemoteAddr("203.0.113.7");
    MockHttpServletResponse response = new MockHttpServletResponse();
    guard.doFilter(request, response, chain);
    return response;
  }

  private void later(Duration duration) {
    nanos.addAndGet(duration.toNanos());
  }
}
