package org.communitylifecycle.alumni;

import org.camunda.bpm.engine.ProcessEngine;
// No public API deletes a finished comment or one form-field detail: the engine's commands and entities do.
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricDetailEventEntity;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.CommentEntity;
import org.camunda.bpm.engine.task.Comment;

/**
 * The two deletions the engine's public API does not offer: a comment of a task or instance that
 * has finished (TaskService deletes comments of running ones only), and a single form-field
 * detail. Both are the engine's own statements, run as an engine command.
 */
final class EngineRecords {

  private final CommandExecutor commands;

  EngineRecords(ProcessEngine engine) {
    this.commands = ((ProcessEngineImpl) engine).getProcessEngineConfiguration().getCommandExecutorTxRequired();
  }

  /** A comment as TaskService returned it: the engine deletes it by id and revision. */
  void deleteComment(Comment comment) {
    commands.execute(context -> {
      context.getDbEntityManager().delete((CommentEntity) comment);
      return null;
    });
  }

  void deleteDetail(String detailId) {
    commands.execute(context -> {
      // The statement deletes any kind of detail by id.
      context.getDbEntityManager().delete(HistoricDetailEventEntity.class, "deleteHistoricDetailVariableInstanceUpdate", detailId);
      return null;
    });
  }
}
