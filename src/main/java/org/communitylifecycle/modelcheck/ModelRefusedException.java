package org.communitylifecycle.modelcheck;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ResourceReport;
// The engine reports a refused model as a ParseException with this resource report; it has no public counterpart.
import org.camunda.bpm.engine.impl.bpmn.parser.ResourceReportImpl;

/**
 * A deployment refused because its models break a rule. Being the engine's {@link ParseException},
 * the REST API answers 400 with every violation under {@code details}, by file, with its element
 * id and line, and Camunda Modeler shows them.
 */
class ModelRefusedException extends ParseException {

  ModelRefusedException(Map<String, List<Violation>> refused) {
    super(message(refused), refused.keySet().iterator().next(), List.of(), List.of());
    resorceReports = refused.entrySet().stream()
        .map(file -> (ResourceReport) new ResourceReportImpl(file.getKey(),
            file.getValue().stream().map(ViolationProblem::new).collect(Collectors.toList()), List.of()))
        .toList();
  }

  private static String message(Map<String, List<Violation>> refused) {
    return "Deployment refused: a model may read variables and call the beans open to models, nothing else,"
        + " and must keep the designer's contract (docs/model-safety.md). "
        + refused.entrySet().stream()
            .flatMap(file -> file.getValue().stream().map(v -> file.getKey() + ": " + v.message() + v.position()))
            .collect(Collectors.joining("; "));
  }

  private record ViolationProblem(Violation violation) implements Problem {

    @Override
    public String getMessage() {
      return violation.message();
    }

    @Override
    public int getLine() {
      return violation.line();
    }

    @Override
    public int getColumn() {
      return violation.column();
    }

    @Override
    public String getMainElementId() {
      return violation.elementId().isEmpty() ? null : violation.elementId();
    }

    @Override
    public List<String> getElementIds() {
      return violation.elementId().isEmpty() ? List.of() : List.of(violation.elementId());
    }
  }
}
