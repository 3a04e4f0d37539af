package org.communitylifecycle.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

/** The dashboard names the milestone's user tasks by their element ids: each must be a user task of the model, and each user task a step. */
class StepTest {

  @Test
  void everyUserTaskOfTheMilestoneIsAStepAndEveryStepATask() {
    BpmnModelInstance milestone = Bpmn.readModelFromFile(new File("processes/milestone.bpmn"));
    List<String> userTasks = milestone.getModelElementsByType(UserTask.class).stream().map(UserTask::getId).toList();

    assertThat(userTasks).allSatisfy(task -> assertThat(Step.of(task)).as(task).isNotNull());
    assertThat(Arrays.stream(Step.values()).map(Step::label)).containsExactly("deliver", "review", "follow-up", "escalation");
    assertThat(userTasks).containsAll(Step.ESCALATION_TASKS).hasSize(6);
  }
}
