package org.communitylifecycle.modelcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.communitylifecycle.modelcheck.TestModels.check;
import static org.communitylifecycle.modelcheck.TestModels.process;

import org.junit.jupiter.api.Test;

class NoConnectorsTest {

  private final NoConnectors rule = new NoConnectors();

  @Test
  void aConnectorIsRefused() {
    var violations = check(rule, process("""
        <bpmn:serviceTask id="Task_Http">
          <bpmn:extensionElements>
            <camunda:connector><camunda:connectorId>http-connector</camunda:connectorId></camunda:connector>
          </bpmn:extensionElements>
        </bpmn:serviceTask>"""));

    assertThat(violations).singleElement().satisfies(v -> {
      assertThat(v.elementId()).isEqualTo("Task_Http");
      assertThat(v.where()).isEqualTo("camunda:connector");
    });
  }

  @Test
  void aServiceTaskCallingABeanPasses() {
    assertThat(check(rule, TestModels.serviceTask("${opsRequests.record(execution)}"))).isEmpty();
  }
}
