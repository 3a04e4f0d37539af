package org.communitylifecycle.practice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Who may read a community of practice's assessments. */
class AssessmentRecordsAccessTest {

  static final AssessmentRecords.PracticeCommunity KBW =
      new AssessmentRecords.PracticeCommunity("keep-badges-weird", "Keep Badges Weird", "bob", "P3M");

  @Test
  void itsLiaisonMayReadItWhateverTheirGroups() {
    assertThat(KBW.mayBeReadBy("bob", List.of())).isTrue();
  }

  @Test
  void liaisonsCommunityLeadsAndAdminsMayReadEveryCommunity() {
    assertThat(KBW.mayBeReadBy("frank", List.of("cbt-liaisons"))).isTrue();
    assertThat(KBW.mayBeReadBy("dave", List.of("community-leads"))).isTrue();
    assertThat(KBW.mayBeReadBy("admin", List.of("camunda-admin"))).isTrue();
  }

  @Test
  void itsTeamsMayReadIt() {
    assertThat(KBW.mayBeReadBy("alice", List.of("activators", "activators-" + KBW.key()))).isTrue();
    assertThat(KBW.mayBeReadBy("frank", List.of("liaisons-" + KBW.key()))).isTrue();
  }

  @Test
  void activatorsDesignersAndStrangersMayNot() {
    assertThat(KBW.mayBeReadBy("alice", List.of("activators", "activators-another-community"))).isFalse();
    assertThat(KBW.mayBeReadBy("alice", List.of("activators"))).isFalse();
    assertThat(KBW.mayBeReadBy("carol", List.of("process-designers"))).isFalse();
    assertThat(KBW.mayBeReadBy(null, null)).isFalse();
  }
}
