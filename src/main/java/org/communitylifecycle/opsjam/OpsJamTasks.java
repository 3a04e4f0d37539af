package org.communitylifecycle.opsjam;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Create listener that adds the item and the jam to a task's name in Tasklist ("Resolve overdue
 * item: OPS-3 Ecosystem map (SourceCred Ecosystems)"), while the models keep short names.
 */
@Component("opsJamTasks")
public class OpsJamTasks {

  public void name(DelegateTask task) {
    OpsJamContract jam = OpsJamContract.of(task);
    StringBuilder name = new StringBuilder(task.getName());
    String itemKey = jam.itemKey();
    if (itemKey != null) {
      name.append(": ").append(itemKey).append(' ').append(jam.itemTitle());
    }
    String jamName = jam.jamName();
    if (jamName != null) {
      name.append(" (").append(jamName).append(')');
    }
    task.setName(name.toString());
  }
}
