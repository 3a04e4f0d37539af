package org.communitylifecycle.practice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.communitylifecycle.practice.PracticeMaturityContract.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.communitylifecycle.testsupport.TestProcessEngineConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every rule of processes/community-of-practice-step.dmn: a step is reached when each of its
 * three areas has at least 2 of 3 indicators met and the step before it is reached.
 */
@Deployment(resources = "processes/community-of-practice-step.dmn")
class CommunityOfPracticeStepDecisionTest {

  @RegisterExtension
  static ProcessEngineExtension engine =
      ProcessEngineExtension.builder().configurationResource(TestProcessEngineConfiguration.RESOURCE).build();

  ProcessEngine processEngine;

  @Test
  void nothingMetReachesNoStep() {
    assertStep(scores(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), "none", 0, "Rule_NoStep");
  }

  @Test
  void twoOfThreeInEveryGatherAreaReachesGather() {
    assertStep(scores(2, 2, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0), "Gather", 1, "Rule_Gather");
  }

  @Test
  void oneOfThreeInAGatherAreaIsNotEnough() {
    assertStep(scores(3, 3, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0), "none", 0, "Rule_NoStep");
    assertStep(scores(1, 2, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0), "none", 0, "Rule_NoStep");
  }

  @Test
  void gatherAndDispatchReachDispatch() {
    assertStep(scores(2, 3, 2, 2, 2, 2, 1, 0, 3, 0, 0, 0), "Dispatch", 2, "Rule_Dispatch");
  }

  @Test
  void oneOfThreeInADispatchAreaStaysAtGather() {
    assertStep(scores(3, 3, 3, 2, 1, 2, 3, 3, 3, 0, 0, 0), "Gather", 1, "Rule_Gather");
  }

  @Test
  void dispatchIsNotReachedWithoutGather() {
    assertStep(scores(3, 1, 3, 3, 3, 3, 0, 0, 0, 0, 0, 0), "none", 0, "Rule_NoStep");
  }

  @Test
  void theFirstThreeStepsReachExplore() {
    assertStep(scores(2, 2, 2, 2, 2, 2, 2, 2, 2, 1, 1, 1), "Explore", 3, "Rule_Explore");
  }

  @Test
  void exploreIsNotReachedWithoutDispatch() {
    assertStep(scores(3, 3, 3, 1, 3, 3, 3, 3, 3, 0, 0, 0), "Gather", 1, "Rule_Gather");
  }

  @Test
  void everyStepReachesSystemsChange() {
    assertStep(scores(2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2), "Systems Change", 4, "Rule_SystemsChange");
    assertStep(scores(3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3), "Systems Change", 4, "Rule_SystemsChange");
  }

  @Test
  void systemsChangeIsNotReachedWithoutExplore() {
    assertStep(scores(3, 3, 3, 3, 3, 3, 3, 0, 3, 3, 3, 3), "Dispatch", 2, "Rule_Dispatch");
  }

  @Test
  void oneOfThreeInASystemsChangeAreaStaysAtExplore() {
    assertStep(scores(3, 3, 3, 3, 3, 3, 3, 3, 3, 2, 2, 1), "Explore", 3, "Rule_Explore");
  }

  private void assertStep(Map<String, Object> scores, String step, int number, String ruleId) {
    Set<String> earlier = evaluations().stream().map(HistoricDecisionInstance::getId).collect(Collectors.toSet());
    DmnDecisionResult result =
        processEngine.getDecisionService().evaluateDecisionByKey(STEP_DECISION_KEY).variables(scores).evaluate();

    assertThat(result.getSingleResult().getEntryMap()).containsEntry("stepReached", step).containsEntry("stepNumber", number);
    HistoricDecisionInstance evaluation =
        evaluations().stream().filter(e -> !earlier.contains(e.getId())).findFirst().orElseThrow();
    assertThat(evaluation.getOutputs()).isNotEmpty().allSatisfy(o -> assertThat(o.getRuleId()).as("matched rule").isEqualTo(ruleId));
  }

  private List<HistoricDecisionInstance> evaluations() {
    return processEngine.getHistoryService().createHistoricDecisionInstanceQuery()
        .decisionDefinitionKey(STEP_DECISION_KEY).includeOutputs().list();
  }

  private static Map<String, Object> scores(int... perArea) {
    Map<String, Object> scores = new HashMap<>();
    for (int i = 0; i < perArea.length; i++) {
      scores.put(MaturityModel.AREAS.get(i).scoreVariable(), perArea[i]);
    }
    return scores;
  }
}
