package org.communitylifecycle.demo;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The engine as the demo runners play their samples on it: whether a sample ran before, acting
 * as a person, completing their tasks and finding a timer to fire.
 */
@Component
@Profile("demo")
class DemoEngine {

  final RuntimeService runtime;
  final TaskService tasks;
  final ManagementService management;
  private final HistoryService history;
  private final IdentityService identity;

  DemoEngine(RuntimeService runtime, TaskService tasks, ManagementService management, HistoryService history,
      IdentityService identity) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.management = management;
    this.history = history;
    this.identity = identity;
  }

  /** Whether a sample with this business key ever ran, in any process: a sample is played once ever. */
  boolean played(String businessKey) {
    return history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(businessKey).count() > 0;
  }

  /** Whether a sample of this process ever ran, finished or deleted. */
  boolean played(String processKey, String businessKey) {
    return history.createHistoricProcessInstanceQuery().processDefinitionKey(processKey)
        .processInstanceBusinessKey(businessKey).count() > 0;
  }

  /** The groups a person is a member of. */
  List<String> groupsOf(String user) {
    return identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
  }

  /**
   * Acts as a person with the groups given (null: the person alone), so the engine checks their
   * rights and records them as the one who acted.
   */
  <T> T as(String user, List<String> groups, Supplier<T> action) {
    identity.setAuthentication(user, groups);
    try {
      return action.get();
    } finally {
      identity.clearAuthentication();
    }
  }

  /** Completes a task as a person with the groups given (null: the person alone). */
  void complete(Task task, String user, List<String> groups, Map<String, Object> variables) {
    as(user, groups, () -> {
      tasks.complete(task.getId(), variables);
      return null;
    });
  }

  /** A process instance's timer at an element, or null. */
  Job timer(String processInstanceId, String activityId) {
    return management.createJobQuery().processInstanceId(processInstanceId).activityId(activityId).timers()
        .singleResult();
  }
}
