package org.communitylifecycle.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.communitylifecycle.contributor.ContributorFigures;

/**
 * Works a community's stage the way its people would: alice delivers milestones, bob accepts them
 * and decides at the exit review; the gate's measuring job runs when the test says so.
 */
public final class StageDriver {

  public static final String MEASURE = "ServiceTask_MeasureExitCriteria";
  public static final String REVIEW = "Task_ReviewStageExit";

  private final ProcessEngine engine;

  public StageDriver(ProcessEngine engine) {
    this.engine = engine;
  }

  /**
   * The coverage extension of a test of a lifecycle model: every flow node and sequence flow of
   * the class's own model must be covered, none of the processes it calls.
   */
  public static ProcessEngineCoverageExtension coverage(String... calledProcesses) {
    return ProcessEngineCoverageExtension.builder(TestProcessEngineConfiguration.RESOURCE)
        .excludeProcessDefinitionKeys(calledProcesses)
        .assertClassCoverageAtLeast(1.0)
        .build();
  }

  /**
   * Readies the engine for a test of a lifecycle model: assertions bound to it, the beans the
   * models call (with these contributor figures), an empty stage history, the test users, and the
   * clock at the given time.
   */
  public static StageDriver ready(ProcessEngine engine, ContributorFigures figures, Instant now) {
    init(engine);
    ProcessBeans.register(engine, figures);
    AppTables.clearStageHistory(engine);
    TestUsers.ensure(engine.getIdentityService());
    ClockUtil.setCurrentTime(Date.from(now));
    return new StageDriver(engine);
  }

  /** Undoes {@link #ready}: the real clock, no beans, nobody authenticated. */
  public static void reset(ProcessEngine engine) {
    ClockUtil.reset();
    Mocks.reset();
    engine.getIdentityService().clearAuthentication();
  }

  /** alice delivers the milestone, bob accepts it. */
  public void accept(String community, String milestoneKey) {
    Task deliver = deliverTask(community, milestoneKey);
    assertThat(deliver).as("Deliver task of %s in %s", milestoneKey, community).isNotNull();
    as("alice", "activators", () -> engine.getTaskService().complete(deliver.getId(), Map.of(
        "deliverableUrl", "https://wiki.example.org/" + community + "/" + milestoneKey, "deliverableSummary", "Done")));
    Task review = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(community)
        .taskDefinitionKey("Task_ReviewDeliverable").processVariableValueEquals("milestoneKey", milestoneKey).singleResult();
    as("bob", "cbt-liaisons", () -> engine.getTaskService().complete(review.getId(), Map.of("reviewDecision", "accept")));
  }

  /** Accepts every milestone the stage opens, including those that wait for others; returns their keys in order. */
  public List<String> acceptAll(String community) {
    List<String> accepted = new ArrayList<>();
    List<Task> open;
    while (!(open = deliverTasks(community)).isEmpty()) {
      for (Task task : open) {
        String key = (String) engine.getTaskService().getVariable(task.getId(), "milestoneKey");
        accept(community, key);
        accepted.add(key);
      }
    }
    return accepted;
  }

  /** Support drops a stalled milestone after its first stall period. */
  public void drop(String community, String milestoneKey, String reason) {
    Task deliver = deliverTask(community, milestoneKey);
    Job stalled = engine.getManagementService().createJobQuery().processInstanceId(deliver.getProcessInstanceId())
        .activityId("Timer_DeliveryStalled").singleResult();
    ClockUtil.setCurrentTime(stalled.getDuedate());
    engine.getManagementService().executeJob(stalled.getId());
    Task followUp = engine.getTaskService().createTaskQuery().processInstanceId(deliver.getProcessInstanceId())
        .taskDefinitionKey("Task_FollowUpStalledDelivery").singleResult();
    as("bob", "cbt-liaisons", () -> engine.getTaskService().complete(followUp.getId(),
        Map.of("followUpAction", "dropped", "dropReason", reason)));
  }

  public Task deliverTask(String community, String milestoneKey) {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(community)
        .taskDefinitionKey("Task_DeliverMilestone").processVariableValueEquals("milestoneKey", milestoneKey).singleResult();
  }

  public List<Task> deliverTasks(String community) {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(community)
        .taskDefinitionKey("Task_DeliverMilestone").list();
  }

  /** The job of the gate that measures the exit criteria of the community's stage. */
  public Job measureJob(String community) {
    Set<String> instances = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(community)
        .list().stream().map(p -> p.getId()).collect(Collectors.toSet());
    List<Job> jobs = engine.getManagementService().createJobQuery().activityId(MEASURE).list().stream()
        .filter(j -> instances.contains(j.getProcessInstanceId())).toList();
    assertThat(jobs).as("measuring job of %s", community).hasSize(1);
    return jobs.get(0);
  }

  /** Runs the gate: measures the figures and evaluates the exit criteria; the review then waits. */
  public void measure(String community) {
    engine.getManagementService().executeJob(measureJob(community).getId());
  }

  public Task reviewTask(String community) {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(community).taskDefinitionKey(REVIEW)
        .singleResult();
  }

  /** bob decides at the exit review: advance or hold, with a reason or none. */
  public void review(String community, String decision, String reason) {
    Task review = reviewTask(community);
    assertThat(review).as("exit review of %s", community).isNotNull();
    Map<String, Object> form = new java.util.HashMap<>();
    form.put("stageExitDecision", decision);
    form.put("stageExitReason", reason);
    as("bob", "cbt-liaisons", () -> engine.getTaskService().complete(review.getId(), form));
  }

  /** Accepts every milestone, runs the gate and advances with the given reason (none needed when the criteria are met). */
  public void completeStage(String community, String reason) {
    acceptAll(community);
    measure(community);
    review(community, "advance", reason);
  }

  /** The task's candidate groups; they stay on a task once it is assigned. */
  public List<String> candidateGroups(Task task) {
    return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> "candidate".equals(link.getType())).map(link -> link.getGroupId()).toList();
  }

  public void as(String user, String group, Runnable action) {
    engine.getIdentityService().setAuthentication(user, List.of(group));
    try {
      action.run();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }
}
