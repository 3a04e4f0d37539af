package org.communitylifecycle.modelcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.communitylifecycle.modelcheck.TestModels.check;
import static org.communitylifecycle.modelcheck.TestModels.process;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ExpressionsCallOnlyOpenBeansTest {

  private final ExpressionsCallOnlyOpenBeans rule = new ExpressionsCallOnlyOpenBeans(TestModels.OPEN_BEANS);

  /** The expression as the text of a sequence flow's condition. */
  private List<Violation> condition(String expression) {
    return check(rule, process("""
        <bpmn:sequenceFlow id="Flow_Checked" sourceRef="a" targetRef="b">
          <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression"><![CDATA[%s]]></bpmn:conditionExpression>
        </bpmn:sequenceFlow>""".formatted(expression)));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "${entryStage == 'pre-work'}",
      "${currentStandupWeek > standupWeek && !empty liaison}",
      "${contactableAlumni == 0 ? 'none' : 'some'}",
      "${nextStandupAt.before(cohortEndsAt)}",
      "${decisionResult.getSingleResult().getEntry('stepReached')}",
      "${decisionResult.getSingleResult().exitCriteriaMet}",
      "#{execution.processBusinessKey}",
      "${opsRequests.record(execution)}",
      "${alumniCohorts.name(task)}",
      "${milestoneSetup.dueAfter(reviewStallPeriod)}",
      "Review ${communityName} by ${now()}",
      "plain text, no expression"})
  void readingVariablesAndCallingOpenBeansPasses(String expression) {
    assertThat(condition(expression)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "${execution.processEngineServices.identityService.createMembership('carol','camunda-admin')} | uses processEngineServices of 'execution', the engine's own object",
      "${execution.getProcessEngineServices().getIdentityService()}                                | uses getProcessEngineServices() of 'execution'",
      "${execution.getProcessEngine().getIdentityService()}                                        | uses getProcessEngine() of 'execution'",
      "${task.execution.processEngine}                                                             | uses execution of 'task', the engine's own object",
      "${''.getClass().forName('java.lang.Runtime')}                                               | getClass() reaches Java itself",
      "${opsRequests.getClass()}                                                                   | getClass() reaches Java itself",
      "${opsRequests.removeAdvisor(0)}                                                             | removeAdvisor() reaches Java itself or a bean's proxy",
      "${opsRequests.getTargetSource()}                                                            | getTargetSource() reaches Java itself or a bean's proxy",
      "${communityName.class.classLoader}                                                          | .class reaches Java itself",
      "${identityService.createMembership('carol','camunda-admin')}                                | 'identityService', which is not a bean open to models",
      "${communityName.toUpperCase()}                                                              | calls toUpperCase() on 'communityName'",
      "${opsRequests.record(execution.getProcessEngine())}                                         | uses getProcessEngine() of 'execution'",
      "${nextStandupAt.before(execution.getProcessEngine())}                                       | uses getProcessEngine() of 'execution'",
      "${decisionResult.getSingleResult().getEntry('x').getClass()}                                | getClass() reaches Java itself",
      "${opsRequests.record(execution).wait()}                                                     | wait() reaches Java itself",
      "${opsRequests.repository}                                                                   | reads repository of the bean 'opsRequests', which is open to models for its methods only",
      "${execution['processEngine']}                                                               | indexing with [...]",
      "${fn:forName('java.lang.Runtime')}                                                          | the function fn:forName() is not open to models",
      "${T(java.lang.Runtime).getRuntime()}                                                        | the function T() is not open to models",
      "${currentUserCommunityTeams()}                                                              | the function currentUserCommunityTeams() is not open to models",
      "${communityName.}                                                                          | not an expression the engine can read"})
  void reachingJavaOrTheEngineIsRefused(String expression, String reason) {
    assertThat(condition(expression)).singleElement().satisfies(v -> {
      assertThat(v.elementId()).isEqualTo("Flow_Checked");
      assertThat(v.where()).isEqualTo("conditionExpression");
      assertThat(v.reason()).contains(reason);
    });
  }

  @Test
  void expressionsAreFoundInEveryAttributeAndText() {
    var violations = check(rule, process("""
        <bpmn:userTask id="Task_Review" camunda:assignee="${execution.getProcessEngine().name}">
          <bpmn:documentation>${execution.getProcessEngine()}</bpmn:documentation>
          <bpmn:extensionElements>
            <camunda:inputOutput>
              <camunda:inputParameter name="x">${execution.getProcessEngine()}</camunda:inputParameter>
            </camunda:inputOutput>
          </bpmn:extensionElements>
        </bpmn:userTask>
        <bpmn:intermediateCatchEvent id="Timer_Wait">
          <bpmn:timerEventDefinition id="TimerDef_Wait">
            <bpmn:timeDuration xsi:type="bpmn:tFormalExpression">${dueDate.toString()}</bpmn:timeDuration>
          </bpmn:timerEventDefinition>
        </bpmn:intermediateCatchEvent>"""));

    assertThat(violations).extracting(Violation::elementId, Violation::where).containsExactly(
        tuple("Task_Review", "camunda:assignee"),
        tuple("Task_Review", "documentation"),
        tuple("Task_Review", "camunda:inputParameter"),
        tuple("TimerDef_Wait", "timeDuration"));
  }
}
