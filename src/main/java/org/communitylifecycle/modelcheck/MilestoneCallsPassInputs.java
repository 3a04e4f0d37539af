package org.communitylifecycle.modelcheck;

import static org.communitylifecycle.milestone.MilestoneContract.DELIVERABLE;
import static org.communitylifecycle.milestone.MilestoneContract.MILESTONE_KEY;
import static org.communitylifecycle.milestone.MilestoneContract.MILESTONE_NAME;
import static org.communitylifecycle.milestone.MilestoneContract.RESPONSIBLE_GROUP;
import static org.communitylifecycle.milestone.MilestoneContract.RESPONSIBLE_USER;
import static org.communitylifecycle.milestone.MilestoneContract.STAGE;
import static org.communitylifecycle.milestone.MilestoneContract.SUPPORT_GROUP;
import static org.communitylifecycle.milestone.MilestoneContract.SUPPORT_USER;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.namespace.QName;

/**
 * A call of the {@code milestone} process passes every input it needs ({@code camunda:in} with
 * that {@code target}): the milestone's key, name, stage and deliverable, and both roles, each as
 * a group and a person. The variable mapping {@code ${milestoneCall}}, which the Milestone element
 * template sets, passes the roles (the community's team), so a call through it needs only the first four. {@code MilestoneSetup} refuses to start without the texts, and the
 * milestone's tasks are assigned to {@code ${responsibleUser}} and {@code ${supportUser}}; a call
 * without them fails when the stage reaches it. {@code <camunda:in variables="all" />} passes what
 * the caller has and is not checked.
 */
final class MilestoneCallsPassInputs implements ModelRule {

  /** The milestone process's inputs, as its documentation and MilestoneSetup read them. */
  static final List<String> REQUIRED = List.of(MILESTONE_KEY, MILESTONE_NAME, STAGE, DELIVERABLE,
      RESPONSIBLE_GROUP, SUPPORT_GROUP, RESPONSIBLE_USER, SUPPORT_USER);

  /** The inputs the mapping {@code ${milestoneCall}} passes from the stage's community. */
  static final Set<String> PASSED_BY_MAPPING = Set.of(RESPONSIBLE_GROUP, SUPPORT_GROUP, RESPONSIBLE_USER, SUPPORT_USER);
  static final String MAPPING = "${milestoneCall}";

  @Override
  public List<Violation> check(Model model) {
    List<Violation> violations = new ArrayList<>();
    if (model.kind() != Model.Kind.BPMN) {
      return violations;
    }
    Map<String, ModelElement> calls = new java.util.LinkedHashMap<>();
    for (ModelElement element : model.elements()) {
      if (!element.isCamundaElement() && element.localName().equals("callActivity")
          && "milestone".equals(element.attributes().get(new QName("calledElement")))
          && element.attributes().containsKey(new QName("id"))) {
        calls.put(element.ownerId(), element);
      }
    }
    Map<String, Set<String>> passed = new java.util.HashMap<>();
    Set<String> passAll = new java.util.HashSet<>();
    for (ModelElement element : model.elements()) {
      if (!element.isCamundaElement() || !element.localName().equals("in") || !calls.containsKey(element.ownerId())) {
        continue;
      }
      if ("all".equals(element.attributes().get(new QName("variables")))) {
        passAll.add(element.ownerId());
      }
      String target = element.attributes().get(new QName("target"));
      if (target != null) {
        passed.computeIfAbsent(element.ownerId(), id -> new LinkedHashSet<>()).add(target);
      }
    }
    for (ModelElement call : calls.values()) {
      if (passAll.contains(call.ownerId())) {
        continue;
      }
      boolean mapped = MAPPING.equals(call.camundaAttribute("variableMappingDelegateExpression"));
      List<String> missing = REQUIRED.stream()
          .filter(input -> !(mapped && PASSED_BY_MAPPING.contains(input)))
          .filter(input -> !passed.getOrDefault(call.ownerId(), Set.of()).contains(input)).toList();
      if (!missing.isEmpty()) {
        violations.add(Violation.at(call, "camunda:in", "the milestone needs the inputs " + String.join(", ", REQUIRED)
            + "; this call does not pass " + String.join(", ", missing)
            + " (add <camunda:in source=\"...\" target=\"" + missing.get(0) + "\" />)"));
      }
    }
    return violations;
  }
}
