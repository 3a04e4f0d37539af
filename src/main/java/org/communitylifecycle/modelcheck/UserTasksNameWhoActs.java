package org.communitylifecycle.modelcheck;

import java.util.ArrayList;
import java.util.List;

/**
 * Every user task says who acts, and names roles, never people: an assignee or candidate users
 * from an expression ({@code ${responsibleUser}}, a variable the caller passes), or candidate
 * groups, which may be literal role or team groups ({@code community-leads}). A literal
 * {@code camunda:assignee="alice"} or {@code camunda:candidateUsers="alice"} ties the model to a
 * person who may leave; a task naming nobody waits in nobody's list.
 */
public final class UserTasksNameWhoActs implements ModelRule {

  @Override
  public List<Violation> check(Model model) {
    List<Violation> violations = new ArrayList<>();
    if (model.kind() != Model.Kind.BPMN) {
      return violations;
    }
    for (ModelElement task : model.elements()) {
      if (task.isCamundaElement() || !task.localName().equals("userTask")) {
        continue;
      }
      String assignee = blankToNull(task.camundaAttribute("assignee"));
      String candidateUsers = blankToNull(task.camundaAttribute("candidateUsers"));
      String candidateGroups = blankToNull(task.camundaAttribute("candidateGroups"));
      if (assignee == null && candidateUsers == null && candidateGroups == null) {
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
