package org.communitylifecycle.contributor;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * A contributor's conversion point in the Mozilla lifecycle. {@code NONE} is where everyone starts:
 * joined the pathway, no contribution yet. The decision {@code contributor-tier} says which applies.
 */
public enum Tier {
  NONE,
  CASUAL,
  ACTIVE,
  CORE;

  /** The name used in the decision table, the database and the API: {@code none}, {@code casual}, ... */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Tier> ofId(String id) {
    return Arrays.stream(values()).filter(t -> t.id().equals(id)).findFirst();
  }

  static String ids() {
    return String.join(", ", Arrays.stream(values()).map(Tier::id).toList());
  }
}
