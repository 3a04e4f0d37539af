package org.communitylifecycle.contributor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.communitylifecycle.engine.InMemoryDmn;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
// IdentityService.getCurrentAuthentication() returns this impl type; there is no public one.
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Asks the decision {@code contributor-tier} (processes/contributor-tier.dmn) for a contributor's
 * tier. The rules live in the table, where a process designer edits them.
 */
@Component
class TierDecision {

  static final String DECISION_KEY = "contributor-tier";
  static final String HOLDS_ROLE = "holdsRole";
  static final String CONTRIBUTIONS_IN_WINDOW = "contributionsInWindow";
  static final String CONTRIBUTIONS_EVER = "contributionsEver";
  static final String TIER = "tier";

  /** What the decision is asked on one day. */
  record Inputs(boolean holdsRole, long contributionsInWindow, long contributionsEver) {
    @Override
    public String toString() {
      return HOLDS_ROLE + "=" + holdsRole + ", " + CONTRIBUTIONS_IN_WINDOW + "=" + contributionsInWindow + ", "
          + CONTRIBUTIONS_EVER + "=" + contributionsEver;
    }
  }

  private final DecisionService decisions;
  private final IdentityService identity;
  /** Null where a test wires the decision by hand: the bulk decider then asks {@link #decide}. */
  private final RepositoryService repository;
  private final Map<String, DmnDecision> parsed = new ConcurrentHashMap<>();

  TierDecision(DecisionService decisions, IdentityService identity) {
    this(decisions, identity, null);
  }

  @Autowired
  TierDecision(DecisionService decisions, IdentityService identity, RepositoryService repository) {
    this.decisions = decisions;
    this.identity = identity;
    this.repository = repository;
  }

  /**
   * A decider for many people at once (a source's sync, a merge, a bulk recompute): the same latest
   * version of the table, evaluated in memory, once per distinct inputs, without one history entry
   * per day decided (a sync of 100,000 events asks it thousands of times). {@link #decide} keeps
   * writing history for what a person records.
   */
  Function<Inputs, Tier> bulk() {
    if (repository == null) {
      return this::decide;
    }
    DmnDecision decision = withoutAuthorization(this::latest);
    Map<Inputs, Tier> decided = new HashMap<>();
    return inputs -> {
      Tier known = decided.get(inputs);
      if (known != null) {
        return known;
      }
      DmnDecisionResultEntries first = dmn().evaluateDecision(decision, Variables.fromMap(Map.of(
          HOLDS_ROLE, inputs.holdsRole(),
          CONTRIBUTIONS_IN_WINDOW, inputs.contributionsInWindow(),
          CONTRIBUTIONS_EVER, inputs.contributionsEver()))).getFirstResult();
      Tier tier = first == null ? null : tierOf(first.get(TIER), inputs);
      if (tier != null) {
        decided.put(inputs, tier);
      }
      return tier;
    };
  }

  private DmnDecision latest() {
    DecisionDefinition definition = repository.createDecisionDefinitionQuery().decisionDefinitionKey(DECISION_KEY)
        .latestVersion().singleResult();
    if (definition == null) {
      throw new ContributorExceptions.TierRuleGap("The decision '" + DECISION_KEY + "' is not deployed");
    }
    return parsed.computeIfAbsent(definition.getId(), id -> {
      try (InputStream model = repository.getDecisionModel(id)) {
        return dmn().parseDecision(DECISION_KEY, model);
      } catch (IOException e) {
        throw new UncheckedIOException("Could not read the decision " + id, e);
      }
    });
  }

  private static DmnEngine dmn() {
    return InMemoryDmn.engine();
  }

  private <T> T withoutAuthorization(java.util.function.Supplier<T> work) {
    Authentication caller = identity.getCurrentAuthentication();
    if (caller != null) {
      identity.clearAuthentication();
    }
    try {
      return work.get();
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }

  private static Tier tierOf(Object tier, Inputs inputs) {
    return Tier.ofId(tier == null ? null : tier.toString())
        .orElseThrow(() -> new ContributorExceptions.TierRuleGap(
            "The decision '" + DECISION_KEY + "' gave the tier '" + tier + "' for " + inputs
                + "; it must give one of " + Tier.ids()));
  }

  /** The tier the table gives, or null when no rule matches. */
  Tier decide(Inputs inputs) {
    DmnDecisionResult result = evaluate(Map.of(
        HOLDS_ROLE, inputs.holdsRole(),
        CONTRIBUTIONS_IN_WINDOW, inputs.contributionsInWindow(),
        CONTRIBUTIONS_EVER, inputs.contributionsEver()));
    DmnDecisionResultEntries first = result.getFirstResult();
    if (first == null) {
      return null;
    }
    Object tier = first.get(TIER);
    return Tier.ofId(tier == null ? null : tier.toString())
        .orElseThrow(() -> new ContributorExceptions.TierRuleGap(
            "The decision '" + DECISION_KEY + "' gave the tier '" + tier + "' for " + inputs
                + "; it must give one of " + Tier.ids()));
  }

  /**
   * Deciding a tier is the application's bookkeeping, not something the person recording a
   * contribution does; so it runs without their engine authorizations (a Tasklist start form
   * calls this with the starter authenticated).
   */
  private DmnDecisionResult evaluate(Map<String, Object> variables) {
    Authentication caller = identity.getCurrentAuthentication();
    if (caller != null) {
      identity.clearAuthentication();
    }
    try {
      return decisions.evaluateDecisionByKey(DECISION_KEY).variables(variables).evaluate();
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }
}
