package org.communitylifecycle.mentoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The mentoring settings are checked at startup, and a bad one is named. */
class MentoringPropertiesTest {

  static final MentoringProperties.Baseline BASELINE = new MentoringProperties.Baseline(5, 10);

  @Test
  void theSeedsLimitsAndItsNewerProgramsAreValid() {
    assertThat(new MentoringProperties(10, 3, "P2M", "P3M", "P1W", 2, BASELINE).interval().text()).isEqualTo("P1W");
    assertThat(new MentoringProperties(8, 4, "P10W", "P12W", "P2W", 3, null).baseline()).isEqualTo(BASELINE);
    assertThat(new MentoringProperties(8, 4, "P2M", "P2M", "PT84H", 1, BASELINE).interval().text()).isEqualTo("PT84H");
  }

  @Test
  void aBadSettingStopsStartupAndIsNamed() {
    assertThatThrownBy(() -> new MentoringProperties(0, 3, "P2M", "P3M", "P1W", 2, BASELINE))
        .hasMessage("community-lifecycle.mentoring.max-mentees must be at least 1, got 0");
    assertThatThrownBy(() -> new MentoringProperties(10, 0, "P2M", "P3M", "P1W", 2, BASELINE))
        .hasMessageContaining("mentees-per-mentor must be at least 1");
    assertThatThrownBy(() -> new MentoringProperties(10, 3, "P2M", "P3M", "P1W", 0, BASELINE))
        .hasMessageContaining("missed-standups-before-follow-up must be at least 1");
    assertThatThrownBy(() -> new MentoringProperties(10, 3, "two months", "P3M", "P1W", 2, BASELINE))
        .hasMessage("community-lifecycle.mentoring.min-duration is not an ISO-8601 period: 'two months' (try P1W, P2M or PT36H)");
    assertThatThrownBy(() -> new MentoringProperties(10, 3, "P2M", "P0D", "P1W", 2, BASELINE))
        .hasMessage("community-lifecycle.mentoring.max-duration must be a positive period, got 'P0D'");
    assertThatThrownBy(() -> new MentoringProperties(10, 3, "P3M", "P2M", "P1W", 2, BASELINE))
        .hasMessage("community-lifecycle.mentoring.min-duration (P3M) is longer than max-duration (P2M)");
    assertThatThrownBy(() -> new MentoringProperties(10, 3, "P2M", "P3M", "P2M", 2, BASELINE))
        .hasMessage("community-lifecycle.mentoring.standup-interval (P2M) must be shorter than min-duration (P2M)");
    assertThatThrownBy(() -> new MentoringProperties.Baseline(11, 10))
        .hasMessage("community-lifecycle.mentoring.baseline.graduated must be between 0 and baseline.enrolled (10), got 11");
    assertThatThrownBy(() -> new MentoringProperties.Baseline(0, 0))
        .hasMessage("community-lifecycle.mentoring.baseline.enrolled must be at least 1, got 0");
  }
}
