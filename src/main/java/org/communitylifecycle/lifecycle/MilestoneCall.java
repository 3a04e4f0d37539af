package org.communitylifecycle.lifecycle;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateVariableMapping;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;
import org.communitylifecycle.community.CommunityContract;
import org.communitylifecycle.milestone.MilestoneContract;
import org.communitylifecycle.milestone.MilestoneResult;
import org.springframework.stereotype.Component;

/**
 * The stage's side of every call of the {@code milestone} process
 * ({@code camunda:variableMappingDelegateExpression="${milestoneCall}"}, which the Milestone
 * element template writes). The engine applies the call's {@code camunda:in} lines first, then
 * this: the community's team goes in (activator delivers, liaison team reviews, unless the call
 * passes its own support groups), and the milestone's {@link MilestoneResult} comes back as one
 * variable of the stage.
 */
@Component("milestoneCall")
public class MilestoneCall implements DelegateVariableMapping {

  @Override
  public void mapInputVariables(DelegateExecution stage, VariableMap inputs) {
    CommunityContract community = CommunityContract.of(stage);
    new MilestoneContract.Team(community.name(), community.activator(), community.activatorTeam(), community.liaison(),
        community.liaisonTeam()).passTo(inputs);
  }

  @Override
  public void mapOutputVariables(DelegateExecution stage, VariableScope milestone) {
    MilestoneContract finished = MilestoneContract.of(milestone);
    MilestoneContract.keepResult(stage, finished.key(), finished.result());
  }

  /** Gateway condition of a stage: whether its milestone of that key was accepted. */
  public boolean accepted(DelegateExecution stage, String milestoneKey) {
    MilestoneResult result = StageContract.of(stage).milestone(milestoneKey);
    return result != null && result.accepted();
  }
}
