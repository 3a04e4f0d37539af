package org.communitylifecycle.dashboard;

import static org.communitylifecycle.lifecycle.StageContract.EXIT_CRITERIA_MET;
import static org.communitylifecycle.lifecycle.StageContract.EXIT_CRITERIA_SUMMARY;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.communitylifecycle.engine.InMemoryDmn;
import org.camunda.bpm.engine.ProcessEngine;
// The command executor, to read without authorizations outside a command: the engine has no public API for it.
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.communitylifecycle.community.CommunityContract;
import org.communitylifecycle.contributor.ContributorFigures;
import org.communitylifecycle.dashboard.DashboardViews.ExitTarget;
import org.communitylifecycle.identity.Groups;
import org.communitylifecycle.lifecycle.ExitCriteriaFigures;
import org.springframework.stereotype.Component;

/**
 * How far a community is from the exit target of its stage: the figures the stage gate would
 * measure today, judged by the latest deployed version of the decision {@code stage-exit-criteria},
 * so the thresholds live in the decision table only.
 *
 * <p>The decision is evaluated by a DMN engine of its own rather than the process engine's
 * DecisionService: the process engine would record every evaluation in the decision history, and
 * Cockpit would list each dashboard view beside the gates' real decisions.
 */
@Component
class StageExitTarget {

  static final String DECISION = "stage-exit-criteria";

  private final ProcessEngine engine;
  private final ContributorFigures contributorFigures;
  /** Parsed decisions by decision definition id; a deployment never changes a definition. */
  private final Map<String, DmnDecision> decisions = new ConcurrentHashMap<>();

  StageExitTarget(ProcessEngine engine, ContributorFigures contributorFigures) {
    this.engine = engine;
    this.contributorFigures = contributorFigures;
  }

  private static DmnEngine dmn() {
    return InMemoryDmn.engine();
  }

  /**
   * The exit target of the community's current stay.
   *
   * @param milestoneOutcomes the outcome of each milestone of the stay, by milestone key
   */
  ExitTarget of(String communityKey, String stage, String activator, Instant enteredAt, Instant now,
      Map<String, String> milestoneOutcomes) {
    if (stage == null || enteredAt == null) {
      return new ExitTarget(stage, null, "The community has not entered a stage yet.", Map.of());
    }
    ExitCriteriaFigures figures = ExitCriteriaFigures.measure(contributorFigures, communityKey,
        Times.today(enteredAt), Times.today(now), isActivator(activator), milestoneOutcomes::get);
    DmnDecision decision = latestDecision();
    if (decision == null) {
      return new ExitTarget(stage, null, "The decision " + DECISION + " is not deployed.", figures.variables());
    }
    Map<String, Object> inputs = new HashMap<>(figures.variables());
    inputs.put(CommunityContract.STAGE, stage);
    DmnDecisionResultEntries result = dmn().evaluateDecision(decision, Variables.fromMap(inputs)).getFirstResult();
    if (result == null) {
      return new ExitTarget(stage, null, "No rule of " + DECISION + " covers the stage '" + stage + "'.",
          figures.variables());
    }
    Object met = result.getEntry(EXIT_CRITERIA_MET);
    Object summary = result.getEntry(EXIT_CRITERIA_SUMMARY);
    return new ExitTarget(stage, met instanceof Boolean b ? b : null, summary == null ? null : summary.toString(),
        figures.variables());
  }

  private boolean isActivator(String userId) {
    return userId != null && withoutAuthorization(() ->
        engine.getIdentityService().createUserQuery().userId(userId).memberOfGroup(Groups.ACTIVATORS).count() > 0);
  }

  private DmnDecision latestDecision() {
    DecisionDefinition definition = withoutAuthorization(() -> engine.getRepositoryService()
        .createDecisionDefinitionQuery().decisionDefinitionKey(DECISION).latestVersion().singleResult());
    if (definition == null) {
      return null;
    }
    return decisions.computeIfAbsent(definition.getId(), id -> withoutAuthorization(() -> {
      try (InputStream model = engine.getRepositoryService().getDecisionModel(id)) {
        return dmn().parseDecision(DECISION, model);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }));
  }

  /**
   * Runs engine reads without the caller's authorizations: the dashboard's readers may read every
   * community, but the engine does not grant them its users or decision definitions.
   */
  private <T> T withoutAuthorization(Callable<T> read) {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    return configuration.getCommandExecutorTxRequired().execute(context -> context.runWithoutAuthorization(read));
  }
}
