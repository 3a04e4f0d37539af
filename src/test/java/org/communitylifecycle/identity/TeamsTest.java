package org.communitylifecycle.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TeamsTest {

  @Test
  void aTeamsGroupIdIsItsKindAndKey() {
    assertThat(Teams.Kind.MENTORS.groupId("sig-apps-reviewers")).isEqualTo("mentors-sig-apps-reviewers");
    assertThat(Teams.Kind.OPS_JAM_LEADS.groupId("sourcecred-ecosystems")).isEqualTo("opsjam-sourcecred-ecosystems");
    assertThat(Teams.Kind.HUB_HOSTS.groupId("bergerac--winter-2026")).isEqualTo("hosts-bergerac--winter-2026");
    assertThatThrownBy(() -> Teams.Kind.MENTORS.groupId(" ")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aLongKeyIsShortenedToTheEnginesLimitAndTwoLongKeysStayApart() {
    String common = "a-very-long-community-name-that-goes-on-and-on-and-on-";
    String first = Teams.Kind.ACTIVATORS.groupId(common + "first-of-two");
    String second = Teams.Kind.ACTIVATORS.groupId(common + "second-of-two");

    assertThat(first).hasSizeLessThanOrEqualTo(Teams.MAX_ID_LENGTH).startsWith("activators-a-very-long").matches("[a-z0-9-]+")
        .doesNotContain("--");
    assertThat(second).hasSizeLessThanOrEqualTo(Teams.MAX_ID_LENGTH).isNotEqualTo(first);
    assertThat(Teams.Kind.ACTIVATORS.groupId(common + "first-of-two")).as("the same key, the same team").isEqualTo(first);
  }
}
