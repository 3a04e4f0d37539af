package org.communitylifecycle.opsjam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The ops jam's settings: checked at startup, with messages that name the setting. */
class OpsJamPropertiesTest {

  @Test
  void periodsAndCyclesAreTakenAsGiven() {
    OpsJamProperties settings = new OpsJamProperties(" P3D ", "R/P14D", "R3/PT12H", "PT36H");

    assertThat(settings.submissionWindow()).isEqualTo("P3D");
    assertThat(settings.checkInCycle()).isEqualTo("R/P14D");
    assertThat(settings.overdueCheckCycle()).isEqualTo("R3/PT12H");
    assertThat(settings.overdueEscalation()).isEqualTo("PT36H");
  }

  @Test
  void malformedSettingsStopStartupAndNameTheSetting() {
    assertThatThrownBy(() -> new OpsJamProperties("a week", "R/P1M", "R/P1D", "P7D"))
        .hasMessage("community-lifecycle.ops-jam.submission-window is not an ISO-8601 duration: 'a week' (try P7D or PT36H)");
    assertThatThrownBy(() -> new OpsJamProperties("P7D", "P1M", "R/P1D", "P7D"))
        .hasMessage("community-lifecycle.ops-jam.check-in-cycle is not an ISO-8601 repeating interval: 'P1M' "
            + "(try R/P1M for monthly or R/P1D for daily)");
    assertThatThrownBy(() -> new OpsJamProperties("P7D", "R/P1M", "R/monthly", "P7D"))
        .hasMessage("community-lifecycle.ops-jam.overdue-check-cycle is not an ISO-8601 duration: 'monthly' (try P7D or PT36H)");
    assertThatThrownBy(() -> new OpsJamProperties("P7D", "R/P1M", "R/P0D", "P7D"))
        .hasMessage("community-lifecycle.ops-jam.overdue-check-cycle must be a positive duration, got 'P0D'");
    assertThatThrownBy(() -> new OpsJamProperties("P7D", "R/P1M", "R/P1D", " "))
        .hasMessage("community-lifecycle.ops-jam.overdue-escalation is empty; give an ISO-8601 duration such as P7D");
    assertThatThrownBy(() -> new OpsJamProperties("P7D", null, "R/P1D", "P7D"))
        .hasMessage("community-lifecycle.ops-jam.check-in-cycle is empty; give a repeating interval such as R/P1M");
  }
}
