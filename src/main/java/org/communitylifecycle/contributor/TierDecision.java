package org.communitylifecycle.contributor;

import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.IdentityService;
// IdentityService.getCurrentAuthentication() returns this impl type; there is no public one.
import org.camunda.bpm.engine.impl.identity.Authentication;
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

  TierDecision(DecisionService decisions, IdentityService identity) {
    this.decisions = decisions;
    this.identity = identity;
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
