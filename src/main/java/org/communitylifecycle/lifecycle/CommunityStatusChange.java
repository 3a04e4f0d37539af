package org.communitylifecycle.lifecycle;

import static org.communitylifecycle.community.CommunityVariables.COMMUNITY_KEY;
import static org.communitylifecycle.lifecycle.LifecycleVariables.*;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.communitylifecycle.community.CommunityDirectory;
import org.communitylifecycle.community.CommunityDirectory.Community;
import org.communitylifecycle.engine.InvalidInputException;
import org.communitylifecycle.identity.Groups;
import org.springframework.stereotype.Component;

/**
 * Service task of {@code change-community-status}, the liaisons' way to pause, resume or close a
 * community from Tasklist: checks the request and the person, then correlates the lifecycle's
 * message. Refusals roll the whole start back, so nothing changes.
 */
@Component("communityStatusChange")
public class CommunityStatusChange {

  static final String LIFECYCLE = "community-lifecycle";
  private static final Map<String, String> MESSAGES =
      Map.of("pause", COMMUNITY_PAUSED, "resume", COMMUNITY_RESUMED, "close", COMMUNITY_CLOSED);
  /** Besides the community's own liaison, these groups may change any community's status. */
  private static final List<String> STATUS_GROUPS = List.of(Groups.CBT_LIAISONS, Groups.CAMUNDA_ADMIN);

  private final CommunityDirectory directory;

  public CommunityStatusChange(CommunityDirectory directory) {
    this.directory = directory;
  }

  public void send(DelegateExecution execution) {
    String key = text(execution, COMMUNITY_KEY);
    String change = text(execution, STATUS_CHANGE);
    String reason = text(execution, STATUS_CHANGE_REASON);
    if (key == null) {
      throw new InvalidInputException("Name the community by its key (communityKey), for example sumo-community");
    }
    if (change == null || !MESSAGES.containsKey(change)) {
      throw new InvalidInputException("Choose pause, resume or close (statusChange), got '" + change + "'");
    }
    if ("close".equals(change) && reason == null) {
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
          .processDefinitionKey(LIFECYCLE).processInstanceBusinessKey(key).singleResult();
      if (lifecycle == null) {
        throw new InvalidInputException("The community '" + key + "' has no running lifecycle: it is closed, or was never started");
      }
      Object status = runtime.getVariable(lifecycle.getId(), COMMUNITY_STATUS);
      if ("resume".equals(change) && !PAUSED.equals(status)) {
        throw new InvalidInputException("The community '" + key + "' is not paused");
      }
      var correlation = runtime.createMessageCorrelation(MESSAGES.get(change)).processInstanceId(lifecycle.getId());
      if ("close".equals(change)) {
        correlation.setVariable(CLOSE_REASON, reason);
      } else if ("pause".equals(change)) {
        correlation.setVariable(PAUSE_REASON, reason);
      }
      correlation.correlateWithResult();
      return null;
    });
    execution.setProcessBusinessKey(key);
  }

  private static String text(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value == null || value.toString().isBlank() ? null : value.toString().trim();
  }
}
