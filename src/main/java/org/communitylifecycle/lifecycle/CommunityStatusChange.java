package org.communitylifecycle.lifecycle;

import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
// getCurrentAuthentication() returns this engine type, with the groups checked here; the public API has no other.
import org.camunda.bpm.engine.impl.identity.Authentication;
// Correlating for a liaison who may not update the lifecycle: no public API runs a command without authorization.
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.communitylifecycle.community.CommunityDirectory;
import org.communitylifecycle.community.CommunityDirectory.Community;
import org.communitylifecycle.engine.InvalidInputException;
import org.communitylifecycle.identity.Groups;
import org.communitylifecycle.lifecycle.ChangeCommunityStatusContract.Change;
import org.springframework.stereotype.Component;

/**
 * Service task of {@code change-community-status}, the liaisons' way to pause, resume or close a
 * community from Tasklist: checks the request and the person, then correlates the lifecycle's
 * message. Refusals roll the whole start back, so nothing changes.
 */
@Component("communityStatusChange")
public class CommunityStatusChange {

  /** Besides the community's own liaison, these groups may change any community's status. */
  private static final List<String> STATUS_GROUPS = List.of(Groups.CBT_LIAISONS, Groups.CAMUNDA_ADMIN);

  private final CommunityDirectory directory;

  public CommunityStatusChange(CommunityDirectory directory) {
    this.directory = directory;
  }

  public void send(DelegateExecution execution) {
    ChangeCommunityStatusContract request = ChangeCommunityStatusContract.of(execution);
    String key = request.communityKey();
    Change change = request.change();
    String reason = request.reason();
    if (key == null) {
      throw new InvalidInputException("Name the community by its key (communityKey), for example sumo-community");
    }
    if (change == null) {
      throw new InvalidInputException("Choose pause, resume or close (statusChange), got '" + request.changeText() + "'");
    }
    if (change == Change.CLOSE && reason == null) {
      throw new InvalidInputException("Give a reason for closing the community (statusChangeReason)");
    }
    Authentication person = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (person == null || person.getUserId() == null) {
      throw new InvalidInputException("Log in to pause, resume or close a community");
    }
    Community community = directory.find(key)
        .orElseThrow(() -> new InvalidInputException("There is no community with the key '" + key + "'"));
    List<String> groups = person.getGroupIds() == null ? List.of() : person.getGroupIds();
    if (!person.getUserId().equals(community.liaison()) && groups.stream().noneMatch(STATUS_GROUPS::contains)) {
      throw new InvalidInputException(
          "Only the community's liaison, CBT liaisons and administrators may pause, resume or close '" + key + "'");
    }

    RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
    // Liaisons may not update lifecycle instances themselves: the checks above stand in for that right.
    Context.getCommandContext().runWithoutAuthorization(() -> {
      ProcessInstance lifecycle = runtime.createProcessInstanceQuery()
          .processDefinitionKey(LifecycleContract.PROCESS_KEY).processInstanceBusinessKey(key).singleResult();
      if (lifecycle == null) {
        throw new InvalidInputException("The community '" + key + "' has no running lifecycle: it is closed, or was never started");
      }
      if (change == Change.RESUME && !LifecycleContract.isPaused(runtime, lifecycle.getId())) {
        throw new InvalidInputException("The community '" + key + "' is not paused");
      }
      LifecycleContract.send(runtime, lifecycle.getId(), change, reason);
      return null;
    });
    execution.setProcessBusinessKey(key);
  }
}
