package org.communitylifecycle.community;

import org.camunda.bpm.engine.delegate.DelegateTask;
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
    Object detail = task.getVariable("milestoneName");
    if (detail == null) {
      detail = task.getVariable(CommunityVariables.STAGE_NAME);
    }
    if (detail != null) {
      name.append(": ").append(detail);
    }
    Object community = task.getVariable(CommunityVariables.COMMUNITY_NAME);
    if (community != null) {
      name.append(" (").append(community).append(')');
    }
    task.setName(name.toString());
  }
}
