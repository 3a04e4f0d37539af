package org.communitylifecycle.modelcheck;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.namespace.QName;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.api.ParseResult;

/**
 * Every FEEL text of a DMN file parses: input entries as unary tests ({@code > 10},
 * {@code "starting","scaling"}), input expressions, output entries and literal expressions as
 * expressions. Otherwise the decision deploys and fails each time it is evaluated. The text is
 * parsed, never evaluated, with the FEEL engine the DMN engine uses (feel-scala). A text in
 * another language ({@code expressionLanguage="juel"}) is left to {@link ExpressionsCallOnlyOpenBeans}.
 */
final class DecisionTablesParse implements ModelRule {

  private static final FeelEngineApi FEEL = FeelEngineBuilder.create().build();

  /** Entries read as unary tests; the others of {@link #ENTRIES} as expressions. */
  private static final String INPUT_ENTRY = "inputEntry";

  private static final List<String> ENTRIES = List.of(INPUT_ENTRY, "inputExpression", "outputEntry", "literalExpression");

  @Override
  public List<Violation> check(Model model) {
    List<Violation> violations = new ArrayList<>();
    if (model.kind() != Model.Kind.DMN) {
      return violations;
    }
    String defaultLanguage = null;
    Map<String, ModelElement> entries = new HashMap<>();
    for (ModelElement element : model.elements()) {
      if (element.isCamundaElement()) {
        continue;
      }
      if (element.localName().equals("definitions")) {
        defaultLanguage = element.attributes().get(new QName("expressionLanguage"));
      }
      String id = element.attributes().get(new QName("id"));
      if (id != null && ENTRIES.contains(element.localName())) {
        entries.put(id, element);
      }
    }
    for (ModelElement text : model.elements()) {
      if (text.isCamundaElement() || !text.localName().equals("text") || text.text().isEmpty()) {
        continue;
      }
      ModelElement entry = entries.get(text.ownerId());
      String language = entry == null ? null : entry.attributes().get(new QName("expressionLanguage"));
      if (language == null) {
        language = defaultLanguage;
      }
      if (language != null && !language.toLowerCase(Locale.ROOT).contains("feel")) {
        continue;
      }
      String problem = problem(entry, text.text());
      if (problem != null) {
        String where = entry == null ? "text" : entry.localName();
        violations.add(Violation.at(text, where, "'" + text.text() + "' is not valid FEEL: " + problem
            + (entry == null || entry.localName().equals(INPUT_ENTRY)
                ? "; expected unary tests such as > 10, \"starting\",\"scaling\" or -"
                : "; expected an expression such as activeContributors >= 20")));
      }
    }
    return violations;
  }

  /** What FEEL says of the text, or null when it parses. An entry without an id is read either way. */
  private static String problem(ModelElement entry, String text) {
    if (entry == null) {
      String asTests = failure(FEEL.parseUnaryTests(text));
      return asTests == null || failure(FEEL.parseExpression(text)) == null ? null : asTests;
    }
    return failure(entry.localName().equals(INPUT_ENTRY) ? FEEL.parseUnaryTests(text) : FEEL.parseExpression(text));
  }

  private static String failure(ParseResult result) {
    return result.isSuccess() ? null : result.failure().message();
  }
}
