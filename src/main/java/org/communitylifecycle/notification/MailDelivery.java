package org.communitylifecycle.notification;

import jakarta.annotation.PreDestroy;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.communitylifecycle.engine.AppClock;
import org.communitylifecycle.notification.MailOutbox.Queued;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends what the outbox holds: right after the commit that queued it, on a thread of its own so
 * that neither the person completing a task nor the engine waits for the SMTP server; and every
 * poll interval, for what failed before and is due again. A failed attempt is retried after a
 * backoff that doubles each time; after the last allowed attempt the message is marked failed and
 * an error logged, once.
 */
@Component
class MailDelivery {

  private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);
  /** How long one attempt may hold a message; far above the SMTP timeouts in application.yaml. */
  static final Duration LEASE = Duration.ofMinutes(10);
  private static final int BATCH = 100;

  private final MailOutbox outbox;
  private final MailSwitch mail;
  private final MailSettings settings;
  // One thread: mail goes out in the order it was queued, and a slow server is not hit in parallel.
  private final ExecutorService sender = Executors.newSingleThreadExecutor(runnable -> {
    Thread thread = new Thread(runnable, "mail-sender");
    thread.setDaemon(true);
    return thread;
  });

  MailDelivery(MailOutbox outbox, MailSwitch mail, MailSettings settings) {
    this.outbox = outbox;
    this.mail = mail;
    this.settings = settings;
  }

  /** Sends messages just queued, on the sender thread. */
  void sendSoon(List<Long> ids) {
    if (!mail.on() || ids.isEmpty()) {
      return;
    }
    try {
      sender.execute(() -> ids.forEach(id -> attempt(id, true)));
    } catch (RejectedExecutionException e) {
      // Shutting down: the poller of the next start sends them.
      log.info("Mail sender stopped; {} queued message(s) go out after the next start", ids.size());
    }
  }

  /** Every poll interval, on the sender thread: sends what is due. */
  @Scheduled(initialDelayString = "${community-lifecycle.mail.poll-interval:PT30S}",
      fixedDelayString = "${community-lifecycle.mail.poll-interval:PT30S}")
  void poll() {
    if (!mail.on()) {
      return;
    }
    try {
      sender.execute(this::sendDue);
    } catch (RejectedExecutionException e) {
      // Shutting down.
    }
  }

  /** Sends what is due: failed before and waiting for its retry, or missed by {@link #sendSoon} (a restart between commit and send). */
  void sendDue() {
    if (!mail.on()) {
      return;
    }
    for (long id : outbox.due(AppClock.now(), BATCH)) {
      attempt(id, false);
    }
  }

  /** One attempt at one message; true when it went out. Never throws: a bad message must not stop the rest. */
  boolean attempt(long id, boolean fresh) {
    try {
      Instant now = AppClock.now();
      Optional<Queued> claimed = outbox.claim(id, fresh, now, now.plus(LEASE));
      if (claimed.isEmpty()) {
        return false;
      }
      Queued message = claimed.get();
      try {
        mail.sender().send(mime(message));
      } catch (MailException | MessagingException e) {
        failedAttempt(message, e);
        return false;
      }
      outbox.sent(id, AppClock.now());
      return true;
    } catch (RuntimeException e) {
      log.error("Mail {} could not be processed; it is tried again later", id, e);
      return false;
    }
  }

  private void failedAttempt(Queued message, Exception e) {
    String error = rootMessage(e);
    if (message.attempts() >= settings.maxAttempts()) {
      outbox.failed(message.id(), AppClock.now(), error);
      log.error("Giving up on {} mail {} to {} after {} attempts: {}", message.kind().key(), message.id(),
          message.recipientUser(), message.attempts(), error);
    } else {
      Duration wait = settings.backoffAfter(message.attempts());
      outbox.retryAt(message.id(), AppClock.now().plus(wait), error);
      log.warn("Sending {} mail {} to {} failed (attempt {} of {}), trying again in {}: {}", message.kind().key(),
          message.id(), message.recipientUser(), message.attempts(), settings.maxAttempts(), wait, error);
    }
  }

  private MimeMessage mime(Queued message) throws MessagingException {
    MimeMessage mime = mail.sender().createMimeMessage();
    MimeMessageHelper helper = new MimeMessageHelper(mime, false, "UTF-8");
    helper.setFrom(settings.from());
    helper.setTo(message.email());
    helper.setSubject(message.subject());
    helper.setText(message.body(), false);
    if (message.unsubscribeUrl() != null) {
      // RFC 2369 and RFC 8058: mail clients offer their own unsubscribe button, which POSTs to the link.
      mime.setHeader("List-Unsubscribe", "<" + message.unsubscribeUrl() + ">");
      mime.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    }
    // RFC 3834: out-of-office replies are not sent back to a machine.
    mime.setHeader("Auto-Submitted", "auto-generated");
    return mime;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String text = e.getMessage();
    return root == e || root.getMessage() == null ? text : text + " (" + root.getMessage() + ")";
  }

  /** Waits until the sender thread has done everything handed to it so far; for tests, which must not sleep. */
  void drain() {
    try {
      sender.submit(() -> {}).get(1, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for the mail sender", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("The mail sender did not finish within a minute", e);
    }
  }

  @PreDestroy
  void stop() throws InterruptedException {
    sender.shutdown();
    sender.awaitTermination(10, TimeUnit.SECONDS);
  }
}
