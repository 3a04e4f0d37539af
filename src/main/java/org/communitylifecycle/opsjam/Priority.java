package org.communitylifecycle.opsjam;

import java.util.Arrays;
import java.util.stream.Collectors;

/** How urgent a roadmap item is; the roadmap lists high first. */
enum Priority {
  HIGH("high"),
  MEDIUM("medium"),
  LOW("low");

  private final String value;

  Priority(String value) {
    this.value = value;
  }

  String value() {
    return value;
  }

  /** The priority with this value, or null when there is none. */
  static Priority find(String value) {
    for (Priority priority : values()) {
      if (priority.value.equals(value)) {
        return priority;
      }
    }
    return null;
  }

  /** Sort position of a stored value: high, medium, low, then none. */
  static int rank(String value) {
    Priority priority = find(value);
    return priority == null ? values().length : priority.ordinal();
  }

  static String allowed() {
    return Arrays.stream(values()).map(Priority::value).collect(Collectors.joining(", "));
  }
}
