package org.communitylifecycle.opsjam;

import static org.communitylifecycle.opsjam.OpsJamVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Create listener that adds the item and the jam to a task's name in Tasklist ("Resolve overdue
 * item: OPS-3 Ecosystem map (SourceCred Ecosystems)"), while the models keep short names.
 */
@Component("opsJamTasks")
public class OpsJamTasks {

  public void name(DelegateTask task) {
    StringBuilder name = new StringBuilder(task.getName());
    Object itemKey = task.getVariable(ITEM_KEY);
    if (itemKey != null) {
      name.append(": ").append(itemKey).append(' ').append(task.getVariable(ITEM_TITLE));
    }
    Object jam = task.getVariable(JAM_NAME);
    if (jam != null) {
      name.append(" (").append(jam).append(')');
    }
    task.setName(name.toString());
  }
}
