package org.communitylifecycle.contributor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.communitylifecycle.testsupport.TestProcessEngineConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every rule of processes/contributor-tier.dmn, and a gap: inputs no rule matches. */
@Deployment(resources = "processes/contributor-tier.dmn")
class ContributorTierDecisionTest {

  @RegisterExtension
  static ProcessEngineExtension engine =
      ProcessEngineExtension.builder().configurationResource(TestProcessEngineConfiguration.RESOURCE).build();

  ProcessEngine processEngine;

  @Test
  void aLeadershipRoleMakesACoreContributorWhateverTheirActivity() {
    assertThat(tier(true, 0, 0)).isEqualTo("core");
    assertThat(tier(true, 9, 40)).isEqualTo("core");
  }

  @Test
  void sixContributionsInTheWindowMakeAnActiveContributor() {
    assertThat(tier(false, 6, 6)).isEqualTo("active");
    assertThat(tier(false, 25, 80)).isEqualTo("active");
  }

  @Test
  void anyContributionBelowTheActiveThresholdMakesACasualContributor() {
    assertThat(tier(false, 5, 5)).isEqualTo("casual");
    assertThat(tier(false, 0, 1)).as("contributed once, long ago").isEqualTo("casual");
    assertThat(tier(false, 0, 30)).as("once active, no longer").isEqualTo("casual");
  }

  @Test
  void noContributionYetIsTierNone() {
    assertThat(tier(false, 0, 0)).isEqualTo("none");
  }

  @Test
  void inputsNoRuleCoversGiveNoResult() {
    DmnDecisionTableResult result = evaluate(false, 0, -1);

    assertThat(result.getFirstResult()).isNull();
    assertThat(result.isEmpty()).isTrue();
  }

  @Test
  void theFirstMatchingRuleWins() {
    DmnDecisionTableResult result = evaluate(true, 7, 7);

    assertThat(result.getSingleResult().getEntryMap()).isEqualTo(Map.of("tier", "core"));
  }

  private String tier(boolean holdsRole, long inWindow, long ever) {
    return evaluate(holdsRole, inWindow, ever).getSingleResult().getSingleEntry();
  }

  private DmnDecisionTableResult evaluate(boolean holdsRole, long inWindow, long ever) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("holdsRole", holdsRole);
    variables.put("contributionsInWindow", inWindow);
    variables.put("contributionsEver", ever);
    return processEngine.getDecisionService().evaluateDecisionTableByKey(TierDecision.DECISION_KEY, variables);
  }
}
