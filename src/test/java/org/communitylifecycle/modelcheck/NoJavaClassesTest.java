package org.communitylifecycle.modelcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.communitylifecycle.modelcheck.TestModels.check;
import static org.communitylifecycle.modelcheck.TestModels.process;

import org.junit.jupiter.api.Test;

class NoJavaClassesTest {

  private final NoJavaClasses rule = new NoJavaClasses();

  @Test
  void aServiceTaskClassIsRefused() {
    var violations = check(rule, process("<bpmn:serviceTask id=\"Task_Java\" camunda:class=\"com.example.Evil\" />"));

    assertThat(violations).singleElement().satisfies(v -> {
      assertThat(v.elementId()).isEqualTo("Task_Java");
      assertThat(v.where()).isEqualTo("camunda:class");
      assertThat(v.reason()).contains("com.example.Evil");
    });
  }

  @Test
  void aListenerClassIsRefusedUnderItsElement() {
    var violations = check(rule, process("""
        <bpmn:userTask id="Task_Review">
          <bpmn:extensionElements>
            <camunda:executionListener event="start" class="com.example.Evil" />
          </bpmn:extensionElements>
        </bpmn:userTask>"""));

    assertThat(violations).singleElement().satisfies(v -> {
      assertThat(v.elementId()).isEqualTo("Task_Review");
      assertThat(v.where()).isEqualTo("camunda:executionListener/@class");
    });
  }

  @Test
  void aVariableMappingClassIsRefused() {
    assertThat(check(rule, process(
        "<bpmn:callActivity id=\"Call_Sub\" calledElement=\"sub\" camunda:variableMappingClass=\"com.example.Evil\" />")))
        .extracting(Violation::where).containsExactly("camunda:variableMappingClass");
  }

  @Test
  void theActivitiNamespaceTheEngineStillReadsIsNoWayRound() {
    String bpmn = process("<bpmn:serviceTask id=\"Task_Java\" activiti:class=\"com.example.Evil\" />")
        .replace("<bpmn:definitions ", "<bpmn:definitions xmlns:activiti=\"http://activiti.org/bpmn\" ");

    assertThat(check(rule, bpmn)).extracting(Violation::elementId).containsExactly("Task_Java");
  }

  @Test
  void beansByExpressionPass() {
    assertThat(check(rule, TestModels.serviceTask("${opsRequests.record(execution)}"))).isEmpty();
  }
}
