package org.communitylifecycle.lifecycle;

import java.util.Date;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.communitylifecycle.engine.ProcessVariables;

/**
 * The contract of the {@code community-lifecycle} process: its key, the messages that pause,
 * resume and close a community, and its variables. The community's own variables are
 * {@link org.communitylifecycle.community.CommunityContract}'s; the stages it calls share
 * {@link StageContract}.
 */
public final class LifecycleContract extends ProcessVariables {

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

  private LifecycleContract(VariableScope scope) {
    super(scope);
  }

  public static LifecycleContract of(VariableScope scope) {
    return new LifecycleContract(scope);
  }

  /** The entry stage as given, trimmed; null when blank. */
  String entryStage() {
    return text(ENTRY_STAGE);
  }

  boolean paused() {
    return PAUSED.equals(value(COMMUNITY_STATUS));
  }

  String closeReason() {
    return text(CLOSE_REASON);
  }

  void started(String entryStage) {
    set(ENTRY_STAGE, entryStage);
    set(COMMUNITY_STATUS, ACTIVE);
  }

  void paused(String by, Date at) {
    set(COMMUNITY_STATUS, PAUSED);
    set(PAUSED_BY, by);
    set(PAUSED_AT, at);
  }

  void resumed(String by) {
    set(COMMUNITY_STATUS, ACTIVE);
    set(RESUMED_BY, by);
  }

  void closed(String by, Date at) {
    set(COMMUNITY_STATUS, CLOSED);
    set(CLOSED_BY, by);
    set(CLOSED_AT, at);
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
