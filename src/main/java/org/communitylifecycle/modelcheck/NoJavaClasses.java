package org.communitylifecycle.modelcheck;

import java.util.ArrayList;
import java.util.List;

/**
 * No Java class names: {@code camunda:class} on service tasks and listeners, and
 * {@code camunda:variableMappingClass} on call activities. The engine would load and run any
 * class on the app's classpath; a model calls a bean open to models instead, by
 * {@code camunda:expression} or {@code camunda:delegateExpression}.
 */
final class NoJavaClasses implements ModelRule {

  private static final List<String> CLASS_SETTINGS = List.of("class", "variableMappingClass");

  @Override
  public List<Violation> check(Model model) {
    List<Violation> violations = new ArrayList<>();
    for (ModelElement element : model.elements()) {
      for (String setting : CLASS_SETTINGS) {
        String className = element.camundaAttribute(setting);
        if (className != null) {
          violations.add(Violation.at(element, element.describe(element.camundaAttributeName(setting)),
              "the Java class '" + className + "' cannot be run from a model; call a bean open to models instead"));
        }
      }
    }
    return violations;
  }
}
