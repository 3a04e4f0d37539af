package org.communitylifecycle.modelcheck;

import java.util.ArrayList;
import java.util.List;
import javax.xml.namespace.QName;

/**
 * Every executable process and every decision says how long its history is kept
 * ({@code camunda:historyTimeToLive}, such as {@code P365D} or {@code 365}): the engine enforces it
 * ({@code enforceHistoryTimeToLive}), and says so after reading the whole model; this names the element.
 */
final class ProcessesHaveHistoryTimeToLive implements ModelRule {

  @Override
  public List<Violation> check(Model model) {
    List<Violation> violations = new ArrayList<>();
    String definition = model.kind() == Model.Kind.BPMN ? "process" : "decision";
    for (ModelElement element : model.elements()) {
      if (element.isCamundaElement() || !element.localName().equals(definition)) {
        continue;
      }
      if (model.kind() == Model.Kind.BPMN && "false".equals(element.attributes().get(new QName("isExecutable")))) {
        continue;
      }
      String ttl = element.camundaAttribute("historyTimeToLive");
      if (ttl == null || ttl.isBlank()) {
        violations.add(Violation.at(element, "camunda:historyTimeToLive", "every " + (model.kind() == Model.Kind.BPMN
            ? "executable process" : "decision") + " says how long its history is kept, such as P365D"));
      }
    }
    return violations;
  }
}
