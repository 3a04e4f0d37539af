package org.communitylifecycle.lifecycle;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
// getCurrentAuthentication() returns this engine type; the public API has no other.
import org.camunda.bpm.engine.impl.identity.Authentication;
// Suspending the called instances for a person who may not: no public API runs a command without authorization.
import org.camunda.bpm.engine.impl.context.Context;
import org.communitylifecycle.engine.AppClock;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.communitylifecycle.community.CommunityDirectory;
import org.communitylifecycle.engine.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * Service tasks of the lifecycle's event subprocesses: pausing suspends the running stage and its
 * milestones, resuming activates them again, closing records who closed the community and why.
 * The status goes to the {@link CommunityDirectory} too.
 */
@Component("lifecycleStatus")
public class LifecycleStatus {

  private final CommunityDirectory directory;
  private final StageHistory history;

  public LifecycleStatus(CommunityDirectory directory, StageHistory history) {
    this.directory = directory;
    this.history = history;
  }

  /** After message CommunityPaused. */
  public void pause(DelegateExecution execution) {
    String key = execution.getProcessBusinessKey();
    LifecycleContract lifecycle = LifecycleContract.of(execution);
    if (lifecycle.paused()) {
      throw new InvalidInputException("The community '" + key + "' is already paused");
    }
    setSuspended(execution, true);
    lifecycle.paused(actor(execution), AppClock.date());
    directory.setStatus(key, LifecycleContract.PAUSED);
  }

  /** After message CommunityResumed. */
  public void resume(DelegateExecution execution) {
    setSuspended(execution, false);
    LifecycleContract.of(execution).resumed(actor(execution));
    directory.setStatus(execution.getProcessBusinessKey(), LifecycleContract.ACTIVE);
  }

  /** After message CommunityClosed, once the running stage has been cancelled. */
  public void close(DelegateExecution execution) {
    LifecycleContract lifecycle = LifecycleContract.of(execution);
    String reason = lifecycle.closeReason();
    if (reason == null) {
      throw new InvalidInputException("Give a reason for closing the community (closeReason)");
    }
    String key = execution.getProcessBusinessKey();
    String closedBy = actor(execution);
    history.leave(key, StageHistory.CLOSED, closedBy, reason, AppClock.now());
    lifecycle.closed(closedBy, AppClock.date());
    directory.setStatus(key, LifecycleContract.CLOSED);
  }

  /** Suspends or activates every instance the lifecycle called, down to the milestones. */
  private static void setSuspended(DelegateExecution execution, boolean suspended) {
    RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
    // The person pausing may not update instances themselves; the lifecycle does it for them.
    Context.getCommandContext().runWithoutAuthorization(() -> {
      for (String id : calledInstances(runtime, execution.getProcessInstanceId())) {
        if (suspended) {
          runtime.updateProcessInstanceSuspensionState().byProcessInstanceId(id).suspend();
        } else {
          runtime.updateProcessInstanceSuspensionState().byProcessInstanceId(id).activate();
        }
      }
      return null;
    });
  }

  private static List<String> calledInstances(RuntimeService runtime, String processInstanceId) {
    List<String> ids = new ArrayList<>();
    for (ProcessInstance called : runtime.createProcessInstanceQuery().superProcessInstanceId(processInstanceId).list()) {
      ids.add(called.getId());
      ids.addAll(calledInstances(runtime, called.getId()));
    }
    return ids;
  }

  private static String actor(DelegateExecution execution) {
    Authentication authentication =
        execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return authentication == null ? null : authentication.getUserId();
  }
}
