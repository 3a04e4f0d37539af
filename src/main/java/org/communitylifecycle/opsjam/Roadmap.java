package org.communitylifecycle.opsjam;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * A jam's roadmap as it stands: the jam, its items in roadmap order (priority, then due date, then
 * the order they were raised), its themes, follow-up meetings and check-ins. What the REST API and
 * the exports show.
 */
record Roadmap(
    OpsJams.OpsJam jam,
    List<RoadmapItems.Item> items,
    List<Theme> themes,
    List<OpsJams.FollowUp> followUps,
    List<OpsJams.CheckIn> checkIns) {

  static final Comparator<RoadmapItems.Item> ORDER =
      Comparator.comparingInt((RoadmapItems.Item i) -> Priority.rank(i.priority()))
          .thenComparing(RoadmapItems.Item::dueDate, Comparator.nullsLast(Comparator.<LocalDate>naturalOrder()))
          .thenComparingInt(RoadmapItems.Item::number);

  static Roadmap of(
      OpsJams.OpsJam jam, List<RoadmapItems.Item> items, List<OpsJams.FollowUp> followUps, List<OpsJams.CheckIn> checkIns) {
    return new Roadmap(jam, items.stream().sorted(ORDER).toList(), Theme.of(items), List.copyOf(followUps),
        List.copyOf(checkIns));
  }
}
