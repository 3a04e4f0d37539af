package org.communitylifecycle.dashboard;

import static org.communitylifecycle.milestone.MilestoneContract.TASK_DELIVER;
import static org.communitylifecycle.milestone.MilestoneContract.TASK_REVIEW;

import java.util.Arrays;
import java.util.List;
import org.communitylifecycle.milestone.StalledSteps;

/** What a user task of the milestone process is in a handoff timeline, by its element id in processes/milestone.bpmn. */
enum Step {
  DELIVER("deliver", List.of(TASK_DELIVER)),
  REVIEW("review", List.of(TASK_REVIEW)),
  FOLLOW_UP("follow-up", StalledSteps.FOLLOW_UP_TASKS),
  ESCALATION("escalation", StalledSteps.ESCALATION_TASKS);

  /** The tasks that count as open escalations of a community: follow-ups and escalations of stalled steps. */
  static final List<String> ESCALATION_TASKS =
      Arrays.stream(values()).filter(s -> s == FOLLOW_UP || s == ESCALATION).flatMap(s -> s.taskKeys.stream()).toList();

  private final String label;
  private final List<String> taskKeys;

  Step(String label, List<String> taskKeys) {
    this.label = label;
    this.taskKeys = taskKeys;
  }

  String label() {
    return label;
  }

  /** The step of a task, or null for a task the milestone process does not have. */
  static Step of(String taskKey) {
    return Arrays.stream(values()).filter(s -> s.taskKeys.contains(taskKey)).findFirst().orElse(null);
  }
}
