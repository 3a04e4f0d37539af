package org.communitylifecycle.engine;

import java.lang.reflect.Proxy;
import org.camunda.bpm.engine.OptimisticLockingException;
// A command checker, registered by an engine plugin, has no public API.
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.stereotype.Component;

/**
 * Two people complete the same task at the same moment. The one who loses read the task before the
 * winner committed, but its execution after: the execution is gone, and the engine then drops the
 * loser's variables without a word ({@code TaskEntity.setExecutionVariables} has no scope to put
 * them in) and runs the task's complete listeners on an empty task. Those refuse it for a missing
 * field the person did fill in ("Give the link to the deliverable"), a 400 that sends them looking
 * for a mistake they did not make.
 *
 * <p>This command checker runs before any work on a task (complete, submit form, claim, BPMN error)
 * and answers what really happened: the task was finished by someone else meanwhile, an
 * {@link OptimisticLockingException} that {@link ClientErrors} answers as 409 "reload it".
 */
@Component
public class TaskGoneMeanwhile extends AbstractProcessEnginePlugin {

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    configuration.getCommandCheckers().add(checker());
  }

  /** A checker that looks only at task work; the interface's other checks pass through. */
  static CommandChecker checker() {
    return (CommandChecker) Proxy.newProxyInstance(CommandChecker.class.getClassLoader(),
        new Class<?>[] {CommandChecker.class}, (proxy, method, args) -> {
          if (method.getName().equals("checkTaskWork") && args[0] instanceof TaskEntity task) {
            requireExecution(task);
          } else if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
              case "equals" -> proxy == args[0];
              case "hashCode" -> System.identityHashCode(proxy);
              default -> "TaskGoneMeanwhile";
            };
          }
          return null;
        });
  }

  static void requireExecution(TaskEntity task) {
    if (task.getExecutionId() != null && task.getExecution() == null) {
      throw new OptimisticLockingException("Task " + task.getId() + " ('" + task.getName()
          + "') was completed by someone else meanwhile; nothing of this request was written");
    }
  }
}
