package org.communitylifecycle.modelcheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.namespace.QName;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstEval;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.TreeBuilderException;

/**
 * The expressions of a model, read as the engine reads them: with the engine's own JUEL parser,
 * method invocations enabled.
 */
final class Expressions {

  private static final Builder PARSER = new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS);

  private Expressions() {}

  /**
   * A text in the model that the engine may evaluate.
   *
   * @param where the attribute, or the element when the expression is its text
   */
  record Found(ModelElement element, String where, String text) {

    Violation violation(String reason) {
      return Violation.at(element, where, shortened(text) + ": " + reason);
    }
  }

  /**
   * Every attribute value and element text holding {@code ${} or {@code #{}. Anything else is
   * literal text to JUEL, so this finds every expression without knowing which attributes the
   * engine evaluates (conditions, timers, assignees, mappings, documentation, message names...).
   */
  static List<Found> in(Model model) {
    List<Found> found = new ArrayList<>();
    for (ModelElement element : model.elements()) {
      for (Map.Entry<QName, String> attribute : element.attributes().entrySet()) {
        if (isExpression(attribute.getValue())) {
          found.add(new Found(element, element.describe(attribute.getKey()), attribute.getValue()));
        }
      }
      if (isExpression(element.text())) {
        found.add(new Found(element, element.describe(null), element.text()));
      }
    }
    return found;
  }

  static boolean isExpression(String text) {
    return text != null && (text.contains("${") || text.contains("#{"));
  }

  /** The expression's syntax tree; fails with the parser's message on what the engine could not read. */
  static Node parse(String text) throws TreeBuilderException {
    return PARSER.build(text).getRoot();
  }

  /** The name {@code a} of {@code ${a}}, or null when the text is anything else. */
  static String identifier(Node root) {
    return onlyEval(root) instanceof AstIdentifier identifier ? identifier.getName() : null;
  }

  /** The base {@code a} of {@code ${a.m(...)}}, or null when the text is anything else. */
  static String calledIdentifier(Node root) {
    return onlyEval(root) instanceof AstMethod method && method.getChild(0) instanceof AstDot dot
        && dot.getChild(0) instanceof AstIdentifier base ? base.getName() : null;
  }

  /** The name {@code b} of {@code a.b}; JUEL keeps it to itself but prints it as ". b". */
  static String propertyName(AstDot dot) {
    return dot.toString().substring(2);
  }

  private static Node onlyEval(Node root) {
    return root instanceof AstEval eval ? eval.getChild(0) : null;
  }

  private static String shortened(String text) {
    return text.length() <= 120 ? text : text.substring(0, 117) + "...";
  }
}
