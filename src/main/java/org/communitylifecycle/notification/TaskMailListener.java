package org.communitylifecycle.notification;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On every user task: when it is created, and when it is assigned to someone later (claim,
 * reassignment, delegation). Never throws: a task is created, claimed or completed whether or not
 * its mail could be queued.
 */
class TaskMailListener implements TaskListener {

  private static final Logger log = LoggerFactory.getLogger(TaskMailListener.class);

  private final MailKind kindOnCreate;
  private final TaskMails mails;

  TaskMailListener(MailKind kindOnCreate, TaskMails mails) {
    this.kindOnCreate = kindOnCreate;
    this.mails = mails;
  }

  @Override
  public void notify(DelegateTask task) {
    if (!mails.on()) {
      return;
    }
    try {
      if (EVENTNAME_CREATE.equals(task.getEventName())) {
        mails.created(task, kindOnCreate);
      } else if (EVENTNAME_ASSIGNMENT.equals(task.getEventName())) {
        mails.assigned(task);
      }
    } catch (RuntimeException e) {
      log.error("No mail for the {} of task {} ({}): {}", task.getEventName(), task.getId(), task.getName(), e.getMessage(), e);
    }
  }
}
