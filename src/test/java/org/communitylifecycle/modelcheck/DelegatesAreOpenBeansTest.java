package org.communitylifecycle.modelcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.communitylifecycle.modelcheck.TestModels.check;
import static org.communitylifecycle.modelcheck.TestModels.process;
import static org.communitylifecycle.modelcheck.TestModels.serviceTask;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DelegatesAreOpenBeansTest {

  private final DelegatesAreOpenBeans rule = new DelegatesAreOpenBeans(TestModels.OPEN_BEANS);

  @Test
  void callsAndDelegatesOfOpenBeansPass() {
    assertThat(check(rule, serviceTask("${opsRequests.record(execution)}"))).isEmpty();
    assertThat(check(rule, process("""
        <bpmn:serviceTask id="Task_Delegate" camunda:delegateExpression="${opsRequests}" />
        <bpmn:userTask id="Task_Name">
          <bpmn:extensionElements>
            <camunda:taskListener event="create" expression="${alumniCohorts.name(task)}" />
            <camunda:field name="note" expression="${anyValue}" />
          </bpmn:extensionElements>
        </bpmn:userTask>"""))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"${identityService.createMembership('carol', 'camunda-admin')}", "${modelDeployment.run(null)}", "${someVariable}"})
  void anExpressionThatCallsNoOpenBeanIsRefused(String expression) {
    assertThat(check(rule, serviceTask(expression))).singleElement().satisfies(v -> {
      assertThat(v.elementId()).isEqualTo("Task_Run");
      assertThat(v.where()).isEqualTo("camunda:expression");
      assertThat(v.reason()).contains("not a bean open to models");
    });
  }

  @Test
  void aDelegateExpressionNamingAnotherBeanIsRefused() {
    var violations = check(rule, process("""
        <bpmn:userTask id="Task_Review">
          <bpmn:extensionElements>
            <camunda:taskListener event="create" delegateExpression="${modelDeployment}" />
          </bpmn:extensionElements>
        </bpmn:userTask>"""));

    assertThat(violations).singleElement().satisfies(v -> {
      assertThat(v.elementId()).isEqualTo("Task_Review");
      assertThat(v.where()).isEqualTo("camunda:taskListener/@delegateExpression");
      assertThat(v.reason()).contains("'modelDeployment' is not a bean open to models");
    });
  }
}
