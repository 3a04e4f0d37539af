package org.communitylifecycle.opsjam;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Themes by tag: items counted per tag, and how many instance managers raised them. */
class ThemeTest {

  @Test
  void tagsRaisedByTwoOrMoreInstanceManagersAreCrossInstancePriorities() {
    List<RoadmapItems.Item> items = List.of(
        item(1, "pain-point", "ines", "identity-management"),
        item(2, "wishlist", "ines", "identity-management", "onboarding-materials"),
        item(3, "wishlist", "ivan", "onboarding-materials"),
        item(4, "follow-up", "iris", "identity-management"),
        item(5, "request", "alice", "identity-management", "ecosystem-map"),
        item(6, "request", "dave", "ecosystem-map"),
        item(7, "wishlist", "ivan"));

    assertThat(Theme.of(items)).containsExactly(
        new Theme("identity-management", 4, 2, 1, true, List.of("OPS-1", "OPS-2", "OPS-4", "OPS-5")),
        new Theme("onboarding-materials", 2, 2, 0, true, List.of("OPS-2", "OPS-3")),
        new Theme("ecosystem-map", 2, 0, 2, false, List.of("OPS-5", "OPS-6")));
  }

  @Test
  void noTagsNoThemes() {
    assertThat(Theme.of(List.of(item(1, "wishlist", "ines")))).isEmpty();
  }

  private static RoadmapItems.Item item(int number, String kind, String requestedBy, String... tags) {
    return new RoadmapItems.Item(RoadmapItems.key(number), number, kind, "Item " + number, null, requestedBy, null,
        null, "requested", null, List.of(tags), List.of());
  }
}
