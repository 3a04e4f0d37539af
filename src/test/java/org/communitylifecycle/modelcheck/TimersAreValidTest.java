package org.communitylifecycle.modelcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.communitylifecycle.modelcheck.TestModels.check;
import static org.communitylifecycle.modelcheck.TestModels.process;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimersAreValidTest {

  private final TimersAreValid rule = new TimersAreValid();

  private static String timer(String kind, String text) {
    return process("""
        <bpmn:userTask id="Task_Wait" camunda:candidateGroups="community-leads" />
        <bpmn:boundaryEvent id="Timer_Stalled" attachedToRef="Task_Wait">
          <bpmn:timerEventDefinition id="TimerDef_Stalled">
            <bpmn:%1$s xsi:type="bpmn:tFormalExpression">%2$s</bpmn:%1$s>
          </bpmn:timerEventDefinition>
        </bpmn:boundaryEvent>""".formatted(kind, text));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "timeDuration | P14D", "timeDuration | PT36H", "timeDuration | P1DT12H", "timeDuration | ${stallPeriod}",
      "timeDate | 2026-03-01T09:00:00", "timeDate | 2026-03-01T09:00:00Z", "timeDate | ${dueAt}",
      "timeCycle | R/P1M", "timeCycle | R3/PT10M", "timeCycle | 0 0 9 * * ?", "timeCycle | #{checkInCycle}"})
  void validTimersPass(String kind, String text) {
    assertThat(check(rule, timer(kind, text))).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "timeDuration | P14X", "timeDuration | 14 days", "timeDate | next monday", "timeDate | 2026-13-45",
      "timeCycle | every week", "timeCycle | R/P1X"})
  void invalidTimersAreRefusedNamingTextAndWhatIsExpected(String kind, String text) {
    assertThat(check(rule, timer(kind, text))).singleElement().satisfies(v -> {
      assertThat(v.elementId()).isEqualTo("TimerDef_Stalled");
      assertThat(v.where()).isEqualTo("bpmn:" + kind);
      assertThat(v.reason()).contains("'" + text + "'", "expected", "ISO-8601");
    });
  }
}
