package org.communitylifecycle.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.BatchPermissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.communitylifecycle.testsupport.AppTables;
import org.communitylifecycle.testsupport.ProcessBeans;
import org.communitylifecycle.testsupport.TestProcessEngineConfiguration;
import org.communitylifecycle.testsupport.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every path through processes/migrate-running-instances.bpmn, with a milestone on version 1 of two. */
class MigrateRunningInstancesTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder(TestProcessEngineConfiguration.RESOURCE).build();

  static final String MODEL = "processes/migrate-running-instances.bpmn";
  static final List<String> FORMS = List.of("forms/migrate-running-instances-start.form", "forms/migrate-running-instances-choose.form",
      "forms/migrate-running-instances-review.form", "forms/migrate-running-instances-report.form");

  ProcessEngine processEngine;
  Versions versions;
  List<Authorization> grants = new ArrayList<>();
  ProcessInstance milestone;

  @BeforeEach
  void setUp() {
    init(processEngine);
    ProcessBeans.register(processEngine);
    TestUsers.ensure(processEngine.getIdentityService());
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-03-02T09:00:00Z")));
    versions = new Versions(processEngine);
    MigrationPlanner planner = new MigrationPlanner(processEngine, List.of());
    Migrations migrations = new Migrations(processEngine, planner, new MigrationStore(AppTables.jdbc(processEngine)));
    Mocks.register("runningInstanceMigration", new RunningInstanceMigration(migrations, new VersionCounts(processEngine, migrations)));
    grants.add(Versions.grantDesigners(processEngine, Resources.PROCESS_DEFINITION, ProcessDefinitionPermissions.MIGRATE_INSTANCE));
    grants.add(Versions.grantDesigners(processEngine, Resources.BATCH, BatchPermissions.CREATE_BATCH_MIGRATE_PROCESS_INSTANCES));

    List<String> resources = new ArrayList<>(List.of(MODEL, "processes/milestone.bpmn"));
    resources.addAll(FORMS);
    resources.addAll(Versions.MILESTONE_FORMS);
    versions.deploy(resources);
  }

  /** A milestone runs on version 1 of the milestone model; version 2 is deployed. */
  private void milestoneOnVersion1OfTwo() {
    milestone = Versions.startMilestone(processEngine, "documentPractices");
    List<String> milestoneV2 = new ArrayList<>(List.of("processes/milestone.bpmn"));
    milestoneV2.addAll(Versions.MILESTONE_FORMS);
    versions.deploy(milestoneV2, Map.of("processes/milestone.bpmn", Versions.MILESTONE_V2));
  }

  @AfterEach
  void tearDown() {
    versions.undeploy();
    grants.forEach(g -> processEngine.getAuthorizationService().deleteAuthorization(g.getId()));
    ClockUtil.reset();
    Mocks.reset();
    processEngine.getIdentityService().clearAuthentication();
  }

  @Test
  void carolChoosesTheMilestoneRunsThePlanAndReadsTheReportOnceTheBatchIsDone() {
    ProcessInstance request = startAsCarol();
    assertThat(request).isWaitingAt("Task_ChooseMigration").task().isAssignedTo("carol");
    assertThat((String) variable(request, "migrationOffer")).contains("**Milestone** (milestone), latest v2: v1: 1");
    assertThat(variable(request, "migrationChoices").toString()).contains("\"value\":\"milestone\"").contains("last-deployment");

    complete(request, Map.of("migrationScope", "milestone", "includePaused", false));
    assertThat(request).isWaitingAt("Task_ReviewMigrationPlan").task().isAssignedTo("carol");
    assertThat((String) variable(request, "migrationPlanText")).contains("1 will move, 0 will stay");
    assertThat(definitionVersion()).as("planning changes nothing").isEqualTo(1);

    complete(request, Map.of("migrationDecision", "run"));
    assertThat(request).isWaitingAt("Timer_WaitForBatch").variables().containsKey("migrationId");
    fireTimer(request);
    assertThat(request).as("the batch has not run yet: not yet").isWaitingAt("Timer_WaitForBatch")
        .hasPassed("ServiceTask_CheckMigration", "Gateway_MigrationFinished");
    assertThat((Boolean) variable(request, "migrationFinished")).isFalse();

    versions.runBatches();
    fireTimer(request);
    assertThat(request).isWaitingAt("Task_ReadMigrationReport").task().isAssignedTo("carol");
    assertThat((String) variable(request, "migrationReportText")).contains("1 moved, 0 skipped, 0 failed")
        .contains("requested by carol");
    assertThat(definitionVersion()).isEqualTo(2);
    complete(request, Map.of());
    assertThat(request).hasPassed("EndEvent_MigrationReported").isEnded();
  }

  @Test
  void carolChoosesAgainAfterReviewingThePlan() {
    ProcessInstance request = startAsCarol();
    complete(request, Map.of("migrationScope", "last-deployment", "includePaused", false));
    assertThat((String) variable(request, "migrationPlanText")).contains("**Milestone** (milestone) to version 2: 1 will move");

    complete(request, Map.of("migrationDecision", "again"));

    assertThat(request).hasPassedInOrder("Gateway_MigrationDecision", "ServiceTask_OfferMigrations")
        .isWaitingAt("Task_ChooseMigration");
    assertThat(definitionVersion()).isEqualTo(1);
  }

  @Test
  void carolCancelsAndNothingMoves() {
    ProcessInstance request = startAsCarol();
    complete(request, Map.of("migrationScope", "milestone", "includePaused", false));

    complete(request, Map.of("migrationDecision", "cancel"));

    assertThat(request).hasPassed("EndEvent_MigrationCancelled").isEnded();
    assertThat(definitionVersion()).isEqualTo(1);
    assertThat(processEngine.getManagementService().createBatchQuery().count()).isZero();
  }

  private ProcessInstance startAsCarol() {
    milestoneOnVersion1OfTwo();
    processEngine.getIdentityService().setAuthentication("carol", List.of("process-designers"));
    try {
      return processEngine.getRuntimeService().startProcessInstanceByKey(MigrateRunningInstancesContract.PROCESS_KEY);
    } finally {
      processEngine.getIdentityService().clearAuthentication();
    }
  }

  private void complete(ProcessInstance request, Map<String, Object> form) {
    Task task = processEngine.getTaskService().createTaskQuery().processInstanceId(request.getId()).singleResult();
    processEngine.getIdentityService().setAuthentication("carol", List.of("process-designers"));
    try {
      processEngine.getTaskService().complete(task.getId(), form);
    } finally {
      processEngine.getIdentityService().clearAuthentication();
    }
  }

  private void fireTimer(ProcessInstance request) {
    Job timer = processEngine.getManagementService().createJobQuery().processInstanceId(request.getId()).singleResult();
    ClockUtil.setCurrentTime(timer.getDuedate());
    processEngine.getManagementService().executeJob(timer.getId());
  }

  private Object variable(ProcessInstance request, String name) {
    return processEngine.getRuntimeService().getVariable(request.getId(), name);
  }

  private int definitionVersion() {
    String id = processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceId(milestone.getId())
        .singleResult().getProcessDefinitionId();
    return processEngine.getRepositoryService().getProcessDefinition(id).getVersion();
  }


}
