package org.communitylifecycle.modelcheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.TreeBuilderException;

/**
 * What a task or listener runs is a bean open to models: {@code camunda:delegateExpression} (and
 * {@code camunda:variableMappingDelegateExpression}) names one, {@code ${opsRequests}}, and
 * {@code camunda:expression} calls one of its methods, {@code ${opsRequests.record(execution)}}.
 * A delegate expression that names a variable or another Spring bean would run whatever object it
 * finds there.
 */
public final class DelegatesAreOpenBeans implements ModelRule {

  private static final Set<String> LISTENERS = Set.of("executionListener", "taskListener");

  private final Set<String> openBeans;

  /** @param openBeans the names of the beans open to models, {@link OpenBeans#NAMES} in the app */
  public DelegatesAreOpenBeans(Set<String> openBeans) {
    this.openBeans = openBeans;
  }

  @Override
  public List<Violation> check(Model model) {
    List<Violation> violations = new ArrayList<>();
    for (ModelElement element : model.elements()) {
      for (String setting : List.of("delegateExpression", "variableMappingDelegateExpression")) {
        check(element, setting, Expressions::identifier, "${opsRequests}", violations);
      }
      // camunda:field and camunda:in have their own 'expression' settings: values, not what runs.
      if (!element.isCamundaElement() || LISTENERS.contains(element.localName())) {
        check(element, "expression", Expressions::calledIdentifier, "${opsRequests.record(execution)}", violations);
      }
    }
    return violations;
  }

  private void check(ModelElement element, String setting, Function<Node, String> bean,
      String example, List<Violation> violations) {
    String text = element.camundaAttribute(setting);
    if (text == null) {
      return;
    }
    String where = element.describe(element.camundaAttributeName(setting));
    String name;
    try {
      name = bean.apply(Expressions.parse(text));
    } catch (TreeBuilderException e) {
      name = null;
    }
    if (name == null) {
      violations.add(Violation.at(element, where,
          "'" + text + "' is not a bean open to models; write it as " + example));
    } else if (!openBeans.contains(name)) {
      violations.add(Violation.at(element, where,
          "'" + name + "' is not a bean open to models (the list is in OpenBeans); write it as " + example));
    }
  }
}
