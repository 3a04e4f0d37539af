package org.communitylifecycle.milestone;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a stage's milestone results are read, including those kept by stages deployed before the one result. */
class MilestoneContractTest {

  @Test
  void aStageStartedBeforeTheOneResultStillHasItsMilestonesRead() {
    Map<String, Object> stage = Map.of(
        "buildPathwayOutcome", "accepted",
        "buildPathwayDeliverable", "https://wiki.example.org/pathway",
        "buildPathwaySummary", "The pathway, with its two managers",
        "buildPathwayAcceptedBy", "bob",
        "buildPathwayReviewRounds", 2,
        "buildPathwayEscalations", 1,
        "buildPathwayTimeWithResponsible", "PT36H",
        "buildPathwayTimeWaitingOnSupport", "PT2H");

    MilestoneResult result = MilestoneContract.resultOf(stage, "buildPathway");

    assertThat(result).isEqualTo(new MilestoneResult("accepted", "https://wiki.example.org/pathway",
        "The pathway, with its two managers", null, "bob", 2, 1, Duration.ofHours(36), Duration.ofHours(2)));
  }

  @Test
  void theOneResultWinsOverOlderVariablesOfTheSameMilestone() {
    Map<String, Object> stage = Map.of(
        "buildPathwayOutcome", "dropped",
        "buildPathwayResult", "{\"outcome\":\"accepted\",\"acceptedBy\":\"bob\",\"reviewRounds\":1,\"escalations\":0,"
            + "\"timeWithResponsible\":\"PT1H\",\"timeWaitingOnSupport\":\"PT0S\"}");

    MilestoneResult result = MilestoneContract.resultOf(stage, "buildPathway");

    assertThat(result.outcome()).isEqualTo("accepted");
    assertThat(result.acceptedBy()).isEqualTo("bob");
    assertThat(result.timeWithResponsible()).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void aMilestoneThatHasNotFinishedHasNoResult() {
    assertThat(MilestoneContract.resultOf(Map.of("identifyGapsOutcome", "accepted"), "buildPathway")).isNull();
  }
}
