package org.communitylifecycle.practice;

import org.communitylifecycle.engine.IsoDuration;
import javax.xml.datatype.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the Community-of-Practice maturity process.
 *
 * @param assessmentInterval how often a community of practice self-assesses, unless its start
 *     form names another interval (ISO-8601 duration; {@code P3M}, quarterly, by default)
 */
@ConfigurationProperties("community-lifecycle.practice")
public record PracticeProperties(@DefaultValue("P3M") String assessmentInterval) {

  public PracticeProperties {
    requireInterval("community-lifecycle.practice.assessment-interval", assessmentInterval);
  }

  /** Parses a positive ISO-8601 duration, or fails with a message that names where it came from. */
  static Duration requireInterval(String name, String value) {
    return IsoDuration.require(name, value, "P3M or P1M");
  }
}
