package org.communitylifecycle.milestone;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.communitylifecycle.testsupport.MilestoneInputs;
import org.communitylifecycle.testsupport.ProcessBeans;
import org.communitylifecycle.testsupport.TestProcessEngineConfiguration;
import org.communitylifecycle.testsupport.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every path through processes/milestone.bpmn. */
@Deployment(resources = "processes/milestone.bpmn")
class MilestoneTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine =
      ProcessEngineCoverageExtension.builder(TestProcessEngineConfiguration.RESOURCE).assertClassCoverageAtLeast(1.0).build();

  static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

  ProcessEngine processEngine;

  @BeforeEach
  void setUp() {
    init(processEngine);
    ProcessBeans.register(processEngine);
    TestUsers.ensure(processEngine.getIdentityService());
    ClockUtil.setCurrentTime(Date.from(START));
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    Mocks.reset();
    processEngine.getIdentityService().clearAuthentication();
  }

  @Test
  void deliverableAcceptedOnFirstReview() {
    ProcessInstance milestone = start("documentPractices");

    assertThat(milestone).isWaitingAt(MilestoneContract.TASK_DELIVER);
    assertCandidateGroup(taskAt(MilestoneContract.TASK_DELIVER), "activators");
    assertThat(taskAt(MilestoneContract.TASK_DELIVER)).hasName("Deliver milestone: Document community practices (sumo-community)");
    assertThat(taskAt(MilestoneContract.TASK_DELIVER)).isAssignedTo("alice")
        .hasDueDate(at(Duration.ofDays(14)));
    later(Duration.ofDays(3));
    deliver("alice", "https://wiki.example.org/practices", "kiki");

    assertThat(milestone).isWaitingAt(MilestoneContract.TASK_REVIEW);
    assertCandidateGroup(taskAt(MilestoneContract.TASK_REVIEW), "cbt-liaisons");
    assertThat(taskAt(MilestoneContract.TASK_REVIEW)).isAssignedTo("bob")
        .hasDueDate(at(Duration.ofDays(3 + 7)));
    later(Duration.ofDays(1));
    review("bob", "accept", null);

    assertThat(milestone).hasPassed("EndEvent_MilestoneAccepted").isEnded()
        .variables()
        .containsEntry("milestoneOutcome", "accepted")
        .containsEntry("deliverableUrl", "https://wiki.example.org/practices")
        .containsEntry("delegatedTo", "kiki")
        .containsEntry("deliveredBy", "alice")
        .containsEntry("acceptedBy", "bob")
        .containsEntry("reviewRounds", 1)
        .containsEntry("escalationCount", 0)
        .containsEntry("timeWithResponsible", "PT72H")
        .containsEntry("timeWaitingOnSupport", "PT24H");
  }

  @Test
  void changesRequestedAreShownInTheNextDeliveryRound() {
    ProcessInstance milestone = start("documentPractices");
    later(Duration.ofDays(2));
    deliver("alice", "https://wiki.example.org/practices-v1", null);
    later(Duration.ofDays(1));
    review("bob", "request-changes", "Add how newcomers find the practices");

    assertThat(milestone).isWaitingAt(MilestoneContract.TASK_DELIVER)
        .variables().containsEntry("reviewComment", "Add how newcomers find the practices");
    assertThat(taskAt(MilestoneContract.TASK_DELIVER)).isAssignedTo("alice");
    later(Duration.ofDays(2));
    deliver("alice", "https://wiki.example.org/practices-v2", null);

    assertThat(milestone).isWaitingAt(MilestoneContract.TASK_REVIEW)
        .variables().doesNotContainKey("reviewComment").doesNotContainKey("reviewDecision");
    later(Duration.ofDays(1));
    review("bob", "accept", null);

    assertThat(milestone).hasPassed("EndEvent_MilestoneAccepted").isEnded()
        .variables()
        .containsEntry("reviewRounds", 2)
        .containsEntry("deliverableUrl", "https://wiki.example.org/practices-v2")
        .containsEntry("timeWithResponsible", "PT96H")
        .containsEntry("timeWaitingOnSupport", "PT48H");

    // Every handoff is in the history: who held the milestone, from when to when, and who handed it on.
    List<HistoricTaskInstance> handoffs = historyService().createHistoricTaskInstanceQuery()
        .processInstanceId(milestone.getId()).orderByHistoricActivityInstanceStartTime().asc().list();
    org.assertj.core.api.Assertions.assertThat(handoffs)
        .extracting(HistoricTaskInstance::getTaskDefinitionKey, HistoricTaskInstance::getAssignee)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(MilestoneContract.TASK_DELIVER, "alice"),
            org.assertj.core.groups.Tuple.tuple(MilestoneContract.TASK_REVIEW, "bob"),
            org.assertj.core.groups.Tuple.tuple(MilestoneContract.TASK_DELIVER, "alice"),
            org.assertj.core.groups.Tuple.tuple(MilestoneContract.TASK_REVIEW, "bob"));
    org.assertj.core.api.Assertions.assertThat(historyService().createUserOperationLogQuery()
            .processInstanceId(milestone.getId())
            .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).list())
        .extracting(UserOperationLogEntry::getUserId)
        .containsExactlyInAnyOrder("alice", "bob", "alice", "bob");

    // What people entered keeps every change (both rounds' links and decisions, the comment); what the
    // milestone computed keeps its last value only (MilestoneHistory).
    List<org.camunda.bpm.engine.history.HistoricVariableUpdate> changes = historyService().createHistoricDetailQuery()
        .processInstanceId(milestone.getId()).variableUpdates().orderPartiallyByOccurrence().asc().list().stream()
        .map(org.camunda.bpm.engine.history.HistoricVariableUpdate.class::cast).toList();
    org.assertj.core.api.Assertions.assertThat(changes)
        .extracting(org.camunda.bpm.engine.history.HistoricVariableUpdate::getVariableName,
            org.camunda.bpm.engine.history.HistoricVariableUpdate::getValue)
        .contains(
            org.assertj.core.groups.Tuple.tuple("deliverableUrl", "https://wiki.example.org/practices-v1"),
            org.assertj.core.groups.Tuple.tuple("reviewDecision", "request-changes"),
            org.assertj.core.groups.Tuple.tuple("reviewComment", "Add how newcomers find the practices"),
            org.assertj.core.groups.Tuple.tuple("deliverableUrl", "https://wiki.example.org/practices-v2"),
            org.assertj.core.groups.Tuple.tuple("reviewDecision", "accept"))
        .extracting(t -> (String) t.toArray()[0])
        .allMatch(MilestoneHistory.ENTERED::contains);
    org.assertj.core.api.Assertions.assertThat(historyService().createHistoricVariableInstanceQuery()
            .processInstanceId(milestone.getId()).variableName("reviewRounds").singleResult().getValue())
        .isEqualTo(2);
  }

  @Test
  void stalledDeliveryIsFollowedUpBySupportThenEscalatedToCommunityLeads() {
    ProcessInstance milestone = start("documentPractices");

    stall(MilestoneContract.TIMER_DELIVERY_STALLED);
    assertThat(milestone).isWaitingAt(MilestoneContract.TASK_DELIVER, MilestoneContract.TASK_FOLLOW_UP_DELIVERY);
    Task followUp = taskAt(MilestoneContract.TASK_FOLLOW_UP_DELIVERY);
    assertCandidateGroup(followUp, "cbt-liaisons");
    assertThat(followUp).isAssignedTo("bob");
    // The form offers the Deliver step's team (here the test's "activators") to reassign to, and nobody else.
    org.assertj.core.api.Assertions.assertThat(
            taskService().getVariableLocalTyped(followUp.getId(), "reassignChoices").getValue().toString())
        .isEqualTo("[{\"label\":\"alice\",\"value\":\"alice\"},{\"label\":\"erin\",\"value\":\"erin\"}]");
    // A list for the form's select, not history (MilestoneHistory).
    org.assertj.core.api.Assertions.assertThat(historyService().createHistoricVariableInstanceQuery()
        .processInstanceId(milestone.getId()).variableName("reassignChoices").count()).isZero();
    followUp("bob", followUp, Map.of("followUpAction", "nudged", "followUpNote", "Pinged alice in chat"));

    assertThat(milestone).isWaitingAt("Timer_DeliveryStillStalled");
    org.assertj.core.api.Assertions.assertThat(commentsOn(MilestoneContract.TASK_DELIVER))
        .containsExactly("Stalled step followed up by bob: nudged. Pinged alice in chat");

    stall("Timer_DeliveryStillStalled");
    Task escalation = taskAt(MilestoneContract.TASK_ESCALATE_DELIVERY);
    assertThat(escalation).isNotAssigned().hasCandidateGroup("community-leads");
    followUp("dave", escalation, Map.of("followUpAction", "nudged"));

    assertThat(milestone).hasPassed("EndEvent_DeliveryEscalationHandled").isWaitingAt(MilestoneContract.TASK_DELIVER)
        .variables().containsEntry("escalationCount", 2).containsEntry("lastFollowUpAction", "nudged")
        .doesNotContainKey("followUpAction");
    deliver("alice", "https://wiki.example.org/practices", null);
    review("bob", "accept", null);
    assertThat(milestone).isEnded().variables().containsEntry("escalationCount", 2);
  }

  @Test
  void stalledDeliveryReassignedToAnotherActivator() {
    ProcessInstance milestone = start("documentPractices");
    stall(MilestoneContract.TIMER_DELIVERY_STALLED);

    followUp("bob", taskAt(MilestoneContract.TASK_FOLLOW_UP_DELIVERY), Map.of("followUpAction", "reassigned", "newAssignee", "erin"));

    assertThat(taskAt(MilestoneContract.TASK_DELIVER)).isAssignedTo("erin");
    assertThat(milestone).variables().containsEntry("responsibleUser", "erin");
    deliver("erin", "https://wiki.example.org/practices", null);
    review("bob", "request-changes", "One more section");
    assertThat(taskAt(MilestoneContract.TASK_DELIVER)).isAssignedTo("erin");
  }

  @Test
  void stalledDeliveryDeadlineExtendedMovesTheSecondLevel() {
    ProcessInstance milestone = start("documentPractices");
    stall(MilestoneContract.TIMER_DELIVERY_STALLED);

    followUp("bob", taskAt(MilestoneContract.TASK_FOLLOW_UP_DELIVERY), Map.of("followUpAction", "extended", "newDueDate", "2026-04-01"));

    Date newDue = Date.from(LocalDate.parse("2026-04-02").atStartOfDay(ZoneId.systemDefault()).toInstant().minusSeconds(1));
    assertThat(taskAt(MilestoneContract.TASK_DELIVER)).hasDueDate(newDue);
    org.assertj.core.api.Assertions.assertThat(timer("Timer_DeliveryStillStalled").getDuedate())
        .isEqualTo(Date.from(newDue.toInstant().plus(Duration.ofDays(7))));
  }

  @Test
  void stalledDeliveryDroppedBySupport() {
    ProcessInstance milestone = start("documentPractices");
    stall(MilestoneContract.TIMER_DELIVERY_STALLED);

    followUp("bob", taskAt(MilestoneContract.TASK_FOLLOW_UP_DELIVERY), Map.of("followUpAction", "dropped", "dropReason", "Team reorganised"));

    assertThat(milestone).hasPassed("EndEvent_DeliveryDropped", "EndEvent_MilestoneDropped").isEnded()
        .variables().containsEntry("milestoneOutcome", "dropped").containsEntry("dropReason", "Team reorganised")
        .containsEntry("droppedBy", "bob").doesNotContainKey("acceptedBy");
    org.assertj.core.api.Assertions.assertThat(taskService().createTaskQuery().count()).isZero();
  }

  @Test
  void stillStalledDeliveryDroppedByCommunityLeads() {
    ProcessInstance milestone = start("documentPractices");
    stall(MilestoneContract.TIMER_DELIVERY_STALLED);
    followUp("bob", taskAt(MilestoneContract.TASK_FOLLOW_UP_DELIVERY), Map.of("followUpAction", "nudged"));
    stall("Timer_DeliveryStillStalled");

    followUp("dave", taskAt(MilestoneContract.TASK_ESCALATE_DELIVERY), Map.of("followUpAction", "dropped", "dropReason", "No owner"));

    assertThat(milestone).hasPassed("EndEvent_DeliveryDroppedByLeads", "EndEvent_MilestoneDropped").isEnded()
        .variables().containsEntry("droppedBy", "dave").containsEntry("escalationCount", 2);
  }

  @Test
  void deliveryDuringFollowUpClosesTheFollowUp() {
    ProcessInstance milestone = start("documentPractices");
    stall(MilestoneContract.TIMER_DELIVERY_STALLED);

    deliver("alice", "https://wiki.example.org/practices", null);

    assertThat(milestone).isWaitingAt(MilestoneContract.TASK_REVIEW).isNotWaitingAt(MilestoneContract.TASK_FOLLOW_UP_DELIVERY);
    org.assertj.core.api.Assertions.assertThat(taskService().createTaskQuery().list())
        .extracting(Task::getTaskDefinitionKey).containsExactly(MilestoneContract.TASK_REVIEW);
  }

  @Test
  void stalledReviewIsFollowedUpByCommunityLeadsThenEscalated() {
    ProcessInstance milestone = start("documentPractices");
    deliver("alice", "https://wiki.example.org/practices", null);

    stall(MilestoneContract.TIMER_REVIEW_STALLED);
    Task followUp = taskAt(MilestoneContract.TASK_FOLLOW_UP_REVIEW);
    assertThat(followUp).isNotAssigned().hasCandidateGroup("community-leads");
    followUp("dave", followUp, Map.of("followUpAction", "reassigned", "newAssignee", "frank"));
    assertThat(taskAt(MilestoneContract.TASK_REVIEW)).isAssignedTo("frank");

    stall("Timer_ReviewStillStalled");
    Task escalation = taskAt(MilestoneContract.TASK_ESCALATE_REVIEW);
    assertThat(escalation).hasCandidateGroup("community-leads");
    followUp("dave", escalation, Map.of("followUpAction", "nudged"));

    assertThat(milestone).hasPassed("EndEvent_ReviewEscalationHandled").isWaitingAt(MilestoneContract.TASK_REVIEW);
    review("frank", "accept", null);
    assertThat(milestone).isEnded().variables().containsEntry("acceptedBy", "frank").containsEntry("escalationCount", 2);
  }

  @Test
  void stalledReviewDroppedByCommunityLeads() {
    ProcessInstance milestone = start("documentPractices");
    deliver("alice", "https://wiki.example.org/practices", null);
    stall(MilestoneContract.TIMER_REVIEW_STALLED);

    followUp("dave", taskAt(MilestoneContract.TASK_FOLLOW_UP_REVIEW), Map.of("followUpAction", "dropped", "dropReason", "Superseded"));

    assertThat(milestone).hasPassed("EndEvent_ReviewDropped", "EndEvent_MilestoneDropped").isEnded()
        .variables().containsEntry("milestoneOutcome", "dropped").containsEntry("droppedBy", "dave");
  }

  @Test
  void stillStalledReviewDroppedOnEscalation() {
    ProcessInstance milestone = start("documentPractices");
    deliver("alice", "https://wiki.example.org/practices", null);
    stall(MilestoneContract.TIMER_REVIEW_STALLED);
    followUp("dave", taskAt(MilestoneContract.TASK_FOLLOW_UP_REVIEW), Map.of("followUpAction", "nudged"));
    stall("Timer_ReviewStillStalled");

    followUp("dave", taskAt(MilestoneContract.TASK_ESCALATE_REVIEW), Map.of("followUpAction", "dropped", "dropReason", "Liaison left"));

    assertThat(milestone).hasPassed("EndEvent_ReviewDroppedByLeads", "EndEvent_MilestoneDropped").isEnded();
  }

  @Test
  void stallPeriodsComeFromTheSettingsOfTheMilestone() {
    ProcessInstance milestone = start("identifyGaps");

    assertThat(milestone).variables().containsEntry("deliverStallPeriod", "P21D").containsEntry("reviewStallPeriod", "P7D");
    org.assertj.core.api.Assertions.assertThat(timer(MilestoneContract.TIMER_DELIVERY_STALLED).getDuedate()).isEqualTo(at(Duration.ofDays(21)));
  }

  @Test
  void deliveryWithoutAWebLinkIsRejectedAndNothingChanges() {
    ProcessInstance milestone = start("documentPractices");
    String taskId = taskAt(MilestoneContract.TASK_DELIVER).getId();

    assertThatThrownBy(() -> deliver("alice", "wiki page on the team drive", null))
        .hasMessageContaining("Link to the deliverable: give a web address such as https://wiki.example.org/page");
    assertThatThrownBy(() -> taskService().complete(taskId, Map.of("deliverableUrl", "https://example.org/x")))
        .hasMessageContaining("Summarise the deliverable");

    assertThat(milestone).isWaitingAt(MilestoneContract.TASK_DELIVER).variables().doesNotContainKey("deliverableUrl");
    deliver("alice", "https://team_wiki.example.org/practices", null);
    assertThat(milestone).isWaitingAt(MilestoneContract.TASK_REVIEW);
  }

  @Test
  void changeRequestWithoutACommentIsRejected() {
    ProcessInstance milestone = start("documentPractices");
    deliver("alice", "https://wiki.example.org/practices", null);

    assertThatThrownBy(() -> review("bob", "request-changes", " ")).hasMessageContaining("Say what should change");
    assertThatThrownBy(() -> review("bob", "maybe", null)).hasMessageContaining("'accept' or 'request-changes'");
    assertThat(milestone).isWaitingAt(MilestoneContract.TASK_REVIEW).variables().containsEntry("reviewRounds", 0);
  }

  @Test
  void followUpWithBadInputIsRejectedAndTheTaskStays() {
    ProcessInstance milestone = start("documentPractices");
    stall(MilestoneContract.TIMER_DELIVERY_STALLED);
    Task followUp = taskAt(MilestoneContract.TASK_FOLLOW_UP_DELIVERY);

    assertThatThrownBy(() -> followUp("bob", followUp, Map.of("followUpAction", "reassigned", "newAssignee", "dave")))
        .hasMessageContaining("Cannot reassign to 'dave': not a member of activators");
    assertThatThrownBy(() -> followUp("bob", followUp, Map.of("followUpAction", "reassigned", "newAssignee", "nobody")))
        .hasMessageContaining("no such user");
    assertThatThrownBy(() -> followUp("bob", followUp, Map.of("followUpAction", "extended", "newDueDate", "2026-01-01")))
        .hasMessageContaining("must be in the future");
    assertThatThrownBy(() -> followUp("bob", followUp, Map.of("followUpAction", "dropped")))
        .hasMessageContaining("Give a reason");
    assertThatThrownBy(() -> followUp("bob", followUp, Map.of("followUpAction", "ignored")))
        .hasMessageContaining("followUpAction must be one of nudged, reassigned, extended, dropped");

    assertThat(milestone).isWaitingAt(MilestoneContract.TASK_DELIVER, MilestoneContract.TASK_FOLLOW_UP_DELIVERY);
    assertThat(taskAt(MilestoneContract.TASK_DELIVER)).isAssignedTo("alice");
  }

  @Test
  void milestoneWithoutItsInputsDoesNotStart() {
    Map<String, Object> inputs = MilestoneInputs.sumo("documentPractices");
    inputs.remove("deliverable");

    assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey(MilestoneContract.PROCESS_KEY, "sumo-community", inputs))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("'deliverable'");
    org.assertj.core.api.Assertions.assertThat(runtimeService().createProcessInstanceQuery().count()).isZero();
  }

  // --- helpers ---

  private ProcessInstance start(String milestoneKey) {
    return runtimeService().startProcessInstanceByKey(MilestoneContract.PROCESS_KEY, "sumo-community", MilestoneInputs.sumo(milestoneKey));
  }


  private void deliver(String user, String url, String delegatedTo) {
    Map<String, Object> form = new HashMap<>();
    form.put("deliverableUrl", url);
    form.put("deliverableSummary", "What was done");
    form.put("delegatedTo", delegatedTo);
    as(user, () -> taskService().complete(taskAt(MilestoneContract.TASK_DELIVER).getId(), form));
  }

  private void review(String user, String decision, String comment) {
    Map<String, Object> form = new HashMap<>();
    form.put("reviewDecision", decision);
    form.put("reviewComment", comment);
    as(user, () -> taskService().complete(taskAt(MilestoneContract.TASK_REVIEW).getId(), form));
  }

  private void followUp(String user, Task task, Map<String, Object> form) {
    as(user, () -> taskService().complete(task.getId(), form));
  }

  private void as(String user, Runnable action) {
    processEngine.getIdentityService().setAuthenticatedUserId(user);
    try {
      action.run();
    } finally {
      processEngine.getIdentityService().clearAuthentication();
    }
  }

  /** Candidates stay on a task once it is assigned: whoever it is reassigned to, the group may still act. */
  private void assertCandidateGroup(Task task, String group) {
    org.assertj.core.api.Assertions.assertThat(taskService().getIdentityLinksForTask(task.getId()))
        .filteredOn(link -> "candidate".equals(link.getType()))
        .extracting(org.camunda.bpm.engine.task.IdentityLink::getGroupId)
        .contains(group);
  }

  private org.camunda.bpm.engine.runtime.Job timer(String activityId) {
    return managementService().createJobQuery().activityId(activityId).singleResult();
  }

  private Task taskAt(String taskDefinitionKey) {
    return taskService().createTaskQuery().taskDefinitionKey(taskDefinitionKey).singleResult();
  }

  private List<String> commentsOn(String taskDefinitionKey) {
    return taskService().getTaskComments(taskAt(taskDefinitionKey).getId()).stream().map(Comment::getFullMessage).toList();
  }

  /** Moves the clock to when the timer is due and fires it; a timer due later than expected fails the test. */
  private void stall(String timerId) {
    Date due = timer(timerId).getDuedate();
    ClockUtil.setCurrentTime(due);
    execute(timer(timerId));
  }

  private void later(Duration duration) {
    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(duration)));
  }

  private static Date at(Duration sinceStart) {
    return Date.from(START.plus(sinceStart));
  }
}
