package org.communitylifecycle.milestone;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.communitylifecycle.engine.InvalidInputException;

/** What support or the community leads did about a stalled step. */
enum FollowUpAction {
  NUDGED("nudged"),
  REASSIGNED("reassigned"),
  EXTENDED("extended"),
  DROPPED("dropped");

  private final String value;

  FollowUpAction(String value) {
    this.value = value;
  }

  String value() {
    return value;
  }

  static FollowUpAction of(Object value) {
    for (FollowUpAction action : values()) {
      if (action.value.equals(value)) {
        return action;
      }
    }
    throw new InvalidInputException(
        "followUpAction must be one of "
            + Arrays.stream(values()).map(a -> a.value).collect(Collectors.joining(", "))
            + ", got '" + value + "'");
  }
}
