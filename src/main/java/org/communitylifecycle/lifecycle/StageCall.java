package org.communitylifecycle.lifecycle;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateVariableMapping;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;
import org.communitylifecycle.community.CommunityContract;
import org.springframework.stereotype.Component;

/**
 * The lifecycle's side of every call of a stage process
 * ({@code camunda:variableMappingDelegateExpression="${stageCall}"}): the community goes in as
 * the stage's {@code stageEntry} checks it; nothing comes back.
 */
@Component("stageCall")
public class StageCall implements DelegateVariableMapping {

  @Override
  public void mapInputVariables(DelegateExecution lifecycle, VariableMap inputs) {
    CommunityContract.of(lifecycle).passTo(inputs);
  }

  @Override
  public void mapOutputVariables(DelegateExecution lifecycle, VariableScope stage) {
    // A stage returns nothing: the lifecycle follows its end, and the stage history keeps the rest.
  }
}
