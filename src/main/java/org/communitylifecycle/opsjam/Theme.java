package org.communitylifecycle.opsjam;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A tag and the items that carry it: how many, raised by how many instance managers, and how many
 * came from the wider community. A tag raised by two or more instance managers is a
 * cross-instance priority, like identity management and onboarding materials in the seed.
 */
record Theme(
    String tag, int items, int instanceManagers, int communityRequests, boolean crossInstance, List<String> itemKeys) {

  /** The themes of a jam's items, most widely shared first. */
  static List<Theme> of(List<RoadmapItems.Item> items) {
    Map<String, List<RoadmapItems.Item>> byTag = new TreeMap<>();
    for (RoadmapItems.Item item : items) {
      for (String tag : item.tags()) {
        byTag.computeIfAbsent(tag, t -> new ArrayList<>()).add(item);
      }
    }
    List<Theme> themes = new ArrayList<>();
    byTag.forEach((tag, tagged) -> {
      Set<String> instanceManagers = new LinkedHashSet<>();
      int requests = 0;
      for (RoadmapItems.Item item : tagged) {
        if (RoadmapItems.FROM_INSTANCE_MANAGERS.contains(item.kind())) {
          instanceManagers.add(item.requestedBy());
        } else {
          requests++;
        }
      }
      List<String> keys = tagged.stream().sorted(Comparator.comparingInt(RoadmapItems.Item::number))
          .map(RoadmapItems.Item::key).toList();
      themes.add(new Theme(tag, tagged.size(), instanceManagers.size(), requests, instanceManagers.size() >= 2, keys));
    });
    themes.sort(Comparator.comparingInt(Theme::instanceManagers).reversed()
        .thenComparing(Comparator.comparingInt(Theme::items).reversed())
        .thenComparing(Theme::tag));
    return themes;
  }
}
