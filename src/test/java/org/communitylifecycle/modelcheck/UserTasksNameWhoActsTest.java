package org.communitylifecycle.modelcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.communitylifecycle.modelcheck.TestModels.check;
import static org.communitylifecycle.modelcheck.TestModels.process;

import org.junit.jupiter.api.Test;

class UserTasksNameWhoActsTest {

  private final UserTasksNameWhoActs rule = new UserTasksNameWhoActs();

  @Test
  void rolesAndVariablesPass() {
    assertThat(check(rule, process("""
        <bpmn:userTask id="Task_A" camunda:assignee="${responsibleUser}" camunda:candidateGroups="${responsibleGroup}" />
        <bpmn:userTask id="Task_B" camunda:candidateGroups="community-leads" />
        <bpmn:userTask id="Task_C" camunda:candidateUsers="${supportUser}, #{liaison}" />"""))).isEmpty();
  }

  @Test
  void aFixedAssigneeIsRefused() {
    assertThat(check(rule, process("<bpmn:userTask id=\"Task_Review\" camunda:assignee=\"alice\" />")))
        .singleElement().satisfies(v -> {
          assertThat(v.elementId()).isEqualTo("Task_Review");
          assertThat(v.where()).isEqualTo("camunda:assignee");
          assertThat(v.reason()).contains("'alice' names a person");
        });
  }

  @Test
  void fixedCandidateUsersAreRefusedOneByOne() {
    assertThat(check(rule, process(
        "<bpmn:userTask id=\"Task_Review\" camunda:candidateUsers=\"alice, ${supportUser}, bob\" camunda:candidateGroups=\"community-leads\" />")))
        .extracting(Violation::reason).satisfiesExactly(
            r -> assertThat(r).contains("'alice'"), r -> assertThat(r).contains("'bob'"));
  }

  @Test
  void aTaskNamingNobodyIsRefused() {
    assertThat(check(rule, process("<bpmn:userTask id=\"Task_Orphan\" />")))
        .singleElement().satisfies(v -> {
          assertThat(v.elementId()).isEqualTo("Task_Orphan");
          assertThat(v.reason()).contains("names nobody");
        });
  }

  @Test
  void bpmnResourceAssignmentsAreHeldToTheSame() {
    assertThat(check(rule, process("""
        <bpmn:userTask id="Task_Groups">
          <bpmn:potentialOwner><bpmn:resourceAssignmentExpression>
            <bpmn:formalExpression>group(community-leads), ${responsibleGroup}, user(${supportUser})</bpmn:formalExpression>
          </bpmn:resourceAssignmentExpression></bpmn:potentialOwner>
        </bpmn:userTask>"""))).isEmpty();
    assertThat(check(rule, process("""
        <bpmn:userTask id="Task_Alice">
          <bpmn:potentialOwner><bpmn:resourceAssignmentExpression>
            <bpmn:formalExpression>group(community-leads), user(alice)</bpmn:formalExpression>
          </bpmn:resourceAssignmentExpression></bpmn:potentialOwner>
        </bpmn:userTask>
        <bpmn:userTask id="Task_Bob">
          <bpmn:humanPerformer><bpmn:resourceAssignmentExpression>
            <bpmn:formalExpression>bob</bpmn:formalExpression>
          </bpmn:resourceAssignmentExpression></bpmn:humanPerformer>
        </bpmn:userTask>""")))
        .extracting(Violation::elementId, Violation::where)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Task_Alice", "bpmn:potentialOwner"),
            org.assertj.core.groups.Tuple.tuple("Task_Bob", "bpmn:humanPerformer"));
  }
}
