package org.communitylifecycle.modelcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.communitylifecycle.modelcheck.TestModels.process;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLStreamException;
import org.communitylifecycle.modelcheck.DeployedDefinitions.Kind;
import org.junit.jupiter.api.Test;

class ReferencesResolveTest {

  private final ReferencesResolve rule = new ReferencesResolve();

  /** Deployed: process "sub" versions 1 and 2 (tag "v2"), decision "exit", form "review-deployed". */
  private static final DeployedDefinitions DEPLOYED = (kind, key, version, tag) -> switch (kind) {
    case PROCESS -> key.equals("sub") && (version == null || version <= 2) && (tag == null || tag.equals("v2"));
    case DECISION -> key.equals("exit") && version == null && tag == null;
    case FORM -> key.equals("review-deployed") && version == null;
  };

  private static final DeploymentFiles WITH = new DeploymentFiles(
      Map.of("test-process", "", "sibling", "t1"), Map.of("sibling-decision", ""), Set.of("review"), DEPLOYED);

  private List<Violation> check(String elements) {
    try {
      Model model = ModelReader.read("test.bpmn", Model.Kind.BPMN, process(elements).getBytes(StandardCharsets.UTF_8));
      return rule.check(model, WITH);
    } catch (XMLStreamException e) {
      throw new IllegalArgumentException(e);
    }
  }

  @Test
  void referencesThatResolvePass() {
    assertThat(check("""
        <bpmn:userTask id="Task_A" camunda:formRef="review" camunda:formRefBinding="deployment" />
        <bpmn:userTask id="Task_B" camunda:formRef="review-deployed" />
        <bpmn:userTask id="Task_C" camunda:formRef="${formName}" />
        <bpmn:callActivity id="Call_A" calledElement="sub" />
        <bpmn:callActivity id="Call_B" calledElement="sibling" camunda:calledElementBinding="deployment" />
        <bpmn:callActivity id="Call_C" calledElement="sub" camunda:calledElementBinding="version" camunda:calledElementVersion="2" />
        <bpmn:callActivity id="Call_D" calledElement="sub" camunda:calledElementBinding="versionTag" camunda:calledElementVersionTag="v2" />
        <bpmn:callActivity id="Call_E" calledElement="sibling" camunda:calledElementBinding="versionTag" camunda:calledElementVersionTag="t1" />
        <bpmn:callActivity id="Call_F" calledElement="${which}" />
        <bpmn:businessRuleTask id="Rule_A" camunda:decisionRef="exit" camunda:decisionRefBinding="latest" />
        <bpmn:businessRuleTask id="Rule_B" camunda:decisionRef="sibling-decision" camunda:decisionRefBinding="deployment" />""")).isEmpty();
  }

  @Test
  void aMissingFormIsRefused() {
    assertThat(check("<bpmn:userTask id=\"Task_Review\" camunda:formRef=\"no-such-form\" />"))
        .singleElement().satisfies(v -> {
          assertThat(v.elementId()).isEqualTo("Task_Review");
          assertThat(v.where()).isEqualTo("camunda:formRef");
          assertThat(v.reason()).contains("the form 'no-such-form' is neither in this deployment nor deployed");
        });
  }

  @Test
  void aDeploymentBoundFormMustBeInTheDeploymentEvenWhenDeployedBefore() {
    assertThat(check("<bpmn:userTask id=\"Task_Review\" camunda:formRef=\"review-deployed\" camunda:formRefBinding=\"deployment\" />"))
        .singleElement().extracting(Violation::reason).asString().contains("not in this deployment");
  }

  @Test
  void aMissingProcessOrDecisionIsRefused() {
    assertThat(check("""
        <bpmn:callActivity id="Call_Missing" calledElement="no-such-process" />
        <bpmn:callActivity id="Call_OldVersion" calledElement="sub" camunda:calledElementBinding="version" camunda:calledElementVersion="7" />
        <bpmn:callActivity id="Call_Tag" calledElement="sub" camunda:calledElementBinding="versionTag" camunda:calledElementVersionTag="v9" />
        <bpmn:businessRuleTask id="Rule_Missing" camunda:decisionRef="no-such-decision" />"""))
        .extracting(Violation::elementId, Violation::where)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Call_Missing", "calledElement"),
            org.assertj.core.groups.Tuple.tuple("Call_OldVersion", "calledElement"),
            org.assertj.core.groups.Tuple.tuple("Call_Tag", "calledElement"),
            org.assertj.core.groups.Tuple.tuple("Rule_Missing", "camunda:decisionRef"));
  }

  @Test
  void withoutADeploymentNothingResolves() {
    assertThat(TestModels.check(rule, process("<bpmn:callActivity id=\"Call_Sub\" calledElement=\"sub\" />")))
        .singleElement().extracting(Violation::reason).asString().contains("the process 'sub'");
    assertThat(DEPLOYED.exists(Kind.PROCESS, "sub", null, null)).isTrue();
  }
}
