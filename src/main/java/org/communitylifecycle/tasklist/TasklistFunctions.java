package org.communitylifecycle.tasklist;

// Adding an expression function is done by an engine plugin, which has no public API.
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Adds {@link CommunityTeams#currentUserCommunityTeams()} to the engine's expression functions, next
 * to {@code currentUser()} and {@code currentUserGroups()}, once the engine has set up its own.
 */
@Component
class TasklistFunctions extends AbstractProcessEnginePlugin {

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    try {
      configuration.getExpressionManager().addFunction(CommunityTeams.FUNCTION,
          CommunityTeams.class.getMethod(CommunityTeams.FUNCTION));
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException("CommunityTeams has no public static " + CommunityTeams.FUNCTION + "()", e);
    }
  }
}
