package org.communitylifecycle.lifecycle;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.communitylifecycle.community.StageEntry;
import org.communitylifecycle.engine.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * Start listener of the lifecycle: the community's name, activator and liaison as every stage
 * checks them, one running lifecycle per community, and a known entry stage.
 */
@Component("lifecycleStart")
public class LifecycleStart {

  private final StageEntry stageEntry;

  public LifecycleStart(StageEntry stageEntry) {
    this.stageEntry = stageEntry;
  }

  public void start(DelegateExecution execution) {
    LifecycleContract lifecycle = LifecycleContract.of(execution);
    String entryStage = lifecycle.entryStage();
    if (entryStage == null) {
      throw new InvalidInputException(
          "Choose the stage the community enters at (entryStage): one of " + LifecycleStage.keys());
    }
    if (LifecycleStage.byKey(entryStage).isEmpty()) {
      throw new InvalidInputException("The entry stage '" + entryStage + "' is not a stage of the lifecycle; choose one of "
          + LifecycleStage.keys());
    }
    stageEntry.identify(execution, "The community '%s' already has a running lifecycle; open it instead");
    lifecycle.started(entryStage);
  }
}
