package org.communitylifecycle.modelcheck;

import java.util.Map;
import java.util.Set;

/**
 * What a rule sees besides the file it checks: the definitions the other files of the same
 * deployment define, and those already deployed.
 *
 * @param processes the process keys the deployment's BPMN files define, with their camunda:versionTag ("" when none)
 * @param decisions the decision keys its DMN files define, with their camunda:versionTag ("" when none)
 * @param forms the ids of its Camunda Forms
 * @param deployed the definitions already deployed
 */
record DeploymentFiles(
    Map<String, String> processes, Map<String, String> decisions, Set<String> forms, DeployedDefinitions deployed) {

  /** A file deployed alone, on an engine with nothing deployed. */
  static final DeploymentFiles NOTHING = new DeploymentFiles(Map.of(), Map.of(), Set.of(), DeployedDefinitions.NONE);

  public DeploymentFiles {
    processes = Map.copyOf(processes);
    decisions = Map.copyOf(decisions);
    forms = Set.copyOf(forms);
  }
}
