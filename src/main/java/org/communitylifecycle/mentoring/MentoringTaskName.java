package org.communitylifecycle.mentoring;

import static org.communitylifecycle.mentoring.CohortVariables.*;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Create listener that adds the mentee, the week and the cohort to a task's name in Tasklist
 * ("Post standup update: mateo, week 3 (SIG Apps reviewers)"). The model keeps short names.
 */
@Component("mentoringTaskName")
public class MentoringTaskName {

  public void name(DelegateTask task) {
    List<String> details = new ArrayList<>();
    Object mentee = task.getVariable(MENTEE);
    if (mentee != null) {
      details.add(mentee.toString());
    }
    Object week = task.getVariable(STANDUP_WEEK);
    if (week != null) {
      details.add("week " + week);
    }
    StringBuilder name = new StringBuilder(task.getName());
    if (!details.isEmpty()) {
      name.append(": ").append(String.join(", ", details));
    }
    Object cohort = task.getVariable(COHORT_NAME);
    if (cohort != null) {
      name.append(" (").append(cohort).append(')');
    }
    task.setName(name.toString());
  }
}
