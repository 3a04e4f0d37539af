package org.communitylifecycle.modelcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ModelCheckTest {

  private final ModelCheck check = ModelCheck.standard();

  @Test
  void everyRuleReportsInTheOrderOfTheFile() {
    String bpmn = TestModels.process("""
        <bpmn:serviceTask id="Task_Java" camunda:class="com.example.Evil" />
        <bpmn:scriptTask id="Task_Script" scriptFormat="groovy"><bpmn:script>1</bpmn:script></bpmn:scriptTask>""");

    assertThat(check.check("evil.bpmn", bpmn.getBytes(StandardCharsets.UTF_8)))
        .extracting(Violation::elementId).containsExactly("Task_Java", "Task_Script", "Task_Script");
  }

  @Test
  void onlyModelsAndFormsMayBeDeployed() {
    assertThat(check.check("forms/x.form", "{\"id\": \"x\", \"components\": []}".getBytes(StandardCharsets.UTF_8)))
        .isEmpty();
    assertThat(check.check("steal.html", "<script>fetch('/engine-rest')</script>".getBytes(StandardCharsets.UTF_8)))
        .singleElement().extracting(Violation::reason).asString().contains("only BPMN");
  }

  @Test
  void aFileThatIsNotXmlIsRefusedWithItsLine() {
    assertThat(check.check("cut.bpmn", "<?xml version=\"1.0\"?>\n<bpmn:definitions".getBytes(StandardCharsets.UTF_8)))
        .singleElement().satisfies(v -> assertThat(v.reason()).contains("not well-formed XML"));
  }

  @Test
  void xmlFaultsCarryLineAndColumn() {
    assertThat(check.check("bad.bpmn", "<?xml version=\"1.0\"?>\n<a>\n  <b></c>\n</a>".getBytes(StandardCharsets.UTF_8)))
        .singleElement().satisfies(v -> {
          assertThat(v.line()).isEqualTo(3);
          assertThat(v.column()).isPositive();
        });
  }

  @Test
  void aFormReferencedFromAnotherFileOfTheDeploymentResolves() {
    byte[] bpmn = TestModels.process(
        "<bpmn:userTask id=\"Task_Review\" camunda:formRef=\"review\" camunda:formRefBinding=\"deployment\""
            + " camunda:candidateGroups=\"community-leads\" />").getBytes(StandardCharsets.UTF_8);
    byte[] form = "{\"id\": \"review\", \"components\": []}".getBytes(StandardCharsets.UTF_8);

    assertThat(check.check(java.util.Map.of("review.bpmn", bpmn, "review.form", form), DeployedDefinitions.NONE)).isEmpty();
    assertThat(check.check(java.util.Map.of("review.bpmn", bpmn), DeployedDefinitions.NONE))
        .containsOnlyKeys("review.bpmn");
  }
}
