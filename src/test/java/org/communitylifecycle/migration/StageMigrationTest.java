package org.communitylifecycle.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.BatchPermissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.communitylifecycle.identity.ApiCaller;
import org.communitylifecycle.milestone.MilestoneContract;
import org.communitylifecycle.testsupport.AppTables;
import org.communitylifecycle.testsupport.FakeContributorFigures;
import org.communitylifecycle.testsupport.StageDriver;
import org.communitylifecycle.testsupport.TestProcessEngineConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A stage and the milestones it called move together, callers first, and a milestone the stage
 * starts after the move is of the new version (the stage calls milestones of its own deployment).
 */
class StageMigrationTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder(TestProcessEngineConfiguration.RESOURCE).build();

  static final String KEY = "mozfest-volunteers";
  static final List<String> RESOURCES = List.of("processes/starting.bpmn", "processes/milestone.bpmn",
      "processes/stage-exit-criteria.dmn", "forms/review-stage-exit.form", "forms/milestone-deliver.form",
      "forms/milestone-review.form", "forms/milestone-follow-up.form");
  static final ApiCaller CAROL = new ApiCaller("carol", List.of("process-designers"));

  ProcessEngine processEngine;
  StageDriver driver;
  Versions versions;
  Migrations migrations;
  Authorization[] grants;

  @BeforeEach
  void setUp() {
    driver = StageDriver.ready(processEngine, new FakeContributorFigures(), Instant.parse("2026-03-02T09:00:00Z"));
    versions = new Versions(processEngine);
    migrations = new Migrations(processEngine, new MigrationPlanner(processEngine, List.of()),
        new MigrationStore(AppTables.jdbc(processEngine)));
    grants = new Authorization[] {Versions.grantDesigners(processEngine, Resources.PROCESS_DEFINITION, ProcessDefinitionPermissions.MIGRATE_INSTANCE),
        Versions.grantDesigners(processEngine, Resources.BATCH, BatchPermissions.CREATE_BATCH_MIGRATE_PROCESS_INSTANCES)};
    versions.deploy(RESOURCES);
  }

  @AfterEach
  void tearDown() {
    versions.undeploy();
    for (Authorization grant : grants) {
      processEngine.getAuthorizationService().deleteAuthorization(grant.getId());
    }
    StageDriver.reset(processEngine);
  }

  @Test
  void aStageAndItsMilestonesMoveTogetherAndTheStageGoesOnWithVersion2Milestones() {
    ProcessInstance stage = processEngine.getRuntimeService().startProcessInstanceByKey("starting",
        Map.of("communityName", "MozFest Volunteers", "activator", "alice", "liaison", "bob"));
    List<ProcessInstance> milestones = processEngine.getRuntimeService().createProcessInstanceQuery()
        .superProcessInstanceId(stage.getId()).list();
    assertThat(milestones).hasSize(3);
    versions.deploy(RESOURCES, Map.of("processes/starting.bpmn", bpmn -> bpmn.replace("name=\"Starting\"", "name=\"Starting (v2)\""),
        "processes/milestone.bpmn", Versions.MILESTONE_V2));

    Plan plan = migrations.plan(new MigrationScope("starting", false), CAROL);
    assertThat(plan.processes()).extracting(Plan.Process::processKey).containsExactly("starting", "milestone");
    assertThat(plan.instances()).hasSize(4).allMatch(Plan.Instance::moves);
    assertThat(plan.processes().get(1).instances()).allSatisfy(i -> assertThat(i.callerId()).isEqualTo(stage.getId()));

    MigrationReport started = migrations.start(new MigrationScope("starting", false), CAROL);
    List<String> batchOrder = processEngine.getManagementService().createBatchQuery().list().stream()
        .map(b -> b.getId()).toList();
    assertThat(batchOrder).hasSize(2);
    versions.runBatches();

    assertThat(migrations.report(started.id()).orElseThrow().moved()).isEqualTo(4);
    assertThat(version(stage.getId())).isEqualTo(2);
    milestones.forEach(m -> assertThat(version(m.getId())).isEqualTo(2));

    driver.accept(KEY, "buildPathway");
    ProcessInstance prototype = processEngine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(stage.getId())
        .variableValueEquals(MilestoneContract.MILESTONE_KEY, "prototypePathway").singleResult();
    assertThat(version(prototype.getId())).as("the moved stage calls version 2").isEqualTo(2);
    driver.acceptAll(KEY);
    driver.measure(KEY);
    assertThat(processEngine.getTaskService().createTaskQuery().processInstanceId(stage.getId()).singleResult()
        .getTaskDefinitionKey()).isEqualTo(StageDriver.REVIEW);
  }

  @Test
  void milestonesStayWithAStageThatStays() {
    ProcessInstance stage = processEngine.getRuntimeService().startProcessInstanceByKey("starting",
        Map.of("communityName", "MozFest Volunteers", "activator", "alice", "liaison", "bob"));
    // Version 2 of the stage has no "Build the contribution pathway" under that id any more.
    versions.deploy(RESOURCES, Map.of("processes/starting.bpmn", bpmn -> bpmn.replace("CallActivity_BuildPathway", "CallActivity_DraftPathway"),
        "processes/milestone.bpmn", Versions.MILESTONE_V2));

    Plan plan = migrations.plan(new MigrationScope("starting", false), CAROL);

    assertThat(plan.processes().get(0).instances()).singleElement().satisfies(i -> {
      assertThat(i.moves()).isFalse();
      assertThat(i.reason()).contains("CallActivity_BuildPathway").contains("which version 2 no longer has");
    });
    assertThat(plan.processes().get(1).instances()).hasSize(3).allSatisfy(i -> {
      assertThat(i.moves()).isFalse();
      assertThat(i.reason()).isEqualTo("called by a starting instance that stays on version 1");
    });
    assertThat(version(stage.getId())).isEqualTo(1);
  }

  private int version(String instanceId) {
    String definition = processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instanceId)
        .singleResult().getProcessDefinitionId();
    return processEngine.getRepositoryService().getProcessDefinition(definition).getVersion();
  }

}
