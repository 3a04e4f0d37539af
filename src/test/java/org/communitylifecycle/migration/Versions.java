package org.communitylifecycle.migration;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.communitylifecycle.testsupport.MilestoneInputs;

/**
 * Deploys the shipped models as version 1 and edited copies as version 2, as a designer would
 * (one deployment each, models with their forms), and runs migration batches the way the job
 * executor would, job by job.
 */
final class Versions {

  /** The milestone's version 2: the follow-up of a stalled delivery renamed (id and name), the escalation of a stalled review replaced. */
  static final UnaryOperator<String> MILESTONE_V2 = bpmn -> bpmn
      .replace("Task_FollowUpStalledDelivery", "Task_ChaseStalledDelivery")
      .replace("name=\"Follow up stalled delivery\"", "name=\"Chase the stalled delivery\"")
      .replace("Task_EscalateStalledReview", "Task_UnblockStalledReview");

  /** The deliver form's version 2: one more field. */
  static final UnaryOperator<String> DELIVER_FORM_V2 = form -> form.replaceFirst("\"components\"\\s*:\\s*\\[",
      "\"components\": [{\"type\": \"number\", \"key\": \"hoursSpent\", \"label\": \"Hours spent\", \"id\": \"Field_HoursSpent\"},");

  static final List<String> MILESTONE_FORMS = List.of("forms/milestone-deliver.form", "forms/milestone-review.form",
      "forms/milestone-follow-up.form");

  private final ProcessEngine engine;
  private final List<String> deployments = new ArrayList<>();

  Versions(ProcessEngine engine) {
    this.engine = engine;
  }

  /** Deploys the resources, each edited by its edit (if any), as one deployment. */
  Deployment deploy(List<String> resources, Map<String, UnaryOperator<String>> edits) {
    DeploymentBuilder builder = engine.getRepositoryService().createDeployment().name("community-lifecycle");
    for (String resource : resources) {
      builder.addString(resource, edits.getOrDefault(resource, UnaryOperator.identity()).apply(read(resource)));
    }
    Deployment deployment = builder.deploy();
    deployments.add(deployment.getId());
    return deployment;
  }

  Deployment deploy(List<String> resources) {
    return deploy(resources, Map.of());
  }

  /** Removes every deployment made here, with its instances. */
  void undeploy() {
    deployments.forEach(id -> engine.getRepositoryService().deleteDeployment(id, true, true, true));
    deployments.clear();
    for (Batch batch : engine.getManagementService().createBatchQuery().list()) {
      engine.getManagementService().deleteBatch(batch.getId(), true);
    }
  }

  /**
   * Runs every migration batch as the job executor would: the seed jobs, each batch job (a job that
   * fails is run until its retries are spent), then the monitor jobs. Returns each failure message.
   */
  Map<String, String> runBatches() {
    ManagementService management = engine.getManagementService();
    Map<String, String> failures = new LinkedHashMap<>();
    for (Batch batch : management.createBatchQuery().list()) {
      for (int round = 0; round < 1000; round++) {
        List<Job> seeds = management.createJobQuery().jobDefinitionId(batch.getSeedJobDefinitionId()).list();
        if (seeds.isEmpty()) {
          break;
        }
        seeds.forEach(seed -> management.executeJob(seed.getId()));
      }
      for (Job job : management.createJobQuery().jobDefinitionId(batch.getBatchJobDefinitionId()).list()) {
        for (int attempt = 0; attempt < 3; attempt++) {
          try {
            management.executeJob(job.getId());
            break;
          } catch (RuntimeException e) {
            failures.put(job.getId(), e.getMessage());
          }
        }
      }
      for (Job monitor : management.createJobQuery().jobDefinitionId(batch.getMonitorJobDefinitionId()).list()) {
        management.executeJob(monitor.getId());
      }
    }
    return failures;
  }

  /** Grants process-designers the permission on every resource of the type, as the app's seeding does; returns the grant to delete. */
  static Authorization grantDesigners(ProcessEngine engine, Resource resource, Permission permission) {
    Authorization authorization = engine.getAuthorizationService().createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    authorization.setGroupId("process-designers");
    authorization.setResource(resource);
    authorization.setResourceId(Authorization.ANY);
    authorization.addPermission(permission);
    return engine.getAuthorizationService().saveAuthorization(authorization);
  }

  /** Starts a milestone of SUMO Community, as a stage would: alice delivers, bob reviews. */
  static ProcessInstance startMilestone(ProcessEngine engine, String milestoneKey) {
    return engine.getRuntimeService().startProcessInstanceByKey("milestone", "sumo-community", MilestoneInputs.sumo(milestoneKey));
  }

  static String read(String resource) {
    try (InputStream in = Versions.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("No " + resource + " on the test classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
