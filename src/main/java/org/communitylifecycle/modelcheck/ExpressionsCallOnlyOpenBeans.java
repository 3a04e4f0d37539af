package org.communitylifecycle.modelcheck;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.impl.juel.AstBinary;
import org.camunda.bpm.impl.juel.AstBracket;
import org.camunda.bpm.impl.juel.AstChoice;
import org.camunda.bpm.impl.juel.AstComposite;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstEval;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstLiteral;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstNested;
import org.camunda.bpm.impl.juel.AstParameters;
import org.camunda.bpm.impl.juel.AstText;
import org.camunda.bpm.impl.juel.AstUnary;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.TreeBuilderException;
import org.springframework.aop.framework.Advised;
import org.springframework.cglib.proxy.Factory;

/**
 * Every expression in a model reads variables and calls beans open to models, nothing else. Each
 * expression is parsed as the engine parses it and its syntax tree is walked against a whitelist:
 * <ul>
 *   <li>literals, operators ({@code ==}, {@code &&}, {@code >}, {@code ? :}, {@code empty}...) and identifiers;
 *   <li>calls of a method of a bean open to models, {@code ${opsRequests.record(execution)}};
 *   <li>the few calls on values listed in {@link #VALUE_METHODS}, {@code ${nextStandupAt.before(cohortEndsAt)}};
 *   <li>properties of values, {@code ${decisionResult.getSingleResult().exitCriteriaMet}}, but of the
 *       engine's own objects ({@code execution}, {@code task}...) only those in {@link #ENGINE_PROPERTIES};
 *   <li>the engine's functions in {@link #FUNCTIONS}.
 * </ul>
 * Everything else is refused: any other method call (on {@code execution}, on a variable, on an
 * unlisted bean), {@code getClass()} and {@code .class} anywhere, indexing with {@code [...]}, and
 * other functions. The arguments of an allowed call are held to the same rules.
 */
final class ExpressionsCallOnlyOpenBeans implements ModelRule {

  /**
   * The methods a model may call on a value (a variable, or what a call on a value returned). Each
   * is here because a shipped model needs it and it reads data only:
   * {@code before}/{@code after} compare dates (group-mentoring-cohort: {@code nextStandupAt.before(cohortEndsAt)});
   * {@code getSingleResult}/{@code getEntry} read the result of a business rule task (community-of-practice-maturity).
   */
  static final Set<String> VALUE_METHODS = Set.of("before", "after", "getSingleResult", "getEntry");

  /** The engine's objects in every expression. They lead to the whole engine, so only these properties may be read. */
  static final Map<String, Set<String>> ENGINE_PROPERTIES = Map.of(
      // Called processes share the business key: <camunda:in businessKey="#{execution.processBusinessKey}"/>.
      "execution", Set.of("processBusinessKey"),
      "task", Set.of(),
      "caseExecution", Set.of(),
      "externalTask", Set.of(),
      "variableScope", Set.of());

  /** The engine's own expression functions: the time and who is logged in, nothing that changes anything. */
  static final Set<String> FUNCTIONS = Set.of("now", "dateTime", "currentUser", "currentUserGroups");

  /**
   * Methods never called, whatever the object: those of every Java object that lead to Java itself
   * (reflection, class loaders) or to locks, and those with which a Spring proxy, as a bean with
   * {@code @Transactional} is, hands out or changes its target and advice.
   */
  static final Set<String> NEVER_CALLED = Stream.of(
          Stream.of("getClass", "wait", "notify", "notifyAll"),
          Arrays.stream(Advised.class.getMethods()).map(Method::getName),
          Arrays.stream(Factory.class.getMethods()).map(Method::getName))
      .flatMap(names -> names)
      .collect(Collectors.toUnmodifiableSet());

  /** Nodes that are allowed when their children are: literal text, literals, operators, argument lists. */
  private static final List<Class<? extends Node>> PLAIN = List.of(
      AstEval.class, AstComposite.class, AstText.class, AstLiteral.class, AstNested.class,
      AstBinary.class, AstUnary.class, AstChoice.class, AstParameters.class, AstIdentifier.class);

  private final Set<String> openBeans;

  /** @param openBeans the names of the beans open to models, {@link OpenBeans#NAMES} in the app */
  public ExpressionsCallOnlyOpenBeans(Set<String> openBeans) {
    this.openBeans = openBeans;
  }

  @Override
  public List<Violation> check(Model model) {
    List<Violation> violations = new ArrayList<>();
    for (Expressions.Found expression : Expressions.in(model)) {
      String refusal;
      try {
        refusal = refusal(Expressions.parse(expression.text()));
      } catch (TreeBuilderException e) {
        refusal = "not an expression the engine can read: " + e.getMessage();
      }
      if (refusal != null) {
        violations.add(expression.violation(refusal));
      }
    }
    return violations;
  }

  /** Why the node is refused, or null when it and everything under it is allowed. */
  private String refusal(Node node) {
    if (node instanceof AstMethod method) {
      return callRefusal(method);
    }
    if (node instanceof AstDot dot) {
      return readRefusal(dot);
    }
    if (node instanceof AstBracket) {
      return "indexing with [...] is not open to models; read a variable or call a bean open to models";
    }
    if (node instanceof AstFunction function) {
      return FUNCTIONS.contains(function.getName())
          ? childrenRefusal(function)
          : "the function " + function.getName() + "() is not open to models";
    }
    if (PLAIN.stream().noneMatch(type -> type.isInstance(node))) {
      return "'" + node + "' is not open to models";
    }
    return childrenRefusal(node);
  }

  private String callRefusal(AstMethod method) {
    if (!(method.getChild(0) instanceof AstDot dot)) {
      return "calling a method by [...] is not open to models";
    }
    String name = Expressions.propertyName(dot);
    Node base = dot.getChild(0);
    if (NEVER_CALLED.contains(name)) {
      return name + "() reaches Java itself or a bean's proxy and is never open to models";
    }
    if (!(base instanceof AstIdentifier bean && openBeans.contains(bean.getName()))) {
      String baseRefusal = valueRefusal(base, name + "()");
      if (baseRefusal != null) {
        return baseRefusal;
      }
      if (!VALUE_METHODS.contains(name)) {
        return base instanceof AstIdentifier identifier
            ? "calls " + name + "() on '" + identifier.getName() + "', which is not a bean open to models (the list is in OpenBeans)"
            : "calls " + name + "() on a value; of values only " + String.join(", ", sorted(VALUE_METHODS)) + " may be called";
      }
    }
    return refusal(method.getChild(1));
  }

  private String readRefusal(AstDot dot) {
    String name = Expressions.propertyName(dot);
    Node base = dot.getChild(0);
    if (name.equals("class")) {
      return ".class reaches Java itself and is never open to models";
    }
    if (base instanceof AstIdentifier identifier
        && ENGINE_PROPERTIES.getOrDefault(identifier.getName(), Set.of()).contains(name)) {
      return null;
    }
    return valueRefusal(base, name);
  }

  /**
   * Why the base of a value call or property read is refused: the engine's objects and the beans
   * are no values to call or read.
   *
   * @param use what is called or read on it, for the message
   */
  private String valueRefusal(Node base, String use) {
    if (base instanceof AstNested nested) {
      return valueRefusal(nested.getChild(0), use);
    }
    if (base instanceof AstIdentifier identifier) {
      String name = identifier.getName();
      if (ENGINE_PROPERTIES.containsKey(name)) {
        return "uses " + use + " of '" + name + "', the engine's own object, of which only "
            + sorted(ENGINE_PROPERTIES.get(name)) + " may be read; pass it to a bean open to models instead";
      }
      if (openBeans.contains(name)) {
        return "reads " + use + " of the bean '" + name + "', which is open to models for its methods only";
      }
      return null;
    }
    return refusal(base);
  }

  private String childrenRefusal(Node node) {
    for (int i = 0; i < node.getCardinality(); i++) {
      String refusal = refusal(node.getChild(i));
      if (refusal != null) {
        return refusal;
      }
    }
    return null;
  }

  private static List<String> sorted(Set<String> names) {
    return names.stream().sorted().toList();
  }
}
