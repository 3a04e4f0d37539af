package org.communitylifecycle.community;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.communitylifecycle.milestone.MilestoneContract;
import org.springframework.stereotype.Component;

/**
 * Create listener that adds the milestone, or else the stage, and the community to a task's name
 * in Tasklist ("Deliver milestone: Document community practices (SUMO Community)", "Review stage
 * exit: Scaling (Common Voice Kenya)"). The models keep short names, so their diagrams stay
 * readable in Modeler and Cockpit.
 */
@Component("taskContext")
public class TaskContext {

  public void name(DelegateTask task) {
    StringBuilder name = new StringBuilder(task.getName());
    CommunityContract community = CommunityContract.of(task);
    String detail = MilestoneContract.of(task).name();
    if (detail == null) {
      detail = community.stageName();
    }
    if (detail != null) {
      name.append(": ").append(detail);
    }
    String communityName = community.name();
    if (communityName != null) {
      name.append(" (").append(communityName).append(')');
    }
    task.setName(name.toString());
  }
}
