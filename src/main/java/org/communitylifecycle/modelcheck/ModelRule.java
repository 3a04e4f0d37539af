package org.communitylifecycle.modelcheck;

import java.util.List;

/**
 * One thing a deployed model must never do. The engine refuses a deployment when any rule finds
 * a violation in any of its models; {@link ModelCheck#standard()} lists the rules in force.
 */
interface ModelRule {

  /** Where the model breaks the rule, in document order; empty when it keeps it. */
  List<Violation> check(Model model);

  /**
   * Where the model breaks the rule, seeing the rest of its deployment and what is deployed
   * already; only a rule about references between files needs more than {@link #check(Model)}.
   */
  default List<Violation> check(Model model, DeploymentFiles deployment) {
    return check(model);
  }
}
