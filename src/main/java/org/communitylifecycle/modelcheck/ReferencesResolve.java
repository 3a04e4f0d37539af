package org.communitylifecycle.modelcheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.namespace.QName;
import org.communitylifecycle.modelcheck.DeployedDefinitions.Kind;

/**
 * Every {@code camunda:formRef}, {@code calledElement} and {@code camunda:decisionRef} names a
 * form, process or decision that exists when the model runs, as its binding resolves it:
 * {@code latest} (the default) in this deployment or deployed already, {@code deployment} in this
 * deployment, {@code version} and {@code versionTag} deployed with that version or tag (or in this
 * deployment). Otherwise the model deploys and its task, call or decision fails when reached.
 * References by expression ({@code ${...}}) are resolved at run time and not checked.
 */
final class ReferencesResolve implements ModelRule {

  private record Reference(Kind kind, String what, String attribute, String camundaPrefix) {}

  /** By element: the attribute naming what it references, and the prefix of its binding settings. */
  private static final Map<String, Reference> REFERENCES = Map.of(
      "callActivity", new Reference(Kind.PROCESS, "process", "calledElement", "calledElement"),
      "businessRuleTask", new Reference(Kind.DECISION, "decision", "decisionRef", "decisionRef"),
      "userTask", new Reference(Kind.FORM, "form", "formRef", "formRef"),
      "startEvent", new Reference(Kind.FORM, "form", "formRef", "formRef"));

  @Override
  public List<Violation> check(Model model) {
    return check(model, DeploymentFiles.NOTHING);
  }

  @Override
  public List<Violation> check(Model model, DeploymentFiles deployment) {
    List<Violation> violations = new ArrayList<>();
    if (model.kind() != Model.Kind.BPMN) {
      return violations;
    }
    for (ModelElement element : model.elements()) {
      Reference reference = REFERENCES.get(element.localName());
      if (reference == null || element.isCamundaElement()) {
        continue;
      }
      boolean plain = reference.kind() == Kind.PROCESS;
      String key = plain ? element.attributes().get(new QName(reference.attribute()))
          : element.camundaAttribute(reference.attribute());
      if (key == null || Expressions.isExpression(key)) {
        continue;
      }
      String where = plain ? reference.attribute() : "camunda:" + reference.attribute();
      String problem = unresolved(reference, key, element, deployment);
      if (problem != null) {
        violations.add(Violation.at(element, where, problem));
      }
    }
    return violations;
  }

  /** Why the reference does not resolve, or null when it does. */
  private static String unresolved(Reference reference, String key, ModelElement element, DeploymentFiles deployment) {
    String bindingSetting = "camunda:" + reference.camundaPrefix() + "Binding";
    String binding = element.camundaAttribute(reference.camundaPrefix() + "Binding");
    binding = binding == null || binding.isBlank() ? "latest" : binding;
    String named = "the " + reference.what() + " '" + key + "'";
    boolean here = switch (reference.kind()) {
      case PROCESS -> deployment.processes().containsKey(key);
      case DECISION -> deployment.decisions().containsKey(key);
      case FORM -> deployment.forms().contains(key);
    };
    DeployedDefinitions deployed = deployment.deployed();
    switch (binding) {
      case "deployment":
        return here ? null : named + " is not in this deployment, and " + bindingSetting
            + "=\"deployment\" takes it from there only; deploy it together with the model";
      case "latest":
        return here || deployed.exists(reference.kind(), key, null, null) ? null
            : named + " is neither in this deployment nor deployed; deploy it with the model or correct the "
                + reference.what() + " id";
      case "version": {
        String version = element.camundaAttribute(reference.camundaPrefix() + "Version");
        if (version == null || Expressions.isExpression(version)) {
          return null;
        }
        int number;
        try {
          number = Integer.parseInt(version.trim());
        } catch (NumberFormatException e) {
          return "camunda:" + reference.camundaPrefix() + "Version '" + version + "' is no version number";
        }
        return here || deployed.exists(reference.kind(), key, number, null) ? null
            : "version " + number + " of " + named + " is not deployed";
      }
      case "versionTag": {
        String tag = element.camundaAttribute(reference.camundaPrefix() + "VersionTag");
        if (tag == null || Expressions.isExpression(tag)) {
          return null;
        }
        Map<String, String> tags = reference.kind() == Kind.PROCESS ? deployment.processes()
            : reference.kind() == Kind.DECISION ? deployment.decisions() : Map.of();
        return tag.equals(tags.get(key)) || deployed.exists(reference.kind(), key, null, tag) ? null
            : named + " with version tag '" + tag + "' is neither in this deployment nor deployed";
      }
      default:
        return bindingSetting + " '" + binding + "' is none of latest, deployment, version, versionTag";
    }
  }
}
