package org.communitylifecycle.community;

import static org.communitylifecycle.community.CommunityContract.ACTIVATOR;
import static org.communitylifecycle.community.CommunityContract.LIAISON;

import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
// Checks the engine must run without the starting user's authorizations; no public API runs a command so.
import org.camunda.bpm.engine.impl.context.Context;
import org.communitylifecycle.engine.AppClock;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.communitylifecycle.engine.InvalidInputException;
import org.communitylifecycle.identity.Groups;
import org.communitylifecycle.identity.Teams;
import org.springframework.stereotype.Component;

/**
 * Start listener of a stage: checks the community's name, activator and liaison, keys the
 * instance by the community's slug, refuses a second running instance with that key, records
 * the community's current stage in the {@link CommunityDirectory}, and makes sure the community's
 * two teams ({@link Teams}) hold its activator and liaison.
 */
@Component("stageEntry")
public class StageEntry {

  private final StageProperties properties;
  private final CommunityDirectory directory;

  public StageEntry(StageProperties properties, CommunityDirectory directory) {
    this.properties = properties;
    this.directory = directory;
  }

  /** Start listener of a stage process. */
  public void enter(DelegateExecution execution) {
    ProcessDefinition stage = definition(execution);
    String key = identify(execution, "The community '%s' is already in this stage; open its running instance instead");
    Date now = AppClock.date();
    CommunityContract community = CommunityContract.of(execution);
    community.enteredStage(stage.getKey(), stage.getName(), now, properties.reviewInterval());
    // The community's people see and act on its work; the admin may add more in Admin.
    String name = community.name();
    IdentityService identity = execution.getProcessEngineServices().getIdentityService();
    String activatorTeam = Teams.ensure(identity, Teams.Kind.ACTIVATORS, key, name, List.of(community.activator()));
    String liaisonTeam = Teams.ensure(identity, Teams.Kind.LIAISONS, key, name, List.of(community.liaison()));
    community.teams(activatorTeam, liaisonTeam);
    directory.enterStage(key, name, community.activator(), community.liaison(), stage.getKey());
  }

  /**
   * Checks name, activator and liaison, sets them and the community's key as variables, and keys
   * the instance by the slug of the name. Refuses a second running instance of the same process
   * for the community with {@code duplicateMessage}, formatted with the key.
   *
   * @return the community's key
   */
  public String identify(DelegateExecution execution, String duplicateMessage) {
    CommunityContract community = CommunityContract.of(execution);
    String name = community.name();
    if (name == null) {
      throw new InvalidInputException("Give the community a name (communityName)");
    }
    String key = CommunitySlug.of(name);
    if (key.isEmpty()) {
      throw new InvalidInputException(
          "The community name '" + name + "' needs at least one letter or digit to make its key");
    }
    String activator = community.activator();
    String liaison = community.liaison();
    String processKey = definition(execution).getKey();

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
              // The query cannot see a start that has not committed yet; the claim's key can.
              if (running > 0 || !directory.claimRunning(processKey, key, execution.getProcessInstanceId())) {
                throw new InvalidInputException(String.format(duplicateMessage, key));
              }
              return null;
            });

    execution.setProcessBusinessKey(key);
    community.identified(name, key, activator, liaison);
    return key;
  }

  private static ProcessDefinition definition(DelegateExecution execution) {
    return execution.getProcessEngineServices().getRepositoryService()
        .getProcessDefinition(execution.getProcessDefinitionId());
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
}
