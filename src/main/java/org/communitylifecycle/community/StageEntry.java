package org.communitylifecycle.community;

import static org.communitylifecycle.community.CommunityVariables.*;

import org.communitylifecycle.engine.InvalidInputException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;
import org.communitylifecycle.identity.Groups;
import org.springframework.stereotype.Component;

/**
 * Start listener of a stage: checks the community's name, activator and liaison, keys the
 * instance by the community's slug, and refuses a second running instance with that key.
 */
@Component("stageEntry")
public class StageEntry {

  private final StageProperties properties;

  public StageEntry(StageProperties properties) {
    this.properties = properties;
  }

  public void enter(DelegateExecution execution) {
    String name = text(execution, COMMUNITY_NAME);
    if (name == null) {
      throw new InvalidInputException("Give the community a name (communityName)");
    }
    String key = CommunitySlug.of(name);
    if (key.isEmpty()) {
      throw new InvalidInputException(
          "The community name '" + name + "' needs at least one letter or digit to make its key");
    }
    String activator = text(execution, ACTIVATOR);
    String liaison = text(execution, LIAISON);
    String processKey =
        execution.getProcessEngineServices().getRepositoryService()
            .getProcessDefinition(execution.getProcessDefinitionId()).getKey();

    // The starting user may not read other users, groups or instances; these checks are the engine's own.
    Context.getCommandContext()
        .runWithoutAuthorization(
            () -> {
              IdentityService identity = execution.getProcessEngineServices().getIdentityService();
              requireMember(identity, activator, ACTIVATOR, Groups.ACTIVATORS);
              requireMember(identity, liaison, LIAISON, Groups.CBT_LIAISONS);
              RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
              long running =
                  runtime.createProcessInstanceQuery()
                      .processDefinitionKey(processKey)
                      .processInstanceBusinessKey(key)
                      .count();
              if (running > 0) {
                throw new InvalidInputException(
                    "The community '" + key + "' is already in this stage; open its running instance instead");
              }
              return null;
            });

    execution.setProcessBusinessKey(key);
    execution.setVariable(COMMUNITY_NAME, name);
    execution.setVariable(COMMUNITY_KEY, key);
    execution.setVariable(ACTIVATOR, activator);
    execution.setVariable(LIAISON, liaison);
    execution.setVariable(STAGE_REVIEW_INTERVAL, properties.reviewInterval());
  }

  private static void requireMember(IdentityService identity, String userId, String role, String group) {
    if (userId == null) {
      throw new InvalidInputException("Name the " + role + " by user id (" + role + ")");
    }
    if (identity.createUserQuery().userId(userId).count() == 0) {
      throw new InvalidInputException("The " + role + " '" + userId + "' is not a known user");
    }
    if (identity.createUserQuery().userId(userId).memberOfGroup(group).count() == 0) {
      throw new InvalidInputException(
          "The " + role + " '" + userId + "' is not in the group '" + group + "'");
    }
  }

  private static String text(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value == null || value.toString().isBlank() ? null : value.toString().trim();
  }
}
