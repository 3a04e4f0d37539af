package org.communitylifecycle.alumni;

import org.communitylifecycle.engine.BaseUrl;
import org.communitylifecycle.engine.IsoDuration;
import java.util.Date;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the alumni network. Periods are ISO-8601 durations ({@code P30D}, {@code P6M}).
 *
 * @param invitationValidFor how long a feedback link works after the residency ends; an
 *     unanswered invitation then lapses and the resident's name and email are erased
 * @param reunionAfter when, after the residency ends, the hub hosts are asked to organise a reunion
 * @param publicBaseUrl the address residents reach this application at; the links hosts send
 *     start with it
 * @param rateLimit how many requests one address may make to the public pages
 */
@ConfigurationProperties("community-lifecycle.alumni")
record AlumniProperties(
    @DefaultValue("P30D") String invitationValidFor,
    @DefaultValue("P6M") String reunionAfter,
    @DefaultValue("http://localhost:8080") String publicBaseUrl,
    @DefaultValue RateLimit rateLimit) {

  static final String PREFIX = "community-lifecycle.alumni.";

  /**
   * A token bucket per client address: up to {@code requests} at once, refilled at
   * {@code requests} per {@code period}.
   */
  public record RateLimit(@DefaultValue("60") int requests, @DefaultValue("PT1M") java.time.Duration period) {

    public RateLimit {
      if (requests < 1) {
        throw new IllegalArgumentException(
            PREFIX + "rate-limit.requests must be at least 1, got " + requests);
      }
      if (period == null || period.isNegative() || period.isZero()) {
        throw new IllegalArgumentException(
            PREFIX + "rate-limit.period must be a positive duration such as PT1M, got '" + period + "'");
      }
    }
  }

  public AlumniProperties {
    requirePeriod(PREFIX + "invitation-valid-for", invitationValidFor);
    requirePeriod(PREFIX + "reunion-after", reunionAfter);
    publicBaseUrl = BaseUrl.require(PREFIX + "public-base-url", publicBaseUrl, "residents", "https://hub.example.org");
  }

  /** The moment a period after {@code start} ends. */
  static Date after(String period, Date start) {
    Date end = new Date(start.getTime());
    parse(period).addTo(end);
    return end;
  }

  /** The moment a period before {@code end} began. */
  static Date before(String period, Date end) {
    Date start = new Date(end.getTime());
    parse(period).negate().addTo(start);
    return start;
  }

  private static javax.xml.datatype.Duration parse(String period) {
    return IsoDuration.require("period", period, "P30D or P6M");
  }

  private static void requirePeriod(String setting, String value) {
    IsoDuration.require(setting, value, "P30D or P6M");
  }
}
