package org.communitylifecycle.modelcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.communitylifecycle.modelcheck.TestModels.check;
import static org.communitylifecycle.modelcheck.TestModels.process;

import org.junit.jupiter.api.Test;

class NoScriptsTest {

  private final NoScripts rule = new NoScripts();

  @Test
  void aScriptTaskIsRefused() {
    var violations = check(rule, process("""
        <bpmn:scriptTask id="Task_Script" scriptFormat="javascript">
          <bpmn:script>java.lang.Runtime.getRuntime().exec('id')</bpmn:script>
        </bpmn:scriptTask>"""));

    assertThat(violations).extracting(Violation::elementId).containsOnly("Task_Script");
    assertThat(violations).extracting(Violation::where).contains("scriptTask");
  }

  @Test
  void aScriptInAListenerOrMappingIsRefusedUnderItsElement() {
    var violations = check(rule, process("""
        <bpmn:userTask id="Task_Review">
          <bpmn:extensionElements>
            <camunda:taskListener event="create">
              <camunda:script scriptFormat="groovy">println 'hi'</camunda:script>
            </camunda:taskListener>
            <camunda:inputOutput>
              <camunda:inputParameter name="x"><camunda:script scriptFormat="groovy" resource="deployment://x.groovy" /></camunda:inputParameter>
            </camunda:inputOutput>
          </bpmn:extensionElements>
        </bpmn:userTask>"""));

    assertThat(violations).hasSize(2).allSatisfy(v -> {
      assertThat(v.elementId()).isEqualTo("Task_Review");
      assertThat(v.where()).isEqualTo("camunda:script");
    });
  }

  @Test
  void aScriptResourceAndAScriptConditionAreRefused() {
    var violations = check(rule, process("""
        <bpmn:scriptTask id="Task_Resource" scriptFormat="groovy" camunda:resource="classpath://run.groovy" />
        <bpmn:sequenceFlow id="Flow_Script" sourceRef="a" targetRef="b">
          <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" language="javascript">true</bpmn:conditionExpression>
        </bpmn:sequenceFlow>"""));

    assertThat(violations).extracting(Violation::elementId).containsExactly("Task_Resource", "Flow_Script");
    assertThat(violations.get(1).reason()).contains("javascript");
  }

  @Test
  void dmnInFeelOrJuelIsAcceptedAndInAScriptLanguageRefused() {
    String dmn = """
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d" name="d" namespace="test">
          <decision id="Decision_Step">
            <decisionTable id="Table_Step">
              <input id="Input_Score"><inputExpression id="Expr_Score" typeRef="integer" expressionLanguage="%s"><text>score</text></inputExpression></input>
              <output id="Output_Step" name="step" typeRef="string" />
            </decisionTable>
          </decision>
        </definitions>""";

    assertThat(check(rule, "d.dmn", dmn.formatted("feel"))).isEmpty();
    assertThat(check(rule, "d.dmn", dmn.formatted("juel"))).isEmpty();
    assertThat(check(rule, "d.dmn", dmn.formatted("groovy"))).extracting(Violation::elementId).containsExactly("Expr_Score");
  }

  @Test
  void aModelWithoutScriptsPasses() {
    assertThat(check(rule, process("""
        <bpmn:sequenceFlow id="Flow_Ok" sourceRef="a" targetRef="b">
          <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${entryStage == 'pre-work'}</bpmn:conditionExpression>
        </bpmn:sequenceFlow>"""))).isEmpty();
  }
}
