package org.communitylifecycle.lifecycle;

import java.util.Date;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.communitylifecycle.engine.VariableValues;

/**
 * The contract of the {@code community-lifecycle} process: its key, the messages that pause,
 * resume and close a community, and its variables. The community's own variables are
 * {@link org.communitylifecycle.community.CommunityContract}'s; the stages it calls share
 * {@link StageContract}.
 */
public final class LifecycleContract {

  /** The process key. */
  public static final String PROCESS_KEY = "community-lifecycle";

  // Messages the lifecycle catches.
  static final String COMMUNITY_PAUSED = "CommunityPaused";
  static final String COMMUNITY_RESUMED = "CommunityResumed";
  static final String COMMUNITY_CLOSED = "CommunityClosed";

  /** The first stage, a {@link LifecycleStage} key: an input of its start form. */
  public static final String ENTRY_STAGE = "entryStage";
  static final String COMMUNITY_STATUS = "communityStatus";
  static final String PAUSE_REASON = "pauseReason";
  static final String PAUSED_BY = "pausedBy";
  static final String PAUSED_AT = "pausedAt";
  static final String RESUMED_BY = "resumedBy";
  static final String CLOSE_REASON = "closeReason";
  static final String CLOSED_BY = "closedBy";
  static final String CLOSED_AT = "closedAt";

  // Values of communityStatus, as in cl_community.status.
  static final String ACTIVE = "active";
  static final String PAUSED = "paused";
  static final String CLOSED = "closed";

  private final VariableScope scope;

  private LifecycleContract(VariableScope scope) {
    this.scope = scope;
  }

  public static LifecycleContract of(VariableScope scope) {
    return new LifecycleContract(scope);
  }

  /** The entry stage as given, trimmed; null when blank. */
  String entryStage() {
    return VariableValues.text(scope, ENTRY_STAGE);
  }

  boolean paused() {
    return PAUSED.equals(scope.getVariable(COMMUNITY_STATUS));
  }

  String closeReason() {
    return VariableValues.text(scope, CLOSE_REASON);
  }

  void started(String entryStage) {
    scope.setVariable(ENTRY_STAGE, entryStage);
    scope.setVariable(COMMUNITY_STATUS, ACTIVE);
  }

  void paused(String by, Date at) {
    scope.setVariable(COMMUNITY_STATUS, PAUSED);
    scope.setVariable(PAUSED_BY, by);
    scope.setVariable(PAUSED_AT, at);
  }

  void resumed(String by) {
    scope.setVariable(COMMUNITY_STATUS, ACTIVE);
    scope.setVariable(RESUMED_BY, by);
  }

  void closed(String by, Date at) {
    scope.setVariable(COMMUNITY_STATUS, CLOSED);
    scope.setVariable(CLOSED_BY, by);
    scope.setVariable(CLOSED_AT, at);
  }

  /** Whether a running lifecycle instance is paused, read from outside it. */
  static boolean isPaused(RuntimeService runtime, String lifecycleInstanceId) {
    return PAUSED.equals(runtime.getVariable(lifecycleInstanceId, COMMUNITY_STATUS));
  }

  /** Sends a lifecycle instance the message of a status change, with the reason its subprocess reads. */
  static void send(RuntimeService runtime, String lifecycleInstanceId, ChangeCommunityStatusContract.Change change,
      String reason) {
    var correlation = runtime.createMessageCorrelation(switch (change) {
      case PAUSE -> COMMUNITY_PAUSED;
      case RESUME -> COMMUNITY_RESUMED;
      case CLOSE -> COMMUNITY_CLOSED;
    }).processInstanceId(lifecycleInstanceId);
    if (change == ChangeCommunityStatusContract.Change.CLOSE) {
      correlation.setVariable(CLOSE_REASON, reason);
    } else if (change == ChangeCommunityStatusContract.Change.PAUSE) {
      correlation.setVariable(PAUSE_REASON, reason);
    }
    correlation.correlateWithResult();
  }
}
