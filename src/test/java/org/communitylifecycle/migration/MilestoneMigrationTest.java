package org.communitylifecycle.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.BatchPermissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.communitylifecycle.identity.ApiCaller;
import org.communitylifecycle.migration.MigrationReport.Outcome;
import org.communitylifecycle.milestone.MilestoneContract;
import org.communitylifecycle.testsupport.AppTables;
import org.communitylifecycle.testsupport.ProcessBeans;
import org.communitylifecycle.testsupport.TestDatabase;
import org.communitylifecycle.testsupport.TestProcessEngineConfiguration;
import org.communitylifecycle.testsupport.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Milestones move from version 1 of processes/milestone.bpmn to a version 2 with a changed deliver
 * form, a renamed follow-up task and a replaced escalation task: the plan, the batch, and how the
 * moved milestones go on. Runs on H2 and, with -Ppostgres, on PostgreSQL.
 */
class MilestoneMigrationTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder(TestProcessEngineConfiguration.RESOURCE).build();

  static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
  static final ApiCaller CAROL = new ApiCaller("carol", List.of("process-designers"));
  static final String MILESTONE = "processes/milestone.bpmn";

  /** What version 2 needs: the renamed follow-up, and a new variable with its default from the settings. */
  static final MigrationDefaults HOOK = new MigrationDefaults() {
    @Override
    public String processKey() {
      return MilestoneContract.PROCESS_KEY;
    }

    @Override
    public Set<String> neededVariables() {
      return Set.of("reviewRoundLimit", "stillStalledPeriod");
    }

    @Override
    public Optional<Object> defaultValue(String variable, Map<String, Object> variables) {
      return variable.equals("reviewRoundLimit") && !"noDefault".equals(variables.get("milestoneKey"))
          ? Optional.of(3) : Optional.empty();
    }

    @Override
    public Map<String, String> renamedActivities() {
      return Map.of("Task_FollowUpStalledDelivery", "Task_ChaseStalledDelivery");
    }
  };

  ProcessEngine processEngine;
  Versions versions;
  Migrations migrations;
  MigrationPlanner planner;
  Authorization designers;
  Authorization batches;

  @BeforeEach
  void setUp() {
    ProcessBeans.register(processEngine);
    TestUsers.ensure(processEngine.getIdentityService());
    ClockUtil.setCurrentTime(Date.from(START));
    versions = new Versions(processEngine);
    planner = new MigrationPlanner(processEngine, List.of(HOOK));
    migrations = new Migrations(processEngine, planner, new MigrationStore(AppTables.jdbc(processEngine)));
    designers = Versions.grantDesigners(processEngine, Resources.PROCESS_DEFINITION, ProcessDefinitionPermissions.MIGRATE_INSTANCE);
    batches = Versions.grantDesigners(processEngine, Resources.BATCH, BatchPermissions.CREATE_BATCH_MIGRATE_PROCESS_INSTANCES);
    versions.deploy(resources());
  }

  @AfterEach
  void tearDown() {
    versions.undeploy();
    processEngine.getAuthorizationService().deleteAuthorization(designers.getId());
    processEngine.getAuthorizationService().deleteAuthorization(batches.getId());
    ClockUtil.reset();
    Mocks.reset();
    processEngine.getIdentityService().clearAuthentication();
  }

  @Test
  void milestonesAtDeliverReviewAndAFollowUpMoveAndGoOnOnVersion2() {
    ProcessInstance delivering = start("documentPractices");
    ProcessInstance reviewing = start("identifyGaps");
    deliver(reviewing);
    ProcessInstance stalled = start("buildPathway");
    fire(stalled, "Timer_DeliveryStalled");
    processEngine.getTaskService().createComment(task(delivering, MilestoneContract.TASK_DELIVER).getId(), delivering.getId(),
        "Started on the wiki page");
    Date deliverDue = task(delivering, MilestoneContract.TASK_DELIVER).getDueDate();
    Date reviewStallDue = timer(reviewing, "Timer_ReviewStalled").getDuedate();
    deployVersion2();

    Plan plan = migrations.plan(new MigrationScope("milestone", false), CAROL);
    assertThat(plan.processes()).singleElement().satisfies(p -> {
      assertThat(p.targetVersion()).isEqualTo(2);
      assertThat(p.moving()).isEqualTo(3);
    });
    assertThat(plan.instances()).allSatisfy(i -> assertThat(i.defaults()).containsEntry("reviewRoundLimit", 3));
    assertThat(plan.markdown()).contains("3 will move, 0 will stay");
    assertThat(definitionOf(delivering).getVersion()).as("planning changes nothing").isEqualTo(1);

    MigrationReport started = as("carol", () -> migrations.start(new MigrationScope("milestone", false), CAROL));
    assertThat(started.pending()).isEqualTo(3);
    versions.runBatches();

    MigrationReport report = migrations.report(started.id()).orElseThrow();
    assertThat(report.finished()).isTrue();
    assertThat(report.moved()).isEqualTo(3);
    assertThat(report.requestedBy()).isEqualTo("carol");
    for (ProcessInstance instance : List.of(delivering, reviewing, stalled)) {
      assertThat(definitionOf(instance).getVersion()).isEqualTo(2);
      assertThat(processEngine.getRuntimeService().getVariable(instance.getId(), "reviewRoundLimit")).isEqualTo(3);
    }
    // Who may act, and the timers and due dates, are as they were.
    Task deliver = task(delivering, MilestoneContract.TASK_DELIVER);
    assertThat(deliver.getAssignee()).isEqualTo("alice");
    assertThat(deliver.getDueDate()).isEqualTo(deliverDue);
    assertThat(candidateGroups(deliver)).containsExactly("activators");
    assertThat(processEngine.getTaskService().getTaskComments(deliver.getId())).extracting(c -> c.getFullMessage())
        .containsExactly("Started on the wiki page");
    assertThat(timer(reviewing, "Timer_ReviewStalled").getDuedate()).isEqualTo(reviewStallDue);
    assertThat(timer(reviewing, "Timer_ReviewStalled").getProcessDefinitionId()).isEqualTo(definitionOf(reviewing).getId());
    // The changed form: the deliver task now shows version 2's.
    assertThat(deployedForm(deliver)).contains("hoursSpent");
    // The renamed follow-up task is version 2's.
    // The renamed follow-up task is version 2's; like every task that moves, it keeps the name it was created with.
    Task chase = task(stalled, "Task_ChaseStalledDelivery");
    assertThat(chase.getProcessDefinitionId()).isEqualTo(definitionOf(stalled).getId());
    assertThat(chase.getName()).startsWith("Follow up stalled delivery");
    assertThat(chase.getAssignee()).isEqualTo("bob");
    // The engine's operation log names carol.
    assertThat(processEngine.getHistoryService().createUserOperationLogQuery()
        .operationType(UserOperationLogEntry.OPERATION_TYPE_MIGRATE).userId("carol").count()).isPositive();

    // Each goes on to its end on version 2.
    deliver(delivering);
    accept(delivering);
    accept(reviewing);
    as("bob", () -> processEngine.getTaskService().complete(chase.getId(), Map.of("followUpAction", "nudged")));
    deliver(stalled);
    accept(stalled);
    for (ProcessInstance instance : List.of(delivering, reviewing, stalled)) {
      assertThat(processEngine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(instance.getId())
          .singleResult()).satisfies(h -> {
            assertThat(h.getState()).isEqualTo("COMPLETED");
            assertThat(h.getProcessDefinitionVersion()).isEqualTo(2);
            assertThat(h.getEndActivityId()).isEqualTo("EndEvent_MilestoneAccepted");
          });
    }
  }

  @Test
  void aMilestoneInTheReplacedEscalationIsReportedAndLeftOnVersion1Untouched() {
    ProcessInstance escalated = start("documentPractices");
    escalateReview(escalated);
    ProcessInstance delivering = start("identifyGaps");
    deployVersion2();
    Map<String, Object> before = processEngine.getRuntimeService().getVariables(escalated.getId());

    Plan plan = migrations.plan(new MigrationScope("milestone", false), CAROL);
    Plan.Instance staying = plan.instances().stream().filter(i -> i.processInstanceId().equals(escalated.getId())).findFirst().orElseThrow();
    assertThat(staying.moves()).isFalse();
    assertThat(staying.reason()).contains("Unblock stalled review").contains("Task_EscalateStalledReview")
        .contains("which version 2 no longer has");
    assertThat(plan.markdown()).contains("1 will move, 1 will stay").contains("Staying where they are");

    MigrationReport started = migrations.start(new MigrationScope("milestone", false), CAROL);
    versions.runBatches();
    MigrationReport report = migrations.report(started.id()).orElseThrow();
    assertThat(report.instances()).extracting(MigrationReport.Line::outcome).containsExactlyInAnyOrder(Outcome.MOVED, Outcome.SKIPPED);
    assertThat(definitionOf(escalated).getVersion()).isEqualTo(1);
    assertThat(definitionOf(delivering).getVersion()).isEqualTo(2);
    assertThat(processEngine.getRuntimeService().getVariables(escalated.getId())).isEqualTo(before);
    assertThat(task(escalated, "Task_EscalateStalledReview")).isNotNull();
  }

  @Test
  void aMilestoneThatReachesAnActivityVersion2LacksAfterTheStartFailsWithTheEnginesReasonAndTheOthersMove() {
    ProcessInstance escalating = start("documentPractices");
    ProcessInstance other = start("identifyGaps");
    deployVersion2();
    MigrationReport started = migrations.start(new MigrationScope("milestone", false), CAROL);
    escalateReview(escalating);

    versions.runBatches();

    MigrationReport report = migrations.report(started.id()).orElseThrow();
    assertThat(report.finished()).isTrue();
    assertThat(report.moved()).isEqualTo(1);
    assertThat(report.failed()).isEqualTo(1);
    assertThat(report.instances()).filteredOn(l -> l.processInstanceId().equals(escalating.getId())).singleElement()
        .satisfies(l -> assertThat(l.reason()).contains("Task_EscalateStalledReview"));
    assertThat(definitionOf(escalating).getVersion()).isEqualTo(1);
    assertThat(definitionOf(other).getVersion()).isEqualTo(2);
    assertThat(report.markdown()).contains("1 moved, 0 skipped, 1 failed");
  }

  @Test
  void pausedMilestonesAndMissingDefaultsStayWithTheirReasonUnlessPausedOnesAreAskedFor() {
    ProcessInstance paused = start("documentPractices");
    processEngine.getRuntimeService().suspendProcessInstanceById(paused.getId());
    ProcessInstance noDefault = start("noDefault");
    deployVersion2();

    Plan plan = migrations.plan(new MigrationScope("milestone", false), CAROL);
    assertThat(plan.instances()).extracting(Plan.Instance::reason).containsExactlyInAnyOrder(
        "paused (suspended); include paused instances to move it",
        "lacks the variable 'reviewRoundLimit', which version 2 needs, and the settings give it no default");

    MigrationReport started = migrations.start(new MigrationScope("milestone", true), CAROL);
    versions.runBatches();
    assertThat(migrations.report(started.id()).orElseThrow().moved()).isEqualTo(1);
    assertThat(definitionOf(paused).getVersion()).isEqualTo(2);
    assertThat(processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceId(paused.getId()).singleResult()
        .isSuspended()).as("still paused").isTrue();
    assertThat(definitionOf(noDefault).getVersion()).isEqualTo(1);
  }

  @Test
  void onlyThoseWithTheRightToMigrateMayPlanOrStart() {
    start("documentPractices");
    deployVersion2();
    ApiCaller alice = new ApiCaller("alice", List.of("activators"));
    // The test engine checks no authorization unless asked to, as the app does.
    processEngine.getProcessEngineConfiguration().setAuthorizationEnabled(true);
    try {
      onlyDesignersMayPlanOrStart(alice);
    } finally {
      processEngine.getProcessEngineConfiguration().setAuthorizationEnabled(false);
    }
    assertThat(processEngine.getManagementService().createBatchQuery().count()).isZero();
  }

  private void onlyDesignersMayPlanOrStart(ApiCaller alice) {

    assertThatThrownBy(() -> migrations.plan(new MigrationScope("milestone", false), alice))
        .isInstanceOf(MigrationForbiddenException.class).hasMessageContaining("alice may not migrate instances of 'milestone'");
    assertThatThrownBy(() -> migrations.start(new MigrationScope("milestone", false), alice))
        .isInstanceOf(MigrationForbiddenException.class);
    assertThatThrownBy(() -> migrations.plan(new MigrationScope("no-such-process", false), CAROL))
        .hasMessageContaining("There is no process with the key 'no-such-process'");
    assertThat(migrations.plan(new MigrationScope("milestone", false), CAROL).moving()).isEqualTo(1);
  }

  /** On PostgreSQL only, where production runs: the suite on H2 would spend a minute more on the same engine code. */
  @Test
  void twoThousandMilestonesMigrateAsBatchesAndAllGoOn() {
    Assumptions.assumeTrue(TestDatabase.isPostgres(), "runs with -Ppostgres (.ci/run does)");
    int count = 2000;
    for (int i = 0; i < count; i++) {
      start("documentPractices");
    }
    deployVersion2();

    MigrationReport started = migrations.start(new MigrationScope("milestone", false), CAROL);
    assertThat(started.pending()).isEqualTo(count);
    assertThat(versions.runBatches()).isEmpty();

    MigrationReport report = migrations.report(started.id()).orElseThrow();
    assertThat(report.moved()).isEqualTo(count);
    ProcessDefinition v2 = processEngine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("milestone")
        .latestVersion().singleResult();
    assertThat(processEngine.getRuntimeService().createProcessInstanceQuery().processDefinitionId(v2.getId()).count()).isEqualTo(count);
    List<Task> tasks = processEngine.getTaskService().createTaskQuery().processDefinitionId(v2.getId())
        .taskDefinitionKey(MilestoneContract.TASK_DELIVER).list();
    assertThat(tasks).hasSize(count);
    for (Task task : tasks) {
      processEngine.getTaskService().complete(task.getId(), Map.of("deliverableUrl", "https://wiki.example.org/practices",
          "deliverableSummary", "Done"));
    }
    assertThat(processEngine.getTaskService().createTaskQuery().processDefinitionId(v2.getId())
        .taskDefinitionKey(MilestoneContract.TASK_REVIEW).count()).isEqualTo(count);
  }

  // --- helpers ----------------------------------------------------------------------------------

  private static List<String> resources() {
    List<String> resources = new java.util.ArrayList<>(List.of(MILESTONE));
    resources.addAll(Versions.MILESTONE_FORMS);
    return resources;
  }

  private void deployVersion2() {
    versions.deploy(resources(), Map.of(MILESTONE, Versions.MILESTONE_V2, "forms/milestone-deliver.form", Versions.DELIVER_FORM_V2));
  }


  private ProcessInstance start(String milestoneKey) {
    return Versions.startMilestone(processEngine, milestoneKey);
  }

  private void deliver(ProcessInstance milestone) {
    Task task = task(milestone, MilestoneContract.TASK_DELIVER);
    as("alice", () -> processEngine.getTaskService().complete(task.getId(), Map.of(
        "deliverableUrl", "https://wiki.example.org/practices", "deliverableSummary", "What was done")));
  }

  private void accept(ProcessInstance milestone) {
    Task task = task(milestone, MilestoneContract.TASK_REVIEW);
    as("bob", () -> processEngine.getTaskService().complete(task.getId(), Map.of("reviewDecision", "accept")));
  }

  /** Delivered, the review stalls, the leads nudge, and it stalls on: the escalation task. */
  private void escalateReview(ProcessInstance milestone) {
    deliver(milestone);
    fire(milestone, "Timer_ReviewStalled");
    Task followUp = task(milestone, MilestoneContract.TASK_FOLLOW_UP_REVIEW);
    as("dave", () -> processEngine.getTaskService().complete(followUp.getId(), Map.of("followUpAction", "nudged")));
    fire(milestone, "Timer_ReviewStillStalled");
    assertThat(task(milestone, "Task_EscalateStalledReview")).isNotNull();
  }

  private void fire(ProcessInstance instance, String timerId) {
    Job job = timer(instance, timerId);
    ClockUtil.setCurrentTime(job.getDuedate());
    processEngine.getManagementService().executeJob(job.getId());
  }

  private Job timer(ProcessInstance instance, String activityId) {
    return processEngine.getManagementService().createJobQuery().processInstanceId(instance.getId()).activityId(activityId)
        .singleResult();
  }

  private Task task(ProcessInstance instance, String key) {
    return processEngine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(key)
        .singleResult();
  }

  private List<String> candidateGroups(Task task) {
    return processEngine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .filter(l -> "candidate".equals(l.getType()) && l.getGroupId() != null).map(l -> l.getGroupId()).toList();
  }

  private ProcessDefinition definitionOf(ProcessInstance instance) {
    String id = processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance.getId())
        .singleResult().getProcessDefinitionId();
    return processEngine.getRepositoryService().getProcessDefinition(id);
  }

  private String deployedForm(Task task) {
    try (InputStream in = processEngine.getFormService().getDeployedTaskForm(task.getId())) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private <T> T as(String user, java.util.function.Supplier<T> action) {
    processEngine.getIdentityService().setAuthenticatedUserId(user);
    try {
      return action.get();
    } finally {
      processEngine.getIdentityService().clearAuthentication();
    }
  }

  private void as(String user, Runnable action) {
    as(user, () -> {
      action.run();
      return null;
    });
  }
}
