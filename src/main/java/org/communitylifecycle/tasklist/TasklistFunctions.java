package org.communitylifecycle.tasklist;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ReflectUtil;
import org.springframework.stereotype.Component;

/**
 * Adds {@link CommunityTeams#currentUserCommunityTeams()} to the engine's expression functions, next
 * to {@code currentUser()} and {@code currentUserGroups()}, once the engine has set up its own.
 */
@Component
public class TasklistFunctions extends AbstractProcessEnginePlugin {

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    configuration.getExpressionManager().addFunction(CommunityTeams.FUNCTION,
        ReflectUtil.getMethod(CommunityTeams.class, CommunityTeams.FUNCTION));
  }
}
