package org.communitylifecycle.modelcheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
// The engine's own business calendars read timers as the engine will; they have no public API.
import org.camunda.bpm.engine.impl.calendar.BusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;

/**
 * A timer's literal must be one the engine can schedule: {@code timeDuration} an ISO-8601
 * duration ({@code P14D}, {@code PT36H}), {@code timeDate} an ISO-8601 date-time
 * ({@code 2026-03-01T09:00:00}) or duration, {@code timeCycle} a repetition ({@code R/P1M},
 * {@code R3/PT10M}) or a cron expression ({@code 0 0 9 * * ?}). Otherwise the model deploys and
 * fails each time the timer is reached: a milestone whose stall timer reads {@code P14X} made every
 * later community start answer 500. Each literal is read with the engine's own business calendar.
 * An expression ({@code ${stallPeriod}}) is resolved at run time; {@link ExpressionsCallOnlyOpenBeans}
 * checks it.
 */
final class TimersAreValid implements ModelRule {

  private record Kind(BusinessCalendar calendar, String expected) {}

  private static final Map<String, Kind> TIMERS = Map.of(
      "timeDuration", new Kind(new DurationBusinessCalendar(),
          "an ISO-8601 duration such as P14D or PT36H, or an expression such as ${stallPeriod}"),
      "timeDate", new Kind(new DueDateBusinessCalendar(),
          "an ISO-8601 date-time such as 2026-03-01T09:00:00 (or a duration such as P14D), or an expression such as ${dueAt}"),
      "timeCycle", new Kind(new CycleBusinessCalendar(),
          "an ISO-8601 repetition such as R/P1M or R3/PT10M, a cron expression such as 0 0 9 * * ?,"
              + " or an expression such as ${checkInCycle}"));

  @Override
  public List<Violation> check(Model model) {
    List<Violation> violations = new ArrayList<>();
    if (model.kind() != Model.Kind.BPMN) {
      return violations;
    }
    for (ModelElement element : model.elements()) {
      Kind kind = TIMERS.get(element.localName());
      if (kind == null || element.isCamundaElement()) {
        continue;
      }
      String text = element.text();
      if (Expressions.isExpression(text)) {
        continue;
      }
      if (!valid(kind.calendar(), text)) {
        violations.add(Violation.at(element, "bpmn:" + element.localName(),
            "'" + text + "' is no timer the engine can schedule; expected " + kind.expected()));
      }
    }
    return violations;
  }

  private static boolean valid(BusinessCalendar calendar, String text) {
    if (text.isEmpty()) {
      return false;
    }
    try {
      return calendar.resolveDuedate(text) != null;
    } catch (RuntimeException e) {
      return false;
    }
  }
}
