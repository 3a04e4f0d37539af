package org.communitylifecycle.mentoring;

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
    MentoringCohortContract cohort = MentoringCohortContract.of(task);
    List<String> details = new ArrayList<>();
    String mentee = cohort.mentee();
    if (mentee != null) {
      details.add(mentee);
    }
    Integer week = cohort.standupWeekOrNull();
    if (week != null) {
      details.add("week " + week);
    }
    StringBuilder name = new StringBuilder(task.getName());
    if (!details.isEmpty()) {
      name.append(": ").append(String.join(", ", details));
    }
    String cohortName = cohort.cohortName();
    if (cohortName != null) {
      name.append(" (").append(cohortName).append(')');
    }
    task.setName(name.toString());
  }
}
