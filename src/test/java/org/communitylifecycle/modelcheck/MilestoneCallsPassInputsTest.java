package org.communitylifecycle.modelcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.communitylifecycle.modelcheck.TestModels.check;
import static org.communitylifecycle.modelcheck.TestModels.process;

import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MilestoneCallsPassInputsTest {

  private final MilestoneCallsPassInputs rule = new MilestoneCallsPassInputs();

  private static String call(String calledElement, String without) {
    String ins = MilestoneCallsPassInputs.REQUIRED.stream().filter(input -> !input.equals(without))
        .map(input -> "<camunda:in source=\"" + input + "\" target=\"" + input + "\" />")
        .collect(Collectors.joining("\n"));
    return process("""
        <bpmn:callActivity id="Call_Milestone" calledElement="%s">
          <bpmn:extensionElements>
            <camunda:in businessKey="#{execution.processBusinessKey}" />
            %s
          </bpmn:extensionElements>
        </bpmn:callActivity>""".formatted(calledElement, ins));
  }

  @Test
  void aCallPassingEveryInputPasses() {
    assertThat(check(rule, call("milestone", ""))).isEmpty();
  }

  @Test
  void aCallWithoutTheSupportRoleIsRefused() {
    assertThat(check(rule, call("milestone", "supportGroup"))).singleElement().satisfies(v -> {
      assertThat(v.elementId()).isEqualTo("Call_Milestone");
      assertThat(v.where()).isEqualTo("camunda:in");
      assertThat(v.reason()).contains("does not pass supportGroup");
    });
  }

  @Test
  void aCallThroughTheMilestoneCallMappingGetsTheTeamFromIt() {
    String model = call("milestone", "supportGroup").replace("calledElement=\"milestone\"",
        "calledElement=\"milestone\" camunda:variableMappingDelegateExpression=\"${milestoneCall}\"");
    assertThat(check(rule, model)).isEmpty();
    assertThat(check(rule, model.replace("target=\"deliverable\"", "target=\"other\""))).singleElement()
        .satisfies(v -> assertThat(v.reason()).contains("does not pass deliverable"));
  }

  @Test
  void otherCallsAndCallsPassingAllVariablesAreNotChecked() {
    assertThat(check(rule, call("starting", "supportGroup"))).isEmpty();
    assertThat(check(rule, call("milestone", "supportGroup")
        .replace("<camunda:in businessKey", "<camunda:in variables=\"all\" /><camunda:in businessKey"))).isEmpty();
  }
}
