package org.communitylifecycle.modelcheck;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLStreamException;

/** The rules in force, applied to every file of a deployment. */
final class ModelCheck {

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
        new ExpressionsCallOnlyOpenBeans(OpenBeans.NAMES),
        // The designer's contract: what a model must say for the app to run it.
        new TimersAreValid(),
        new ReferencesResolve(),
        new DecisionTablesParse(),
        new UserTasksNameWhoActs(),
        new MilestoneCallsPassInputs(),
        new ProcessesHaveHistoryTimeToLive()));
  }

  /**
   * Where one file deployed alone, on an engine with nothing deployed, breaks a rule, in the order
   * of the file; empty when it may be deployed.
   *
   * @param resource the file's name in the deployment, whose ending says what it is
   */
  public List<Violation> check(String resource, byte[] content) {
    return check(Map.of(resource, content), DeployedDefinitions.NONE).getOrDefault(resource, List.of());
  }

  /**
   * Where the files of one deployment break a rule, by file name, each in the order of its file;
   * empty when the deployment may be made.
   *
   * @param files the deployment's files by name
   * @param deployed the definitions deployed before it
   */
  public Map<String, List<Violation>> check(Map<String, byte[]> files, DeployedDefinitions deployed) {
    Map<String, List<Violation>> refused = new TreeMap<>();
    Map<String, Model> models = new LinkedHashMap<>();
    Set<String> forms = new HashSet<>();
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      String resource = file.getKey();
      if (resource.endsWith(".form")) {
        // Camunda Forms are JSON that Tasklist renders; their expressions run in the browser, never on the server.
        put(refused, resource, FormFile.check(file.getValue()));
        String id = FormFile.id(file.getValue());
        if (id != null) {
          forms.add(id);
        }
        continue;
      }
      Model.Kind kind = Model.Kind.of(resource);
      if (kind == null) {
        put(refused, resource, List.of(new Violation("", "the file", "only BPMN (.bpmn), DMN (.dmn) and Camunda Forms"
            + " (.form) may be deployed; other files (scripts, HTML forms, CMMN) could carry code", 0)));
        continue;
      }
      try {
        models.put(resource, ModelReader.read(resource, kind, file.getValue()));
      } catch (XMLStreamException e) {
        int line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
        int column = e.getLocation() == null ? 0 : Math.max(e.getLocation().getColumnNumber(), 0);
        put(refused, resource, List.of(new Violation("", "the file", "is not well-formed XML: " + e.getMessage(),
            Math.max(line, 0), column)));
      }
    }
    DeploymentFiles deployment = new DeploymentFiles(
        definitions(models.values(), Model.Kind.BPMN, "process"),
        definitions(models.values(), Model.Kind.DMN, "decision"),
        forms, deployed);
    for (Model model : models.values()) {
      put(refused, model.resource(), rules.stream()
          .flatMap(rule -> rule.check(model, deployment).stream())
          .sorted(Comparator.comparingInt(Violation::line))
          .toList());
    }
    return refused;
  }

  /** The keys the models of the kind define (process or decision ids), with their camunda:versionTag. */
  private static Map<String, String> definitions(Iterable<Model> models, Model.Kind kind, String element) {
    Map<String, String> keys = new HashMap<>();
    for (Model model : models) {
      if (model.kind() != kind) {
        continue;
      }
      for (ModelElement e : model.elements()) {
        String id = e.attributes().get(new QName("id"));
        if (e.localName().equals(element) && !e.isCamundaElement() && id != null) {
          String tag = e.camundaAttribute("versionTag");
          keys.put(id, tag == null ? "" : tag);
        }
      }
    }
    return keys;
  }

  private static void put(Map<String, List<Violation>> refused, String resource, List<Violation> violations) {
    if (!violations.isEmpty()) {
      refused.computeIfAbsent(resource, r -> new ArrayList<>()).addAll(violations);
    }
  }
}
