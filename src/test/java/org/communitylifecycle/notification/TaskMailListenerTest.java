package org.communitylifecycle.notification;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.junit.jupiter.api.Test;

/** The task listener queues nothing while mail is off, and never lets a mail problem reach the task. */
class TaskMailListenerTest {

  final TaskMails mails = mock(TaskMails.class);
  final DelegateTask task = mock(DelegateTask.class);

  @Test
  void mailOffQueuesNothing() {
    when(mails.on()).thenReturn(false);
    when(task.getEventName()).thenReturn(TaskListener.EVENTNAME_CREATE);

    new TaskMailListener(MailKind.ESCALATION, mails).notify(task);

    verify(mails).on();
    verifyNoMoreInteractions(mails);
  }

  @Test
  void createdTasksAreMailedAsTheirMarkSaysAndLaterAssignmentsAsAssignments() {
    when(mails.on()).thenReturn(true);
    TaskMailListener listener = new TaskMailListener(MailKind.ESCALATION, mails);

    when(task.getEventName()).thenReturn(TaskListener.EVENTNAME_CREATE);
    listener.notify(task);
    when(task.getEventName()).thenReturn(TaskListener.EVENTNAME_ASSIGNMENT);
    listener.notify(task);

    verify(mails).created(task, MailKind.ESCALATION);
    verify(mails).assigned(task);
  }

  @Test
  void aFailureToQueueMailNeverReachesTheTask() {
    when(mails.on()).thenReturn(true);
    when(task.getEventName()).thenReturn(TaskListener.EVENTNAME_CREATE);
    doThrow(new IllegalStateException("database gone")).when(mails).created(task, MailKind.ASSIGNMENT);

    assertThatCode(() -> new TaskMailListener(MailKind.ASSIGNMENT, mails).notify(task)).doesNotThrowAnyException();
  }
}
