package org.communitylifecycle.modelcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.communitylifecycle.modelcheck.TestModels.check;

import org.junit.jupiter.api.Test;

class DecisionTablesParseTest {

  private final DecisionTablesParse rule = new DecisionTablesParse();

  private static String table(String inputExpression, String inputEntry, String outputEntry) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:camunda="http://camunda.org/schema/1.0/dmn"
            id="Definitions_Test" name="Test" namespace="test">
          <decision id="test-decision" name="Test" camunda:historyTimeToLive="P1D">
            <decisionTable id="DecisionTable_Test">
              <input id="Input_Size">
                <inputExpression id="Input_SizeExpression" typeRef="long"><text>%s</text></inputExpression>
              </input>
              <output id="Output_Met" name="met" typeRef="boolean" />
              <rule id="Rule_Big">
                <inputEntry id="Entry_Big"><text>%s</text></inputEntry>
                <outputEntry id="Out_Big"><text>%s</text></outputEntry>
              </rule>
            </decisionTable>
          </decision>
        </definitions>
        """.formatted(inputExpression, inputEntry, outputEntry);
  }

  @Test
  void feelThatParsesPasses() {
    assertThat(check(rule, "test.dmn", table("activeContributors", "&gt;= 20", "true"))).isEmpty();
    assertThat(check(rule, "test.dmn", table("stage", "\"starting\",\"scaling\"", "size &gt; 3 and true"))).isEmpty();
    assertThat(check(rule, "test.dmn", table("stage", "-", "null"))).isEmpty();
  }

  @Test
  void aBrokenInputEntryIsRefused() {
    assertThat(check(rule, "test.dmn", table("activeContributors", "&gt;= = 20", "true"))).singleElement().satisfies(v -> {
      assertThat(v.elementId()).isEqualTo("Entry_Big");
      assertThat(v.where()).isEqualTo("inputEntry");
      assertThat(v.reason()).contains("'>= = 20' is not valid FEEL", "unary tests");
    });
  }

  @Test
  void aBrokenOutputEntryOrInputExpressionIsRefused() {
    assertThat(check(rule, "test.dmn", table("active Contributors ((", "&gt; 1", "true and")))
        .extracting(Violation::elementId).containsExactly("Input_SizeExpression", "Out_Big");
  }

  @Test
  void juelIsLeftToTheSafetyRule() {
    String juel = table("${size}", "&gt; 1", "true").replace("<inputExpression id=\"Input_SizeExpression\"",
        "<inputExpression id=\"Input_SizeExpression\" expressionLanguage=\"juel\"");
    assertThat(check(rule, "test.dmn", juel)).isEmpty();
  }
}
