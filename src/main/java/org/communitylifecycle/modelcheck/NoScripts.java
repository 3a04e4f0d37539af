package org.communitylifecycle.modelcheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.xml.namespace.QName;

/**
 * No scripts: script tasks, {@code camunda:script} in listeners, input/output mappings and
 * conditions, script resources ({@code camunda:resource}), conditions in a script language, and
 * DMN expressions in any language but FEEL and JUEL. A script is code the engine runs with the
 * app's rights, and this rule is what keeps a deployment from being a way to run it.
 */
final class NoScripts implements ModelRule {

  /** FEEL, the DMN default, names no Java; JUEL is checked by {@link ExpressionsCallOnlyOpenBeans}. */
  private static final Set<String> DMN_LANGUAGES = Set.of(
      "feel", "juel",
      "https://www.omg.org/spec/dmn/20191111/feel", "http://www.omg.org/spec/dmn/20180521/feel/",
      "http://www.omg.org/spec/feel/20140401");
  private static final QName LANGUAGE = new QName("language");
  private static final QName EXPRESSION_LANGUAGE = new QName("expressionLanguage");

  @Override
  public List<Violation> check(Model model) {
    List<Violation> violations = new ArrayList<>();
    for (ModelElement element : model.elements()) {
      String name = element.localName();
      if (name.equals("scriptTask") || name.equals("script")) {
        violations.add(Violation.at(element, element.describe(null),
            "scripts are not run from models; call a bean open to models with camunda:expression instead"));
      } else if (element.camundaAttribute("resource") != null) {
        violations.add(Violation.at(element, element.describe(element.camundaAttributeName("resource")),
            "script resources are not run from models"));
      } else if (element.attributes().containsKey(LANGUAGE) && model.kind() == Model.Kind.BPMN) {
        violations.add(Violation.at(element, element.describe(LANGUAGE),
            "an expression in the script language '" + element.attributes().get(LANGUAGE)
                + "' is a script; write it as ${...} without a language"));
      } else if (model.kind() == Model.Kind.DMN && element.attributes().containsKey(EXPRESSION_LANGUAGE)
          && !DMN_LANGUAGES.contains(element.attributes().get(EXPRESSION_LANGUAGE).toLowerCase(Locale.ROOT))) {
        violations.add(Violation.at(element, element.describe(EXPRESSION_LANGUAGE),
            "'" + element.attributes().get(EXPRESSION_LANGUAGE) + "' is a script language; write the expression in FEEL"));
      }
    }
    return violations;
  }
}
