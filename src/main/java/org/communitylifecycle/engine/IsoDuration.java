package org.communitylifecycle.engine;

import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.Duration;

/**
 * The ISO-8601 durations of settings and process variables ({@code P14D}, {@code PT36H},
 * {@code P3M}), read as the engine reads its timer durations, with calendar months and years.
 */
public final class IsoDuration {

  private IsoDuration() {}

  /**
   * Parses a positive duration, or fails with a message that names where it came from.
   *
   * @param name the setting or field, as the person who wrote it knows it
   * @param examples what to write instead, such as "P7D or PT36H"; the first is the example of the empty case
   */
  public static Duration require(String name, String value, String examples) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(
          name + " is empty; give an ISO-8601 duration such as " + examples.split(" or ")[0]);
    }
    Duration duration;
    try {
      duration = DatatypeFactory.newInstance().newDuration(value.trim());
    } catch (DatatypeConfigurationException e) {
      throw new IllegalStateException("No XML datatype factory available", e);
    } catch (IllegalArgumentException | UnsupportedOperationException e) {
      throw new IllegalArgumentException(
          name + " is not an ISO-8601 duration: '" + value + "' (try " + examples + ")", e);
    }
    if (duration.getSign() <= 0) {
      throw new IllegalArgumentException(name + " must be a positive duration, got '" + value + "'");
    }
    return duration;
  }
}
