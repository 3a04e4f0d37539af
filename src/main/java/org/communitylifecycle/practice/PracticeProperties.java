package org.communitylifecycle.practice;

import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
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
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " is empty; give an ISO-8601 duration such as P3M");
    }
    Duration duration;
    try {
      duration = DatatypeFactory.newInstance().newDuration(value.trim());
    } catch (DatatypeConfigurationException e) {
      throw new IllegalStateException("No XML datatype factory available", e);
    } catch (IllegalArgumentException | UnsupportedOperationException e) {
      throw new IllegalArgumentException(
          name + " is not an ISO-8601 duration: '" + value + "' (try P3M for quarterly or P1M for monthly)", e);
    }
    if (duration.getSign() <= 0) {
      throw new IllegalArgumentException(name + " must be a positive duration, got '" + value + "'");
    }
    return duration;
  }
}
