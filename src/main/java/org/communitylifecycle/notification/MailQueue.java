package org.communitylifecycle.notification;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.communitylifecycle.engine.AppClock;
import org.communitylifecycle.notification.MailOutbox.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Queues messages in the outbox inside the caller's transaction, which for a task listener is the
 * engine's (same DataSource, Spring-managed), and hands them to {@link MailDelivery} after that
 * transaction commits. A rollback takes the messages with it; no mail is sent for a task change
 * that did not happen.
 */
@Component
class MailQueue {

  private static final Logger log = LoggerFactory.getLogger(MailQueue.class);

  private final MailOutbox outbox;
  private final MailDelivery delivery;
  private final TransactionTemplate savepoint;

  MailQueue(MailOutbox outbox, MailDelivery delivery, PlatformTransactionManager transactions) {
    this.outbox = outbox;
    this.delivery = delivery;
    // A savepoint: should the insert fail, only it is undone. On PostgreSQL a failed statement
    // would otherwise poison the engine's whole transaction, and the task change with it.
    this.savepoint = new TransactionTemplate(transactions);
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
  }

  /** Queues the messages; never throws, since mail must not undo the work that caused it. */
  void queue(List<Message> messages) {
    if (messages.isEmpty()) {
      return;
    }
    List<Long> ids;
    try {
      Instant now = AppClock.now();
      ids = savepoint.execute(status -> messages.stream().map(message -> outbox.add(message, now)).toList());
    } catch (RuntimeException e) {
      log.error("{} mail(s) could not be queued and are not sent", messages.size(), e);
      return;
    }
    sendAfterCommit(ids);
  }

  private void sendAfterCommit(List<Long> ids) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      delivery.sendSoon(ids);
      return;
    }
    // One synchronization per transaction, collecting every message it queues.
    @SuppressWarnings("unchecked")
    List<Long> pending = (List<Long>) TransactionSynchronizationManager.getResource(this);
    if (pending == null) {
      List<Long> collected = new ArrayList<>();
      TransactionSynchronizationManager.bindResource(this, collected);
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          delivery.sendSoon(List.copyOf(collected));
        }

        @Override
        public void afterCompletion(int status) {
          TransactionSynchronizationManager.unbindResourceIfPossible(MailQueue.this);
        }
      });
      pending = collected;
    }
    pending.addAll(ids);
  }
}
