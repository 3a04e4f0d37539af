package org.communitylifecycle.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.communitylifecycle.testsupport.TestProcessEngineConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The losing one of two simultaneous completions, made deterministic: it has read the task, then the
 * winner completes it and commits, then the loser goes on.
 */
class TaskGoneMeanwhileTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine =
      ProcessEngineCoverageExtension.builder(TestProcessEngineConfiguration.RESOURCE).build();

  private String deployment;

  @AfterEach
  void removeModel() {
    Mocks.reset();
    if (deployment != null) {
      engine.getRepositoryService().deleteDeployment(deployment, true);
    }
  }

  @Test
  void theLoserOfTwoCompletionsIsToldTheTaskWasCompletedMeanwhileNotThatAFieldIsMissing() throws Exception {
    ProcessEngine processEngine = engine.getProcessEngine();
    TaskListener requireLink = task -> {
      if (task.getVariable("link") == null) {
        throw new InvalidInputException("Give the link (link)");
      }
    };
    Mocks.register("requireLink", requireLink);
    BpmnModelInstance model = Bpmn.createExecutableProcess("task-gone-meanwhile").camundaHistoryTimeToLive(1)
        .startEvent().userTask("Deliver").name("Deliver")
        .camundaTaskListenerDelegateExpression(TaskListener.EVENTNAME_COMPLETE, "${requireLink}")
        .endEvent().done();
    deployment = engine.getRepositoryService().createDeployment().addModelInstance("task-gone-meanwhile.bpmn", model)
        .deploy().getId();
    engine.getRuntimeService().startProcessInstanceByKey("task-gone-meanwhile");
    String taskId = engine.getTaskService().createTaskQuery().singleResult().getId();
    Map<String, Object> variables = Map.of("link", "https://wiki.example.org/raced");

    Command<Void> loser = commandContext -> {
      commandContext.getTaskManager().findTaskById(taskId);
      CompletableFuture.runAsync(() -> {
        Mocks.register("requireLink", requireLink); // mocks are per thread
        processEngine.getTaskService().complete(taskId, variables);
      })
          .orTimeout(30, TimeUnit.SECONDS).join();
      new CompleteTaskCmd(taskId, variables).execute(commandContext);
      return null;
    };

    assertThatThrownBy(() -> ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration())
        .getCommandExecutorTxRequired().execute(loser))
        .isInstanceOf(OptimisticLockingException.class)
        .hasMessageContaining("was completed by someone else meanwhile")
        .satisfies(e -> assertThat(ClientErrors.classify(e)).hasValueSatisfying(error ->
            assertThat(error.status()).isEqualTo(409)));
    assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(taskId).singleResult()
        .getDeleteReason()).isEqualTo("completed");
  }
}
