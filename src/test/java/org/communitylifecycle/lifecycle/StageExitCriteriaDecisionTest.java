package org.communitylifecycle.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.communitylifecycle.testsupport.TestProcessEngineConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every rule of processes/stage-exit-criteria.dmn, one test each, named after the rule. */
@Deployment(resources = "processes/stage-exit-criteria.dmn")
class StageExitCriteriaDecisionTest {

  @RegisterExtension
  static ProcessEngineExtension engine =
      ProcessEngineExtension.builder().configurationResource(TestProcessEngineConfiguration.RESOURCE).build();

  ProcessEngine processEngine;

  @Test
  void preWorkIsMetWhenTheActivatorIsAppointed() {
    assertMet(evaluate("Rule_PreWorkMet", figures("pre-work").with("activatorAppointed", true)), "Pre-work is done");
  }

  @Test
  void preWorkIsNotMetWithoutAnAppointedActivator() {
    assertNotMet(evaluate("Rule_PreWorkNoActivator", figures("pre-work").with("activatorAppointed", false)), "No activator is appointed yet");
  }

  @Test
  void startingIsMetWithADocumentedPathwayPrototypedByUpTo20People() {
    assertMet(evaluate("Rule_StartingMet", figures("starting").with("pathwayDocumented", true).with("prototypeSize", 20L)),
        "the pathway is documented and its prototype has 20 people (up to 20).");
    assertMet(evaluate("Rule_StartingMet", figures("starting").with("pathwayDocumented", true).with("prototypeSize", 1L)), "has 1 people");
  }

  @Test
  void startingIsNotMetWhileThePathwayIsUndocumented() {
    assertNotMet(evaluate("Rule_StartingNoPathway", figures("starting").with("pathwayDocumented", false).with("prototypeSize", 12L)),
        "The pathway is not documented yet");
  }

  @Test
  void startingIsNotMetWhileNobodyIsInThePrototype() {
    assertNotMet(evaluate("Rule_StartingNoPrototype", figures("starting").with("pathwayDocumented", true).with("prototypeSize", 0L)),
        "Nobody has gone through the pathway yet");
  }

  @Test
  void startingIsNotMetWhenThePrototypeHasMoreThan20People() {
    assertNotMet(evaluate("Rule_StartingPrototypeTooBig", figures("starting").with("pathwayDocumented", true).with("prototypeSize", 21L)),
        "The prototype has 21 people; a prototype has at most 20.");
  }

  @Test
  void growthIsMetWithMoreThan25NewContributors() {
    assertMet(evaluate("Rule_GrowthMet", figures("learning-and-preparing-for-growth").with("newContributorsInPathway", 26L)),
        "26 new contributors came into the pathway");
  }

  @Test
  void growthIsNotMetWith25NewContributorsOrFewer() {
    assertNotMet(evaluate("Rule_GrowthBelowTarget", figures("learning-and-preparing-for-growth").with("newContributorsInPathway", 25L)),
        "Only 25 new contributors came into the pathway since the stage was entered; more than 25 are needed.");
  }

  @Test
  void scalingIsMetWithTenfoldActiveContributorsAndANewCoreMember() {
    assertMet(evaluate("Rule_ScalingMet", figures("scaling").with("activeAtStageEntry", 4L).with("activeContributors", 40L).with("newCoreMembers", 1L)),
        "40 active contributors, 4 at stage entry (10 times needed), and 1 new core members mentored.");
  }

  @Test
  void scalingIsNotMetWithoutActiveContributorsAtStageEntry() {
    assertNotMet(evaluate("Rule_ScalingNoBaseline", figures("scaling").with("activeAtStageEntry", 0L).with("activeContributors", 12L).with("newCoreMembers", 2L)),
        "no active contributors when it entered the stage");
  }

  @Test
  void scalingIsNotMetBelowTenfoldActiveContributors() {
    assertNotMet(evaluate("Rule_ScalingBelowTenfold", figures("scaling").with("activeAtStageEntry", 4L).with("activeContributors", 39L).with("newCoreMembers", 3L)),
        "Active contributors: 39 now, 4 at stage entry; 10 times that (40) are needed.");
  }

  @Test
  void scalingIsNotMetWithoutANewCoreMember() {
    assertNotMet(evaluate("Rule_ScalingNoNewCore", figures("scaling").with("activeAtStageEntry", 4L).with("activeContributors", 41L).with("newCoreMembers", 0L)),
        "no new core member has been mentored");
  }

  @Test
  void sustainingIsMetOnceTheCaseStudyIsDelivered() {
    assertMet(evaluate("Rule_SustainingMet", figures("sustaining").with("caseStudyDelivered", true)), "The case study is delivered");
  }

  @Test
  void sustainingIsNotMetWithoutACaseStudy() {
    assertNotMet(evaluate("Rule_SustainingNoCaseStudy", figures("sustaining").with("caseStudyDelivered", false)), "No case study yet");
  }

  @Test
  void anUnknownStageHasNoCriteria() {
    assertNotMet(evaluate("Rule_UnknownStage", figures("incubating")), "No exit criteria are defined for the stage 'incubating'.");
  }

  // --- helpers ---

  /** Figures as the gate computes them: every input present, none of them meeting anything. */
  private static Figures figures(String stage) {
    return new Figures()
        .with("stage", stage)
        .with("activatorAppointed", false)
        .with("pathwayDocumented", false)
        .with("prototypeSize", 0L)
        .with("newContributorsInPathway", 0L)
        .with("activeAtStageEntry", 0L)
        .with("activeContributors", 0L)
        .with("newCoreMembers", 0L)
        .with("caseStudyDelivered", false);
  }

  /** Evaluates the decision and checks, from the decision history, which rule matched. */
  private DmnDecisionResultEntries evaluate(String expectedRule, Figures figures) {
    DmnDecisionResultEntries result = processEngine.getDecisionService()
        .evaluateDecisionByKey("stage-exit-criteria").variables(figures.values).evaluate().getSingleResult();
    HistoricDecisionInstance evaluation = processEngine.getHistoryService().createHistoricDecisionInstanceQuery()
        .decisionDefinitionKey("stage-exit-criteria").includeOutputs().orderByEvaluationTime().desc().list().get(0);
    assertThat(evaluation.getOutputs()).extracting(HistoricDecisionOutputInstance::getRuleId).containsOnly(expectedRule);
    return result;
  }

  private static void assertMet(DmnDecisionResultEntries result, String summary) {
    assertThat(result.<Boolean>getEntry("exitCriteriaMet")).isTrue();
    assertThat(result.<String>getEntry("exitCriteriaSummary")).contains(summary);
  }

  private static void assertNotMet(DmnDecisionResultEntries result, String summary) {
    assertThat(result.<Boolean>getEntry("exitCriteriaMet")).isFalse();
    assertThat(result.<String>getEntry("exitCriteriaSummary")).contains(summary);
  }

  private static final class Figures {
    final Map<String, Object> values = new HashMap<>();

    Figures with(String name, Object value) {
      values.put(name, value);
      return this;
    }
  }
}
