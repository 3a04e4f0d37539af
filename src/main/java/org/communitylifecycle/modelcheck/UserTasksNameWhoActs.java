package org.communitylifecycle.modelcheck;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every user task says who acts, and names roles, never people: an assignee or candidate users
 * from an expression ({@code ${responsibleUser}}, a variable the caller passes), or candidate
 * groups, which may be literal role or team groups ({@code community-leads}). A literal
 * {@code camunda:assignee="alice"} or {@code camunda:candidateUsers="alice"} ties the model to a
 * person who may leave; a task naming nobody waits in nobody's list. BPMN's own
 * {@code humanPerformer} and {@code potentialOwner} are held to the same: a literal person
 * ({@code user(alice)}, or any literal human performer) is refused, groups ({@code group(x)} or a
 * bare name for a potential owner) are not.
 */
final class UserTasksNameWhoActs implements ModelRule {

  @Override
  public List<Violation> check(Model model) {
    List<Violation> violations = new ArrayList<>();
    if (model.kind() != Model.Kind.BPMN) {
      return violations;
    }
    // BPMN resource assignments: by user task id, whether it has a human performer, and its formal expressions.
    Map<String, Boolean> humanPerformer = new HashMap<>();
    Map<String, List<ModelElement>> assignments = new HashMap<>();
    for (ModelElement element : model.elements()) {
      if (element.isCamundaElement()) {
        continue;
      }
      switch (element.localName()) {
        case "humanPerformer" -> humanPerformer.put(element.ownerId(), true);
        case "potentialOwner" -> humanPerformer.putIfAbsent(element.ownerId(), false);
        case "formalExpression" -> assignments.computeIfAbsent(element.ownerId(), id -> new ArrayList<>()).add(element);
        default -> { }
      }
    }
    for (ModelElement task : model.elements()) {
      if (task.isCamundaElement() || !task.localName().equals("userTask")) {
        continue;
      }
      String assignee = blankToNull(task.camundaAttribute("assignee"));
      String candidateUsers = blankToNull(task.camundaAttribute("candidateUsers"));
      String candidateGroups = blankToNull(task.camundaAttribute("candidateGroups"));
      Boolean performer = humanPerformer.get(task.ownerId());
      if (performer != null) {
        for (ModelElement expression : assignments.getOrDefault(task.ownerId(), List.of())) {
          for (String item : expression.text().split(",")) {
            String who = item.trim();
            boolean user = performer || who.startsWith("user(");
            String name = who.replaceFirst("^(user|group)\\((.*)\\)$", "$2").trim();
            if (user && !name.isEmpty() && !Expressions.isExpression(name)) {
              violations.add(Violation.at(task, performer ? "bpmn:humanPerformer" : "bpmn:potentialOwner", "'" + who
                  + "' names a person; take people from a variable (${responsibleUser}) or name a group (group(community-leads))"));
            }
          }
        }
      }
      if (assignee == null && candidateUsers == null && candidateGroups == null && performer == null) {
        violations.add(Violation.at(task, "userTask", "names nobody to act; set camunda:candidateGroups to a role"
            + " or team group (community-leads, ${responsibleGroup}) or camunda:assignee to an expression (${responsibleUser})"));
      }
      if (assignee != null && !Expressions.isExpression(assignee)) {
        violations.add(Violation.at(task, "camunda:assignee", "'" + assignee + "' names a person; take the assignee"
            + " from a variable (${responsibleUser}) or name a group in camunda:candidateGroups"));
      }
      if (candidateUsers != null) {
        for (String user : candidateUsers.split(",")) {
          if (!user.isBlank() && !Expressions.isExpression(user)) {
            violations.add(Violation.at(task, "camunda:candidateUsers", "'" + user.trim() + "' names a person;"
                + " take candidate users from a variable (${supportUser}) or name a group in camunda:candidateGroups"));
          }
        }
      }
    }
    return violations;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
