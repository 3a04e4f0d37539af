package org.communitylifecycle.opsjam;

import java.util.List;
import java.util.stream.Collectors;

/** Where a backlog or roadmap item stands. */
enum ItemStatus {
  /** Shared at the jam or by the community, not yet combed. */
  REQUESTED("requested"),
  PLANNED("planned"),
  IN_PROGRESS("in-progress"),
  BLOCKED("blocked"),
  DONE("done"),
  DROPPED("dropped");

  /** What the branch lead may set at a check-in: everything after combing. */
  static final List<ItemStatus> ON_ROADMAP = List.of(PLANNED, IN_PROGRESS, BLOCKED, DONE, DROPPED);

  /** Items still to be worked on: these can be overdue. */
  static final List<ItemStatus> OPEN = List.of(PLANNED, IN_PROGRESS, BLOCKED);

  private final String value;

  ItemStatus(String value) {
    this.value = value;
  }

  String value() {
    return value;
  }

  static ItemStatus find(String value) {
    for (ItemStatus status : values()) {
      if (status.value.equals(value)) {
        return status;
      }
    }
    return null;
  }

  static String allowedOnRoadmap() {
    return ON_ROADMAP.stream().map(ItemStatus::value).collect(Collectors.joining(", "));
  }

  static List<String> values(List<ItemStatus> statuses) {
    return statuses.stream().map(ItemStatus::value).toList();
  }
}
