package org.communitylifecycle.modelcheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
final class DelegatesAreOpenBeans implements ModelRule {

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
        violation(element, setting, Expressions::identifier, "${opsRequests}").ifPresent(violations::add);
      }
      // camunda:field and camunda:errorEventDefinition have 'expression' settings of their own:
      // values and conditions, not what runs; ExpressionsCallOnlyOpenBeans checks them.
      if (!element.isCamundaElement() || LISTENERS.contains(element.localName())) {
        violation(element, "expression", Expressions::calledIdentifier, "${opsRequests.record(execution)}")
            .ifPresent(violations::add);
      }
    }
    return violations;
  }

  /**
   * @param bean the bean the setting's expression names or calls, null when it names or calls none
   * @param example the setting written as it should be
   */
  private Optional<Violation> violation(ModelElement element, String setting, Function<Node, String> bean,
      String example) {
    String text = element.camundaAttribute(setting);
    if (text == null) {
      return Optional.empty();
    }
    String where = element.describe(element.camundaAttributeName(setting));
    String name;
    try {
      name = bean.apply(Expressions.parse(text));
    } catch (TreeBuilderException e) {
      name = null;
    }
    if (name == null) {
      return Optional.of(Violation.at(element, where,
          "'" + text + "' is not a bean open to models; write it as " + example));
    }
    if (!openBeans.contains(name)) {
      return Optional.of(Violation.at(element, where,
          "'" + name + "' is not a bean open to models (the list is in OpenBeans); write it as " + example));
    }
    return Optional.empty();
  }
}
