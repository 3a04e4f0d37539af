package org.communitylifecycle.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.junit.jupiter.api.Test;

/** Which user tasks the models mark as escalations, and that a mistyped mark fails the deployment. */
class EscalationMarksTest {

  @Test
  void theEscalationStepsOfMilestonesOpsJamsAndMentoringAreMarked() {
    assertThat(marked("processes/milestone.bpmn")).containsExactlyInAnyOrder(
        "Task_FollowUpStalledDelivery", "Task_EscalateStalledDelivery",
        "Task_FollowUpStalledReview", "Task_EscalateStalledReview");
    assertThat(marked("processes/ecosystem-ops-jam.bpmn")).containsExactly("Task_UnblockOverdueItem");
    assertThat(marked("processes/group-mentoring-cohort.bpmn")).containsExactly("Task_FollowUpMissedStandups");
  }

  @Test
  void unmarkedTasksMailAsAssignmentsAndAMistypedMarkIsRefused() {
    assertThat(MailEnginePlugin.MarkedTasks.kindOf("Task_A", Map.of())).isEqualTo(MailKind.ASSIGNMENT);
    assertThat(MailEnginePlugin.MarkedTasks.kindOf("Task_A", Map.of("notification", "escalation")))
        .isEqualTo(MailKind.ESCALATION);
    assertThatThrownBy(() -> MailEnginePlugin.MarkedTasks.kindOf("Task_A", Map.of("notification", "escalate")))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("Task_A").hasMessageContaining("'escalate'").hasMessageContaining("'escalation'");
  }

  private static List<String> marked(String file) {
    return Bpmn.readModelFromFile(new File(file)).getModelElementsByType(UserTask.class).stream()
        .filter(task -> task.getExtensionElements() != null && task.getExtensionElements()
            .getElementsQuery().filterByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties.class).list()
            .stream().flatMap(p -> p.getCamundaProperties().stream())
            .anyMatch(EscalationMarksTest::isEscalationMark))
        .map(UserTask::getId).toList();
  }

  private static boolean isEscalationMark(CamundaProperty property) {
    return "notification".equals(property.getCamundaName()) && "escalation".equals(property.getCamundaValue());
  }
}
