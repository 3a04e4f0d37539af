package org.communitylifecycle.modelcheck;

import java.util.Comparator;
import java.util.List;
import javax.xml.stream.XMLStreamException;

/** The rules in force, applied to one file of a deployment. */
public final class ModelCheck {

  private final List<ModelRule> rules;

  public ModelCheck(List<ModelRule> rules) {
    this.rules = List.copyOf(rules);
  }

  /** The rules every deployment is held to; add a rule here. */
  public static ModelCheck standard() {
    return new ModelCheck(List.of(
        new NoScripts(),
        new NoJavaClasses(),
        new NoConnectors(),
        new DelegatesAreOpenBeans(OpenBeans.NAMES),
        new ExpressionsCallOnlyOpenBeans(OpenBeans.NAMES)));
  }

  /**
   * Where the file breaks a rule, in the order of the file; empty when it may be deployed.
   *
   * @param resource the file's name in the deployment, whose ending says what it is
   */
  public List<Violation> check(String resource, byte[] content) {
    if (resource.endsWith(".form")) {
      // Camunda Forms are JSON that Tasklist renders; their expressions run in the browser, never on the server.
      return List.of();
    }
    Model.Kind kind = Model.Kind.of(resource);
    if (kind == null) {
      return List.of(new Violation("", "the file", "only BPMN (.bpmn), DMN (.dmn) and Camunda Forms (.form)"
          + " may be deployed; other files (scripts, HTML forms, CMMN) could carry code", 0));
    }
    Model model;
    try {
      model = ModelReader.read(resource, kind, content);
    } catch (XMLStreamException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
      return List.of(new Violation("", "the file", "is not well-formed XML: " + e.getMessage(), line));
    }
    return rules.stream()
        .flatMap(rule -> rule.check(model).stream())
        .sorted(Comparator.comparingInt(Violation::line))
        .toList();
  }
}
