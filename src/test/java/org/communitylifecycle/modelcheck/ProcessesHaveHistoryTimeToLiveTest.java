package org.communitylifecycle.modelcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.communitylifecycle.modelcheck.TestModels.check;
import static org.communitylifecycle.modelcheck.TestModels.process;

import org.junit.jupiter.api.Test;

class ProcessesHaveHistoryTimeToLiveTest {

  private final ProcessesHaveHistoryTimeToLive rule = new ProcessesHaveHistoryTimeToLive();

  @Test
  void aProcessWithATimeToLivePasses() {
    assertThat(check(rule, process("<bpmn:task id=\"Task_A\" />"))).isEmpty();
  }

  @Test
  void anExecutableProcessWithoutIsRefused() {
    assertThat(check(rule, process("<bpmn:task id=\"Task_A\" />").replace(" camunda:historyTimeToLive=\"P1D\"", "")))
        .singleElement().satisfies(v -> {
          assertThat(v.elementId()).isEqualTo("test-process");
          assertThat(v.where()).isEqualTo("camunda:historyTimeToLive");
        });
  }

  @Test
  void aNonExecutableProcessIsNotChecked() {
    assertThat(check(rule, process("<bpmn:task id=\"Task_A\" />").replace(" camunda:historyTimeToLive=\"P1D\"", "")
        .replace("isExecutable=\"true\"", "isExecutable=\"false\""))).isEmpty();
  }

  @Test
  void aDecisionWithoutIsRefused() {
    String dmn = """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="Definitions_Test" name="Test" namespace="test">
          <decision id="test-decision" name="Test">
            <literalExpression id="Literal_1"><text>1</text></literalExpression>
          </decision>
        </definitions>
        """;
    assertThat(check(rule, "test.dmn", dmn)).extracting(Violation::elementId).containsExactly("test-decision");
  }
}
