package org.communitylifecycle.practice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.junit.jupiter.api.Test;

/** The contract names what the maturity process and its decision have: a rename in a model fails here. */
class PracticeMaturityContractTest {

  static final BpmnModelInstance MODEL =
      Bpmn.readModelFromFile(new File("processes/community-of-practice-maturity.bpmn"));

  @Test
  void theKeysAreTheModelsIds() {
    assertThat(MODEL.getModelElementsByType(Process.class)).extracting(Process::getId)
        .containsExactly(PracticeMaturityContract.PROCESS_KEY);
    assertThat(Dmn.readModelFromFile(new File("processes/community-of-practice-step.dmn"))
        .getModelElementsByType(Decision.class)).extracting(Decision::getId)
        .contains(PracticeMaturityContract.STEP_DECISION_KEY);
    assertThat(MODEL.getModelElementsByType(BusinessRuleTask.class)).extracting(BusinessRuleTask::getCamundaDecisionRef)
        .containsExactly(PracticeMaturityContract.STEP_DECISION_KEY);
  }

  @Test
  void everyElementIdIsInTheModel() {
    List<String> prefixes = List.of("TASK_", "TIMER_", "END_", "GATEWAY_", "SERVICE_TASK_", "BUSINESS_RULE_TASK_");
    List<String> ids = Arrays.stream(PracticeMaturityContract.class.getFields())
        .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class)
        .filter(f -> prefixes.stream().anyMatch(f.getName()::startsWith))
        .map(PracticeMaturityContractTest::value)
        .toList();
    assertThat(ids).hasSize(8);
    assertThat(ids).allSatisfy(id -> assertThat((Object) MODEL.getModelElementById(id)).as(id).isNotNull());
  }

  private static String value(Field field) {
    try {
      return (String) field.get(null);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
