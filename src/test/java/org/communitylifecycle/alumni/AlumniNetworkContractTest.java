package org.communitylifecycle.alumni;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.junit.jupiter.api.Test;

/** The contract names what processes/alumni-network.bpmn has: a rename in the model fails here. */
class AlumniNetworkContractTest {

  static final BpmnModelInstance MODEL = Bpmn.readModelFromFile(new File("processes/alumni-network.bpmn"));

  @Test
  void theKeyIsTheProcessId() {
    assertThat(MODEL.getModelElementsByType(Process.class)).extracting(Process::getId)
        .containsExactly(AlumniNetworkContract.PROCESS_KEY);
  }

  @Test
  void everyElementIdIsInTheModel() {
    List<String> ids = elementIds(AlumniNetworkContract.class);
    assertThat(ids).hasSizeGreaterThan(20);
    assertThat(ids).allSatisfy(id -> assertThat((Object) MODEL.getModelElementById(id)).as(id).isNotNull());
  }

  @Test
  void theMessageIsTheModelsMessage() {
    assertThat(MODEL.getModelElementsByType(Message.class)).extracting(Message::getName)
        .containsExactly(AlumniNetworkContract.MESSAGE_FEEDBACK_GIVEN);
  }

  /** The values of the constants that name elements: TASK_, TIMER_, END_ and so on. */
  static List<String> elementIds(Class<?> contract) {
    List<String> prefixes = List.of("TASK_", "TIMER_", "END_", "GATEWAY_", "SERVICE_TASK_", "EVENT_", "BUSINESS_RULE_TASK_");
    return Arrays.stream(contract.getFields())
        .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class)
        .filter(f -> prefixes.stream().anyMatch(f.getName()::startsWith))
        .map(AlumniNetworkContractTest::value)
        .toList();
  }

  private static String value(Field field) {
    try {
      return (String) field.get(null);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
