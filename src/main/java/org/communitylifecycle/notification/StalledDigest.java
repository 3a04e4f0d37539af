package org.communitylifecycle.notification;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.camunda.bpm.engine.IdentityService;
import org.communitylifecycle.engine.AppClock;
import org.communitylifecycle.identity.Groups;
import org.communitylifecycle.milestone.StalledSteps;
import org.communitylifecycle.milestone.StalledSteps.StalledStep;
import org.communitylifecycle.notification.MailOutbox.Message;
import org.communitylifecycle.notification.TaskMails.Recipient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The weekly digest: each member of cbt-liaisons gets the stalled milestones of the communities
 * they are liaison of, stalled as {@link StalledSteps} has it (the dashboard lists the same steps);
 * a liaison with nothing stalled gets no mail.
 */
@Component
class StalledDigest {

  private static final Logger log = LoggerFactory.getLogger(StalledDigest.class);
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM uuuu", Locale.ENGLISH);

  /** Per liaison: community by community, the longest stalled first. */
  private static final Comparator<StalledStep> DIGEST_ORDER = Comparator.comparing(StalledStep::communityName)
      .thenComparing(StalledStep::community).thenComparing(StalledStep::stalledSince).thenComparing(StalledStep::taskId);

  private final StalledSteps stalledSteps;
  private final IdentityService identity;
  private final MailSwitch mail;
  private final MailSettings settings;
  private final MailOptOuts optOuts;
  private final TaskMails taskMails;
  private final MailQueue queue;
  private final TransactionTemplate transaction;

  StalledDigest(StalledSteps stalledSteps, IdentityService identity, MailSwitch mail, MailSettings settings, MailOptOuts optOuts,
      TaskMails taskMails, MailQueue queue, PlatformTransactionManager transactions) {
    this.stalledSteps = stalledSteps;
    this.identity = identity;
    this.mail = mail;
    this.settings = settings;
    this.optOuts = optOuts;
    this.taskMails = taskMails;
    this.queue = queue;
    this.transaction = new TransactionTemplate(transactions);
  }

  /** The lock's name in cl_shedlock. */
  static final String LOCK = "weekly-digest";

  /**
   * Every node fires this; the one that takes the lock sends the digest, the others skip it. The
   * lock is held at least five minutes, so a node whose clock (and so its cron) runs a few minutes
   * behind finds it still taken; at most thirty, should the node holding it die.
   */
  @Scheduled(cron = "${community-lifecycle.mail.digest-cron:0 0 8 * * MON}")
  @SchedulerLock(name = LOCK, lockAtLeastFor = "PT5M", lockAtMostFor = "PT30M")
  void weekly() {
    if (mail.on()) {
      int sent = send();
      log.info("Weekly digest of stalled milestones queued for {} liaison(s)", sent);
    }
  }

  /** Queues a digest for every liaison with stalled milestones; returns how many. */
  int send() {
    Instant now = AppClock.now();
    Map<String, List<StalledStep>> byLiaison = new LinkedHashMap<>();
    stalledSteps.all(now).stream().filter(s -> s.liaison() != null).sorted(DIGEST_ORDER)
        .forEach(s -> byLiaison.computeIfAbsent(s.liaison(), l -> new ArrayList<>()).add(s));
    if (byLiaison.isEmpty()) {
      return 0;
    }
    // Members of cbt-liaisons only: someone named liaison of a community who has since left the group gets none.
    List<Recipient> liaisons = TaskMails.members(identity, Groups.CBT_LIAISONS).stream()
        .filter(r -> byLiaison.containsKey(r.userId())).toList();
    Set<String> optedOut = optOuts.optedOut(liaisons.stream().map(Recipient::userId).toList(), MailKind.DIGEST);
    List<Message> messages = liaisons.stream().filter(r -> !optedOut.contains(r.userId()))
        .map(r -> digest(r, byLiaison.get(r.userId()), now)).toList();
    transaction.executeWithoutResult(status -> queue.queue(messages));
    return messages.size();
  }

  private Message digest(Recipient to, List<StalledStep> items, Instant now) {
    String subject = TaskMails.SUBJECT_PREFIX + "Weekly digest: " + items.size() + " stalled milestone"
        + (items.size() == 1 ? "" : "s") + " in your communities";
    String unsubscribe = taskMails.unsubscribeUrl(to.userId(), MailKind.DIGEST);
    StringBuilder body = new StringBuilder();
    body.append("Hello ").append(to.firstName() != null ? to.firstName() : to.userId()).append(",\n\n")
        .append(items.size() == 1 ? "One milestone" : items.size() + " milestones")
        .append(" in the communities you are liaison of ").append(items.size() == 1 ? "has" : "have")
        .append(" stalled: the step is past its due date.\n");
    String community = null;
    for (StalledStep item : items) {
      if (!item.community().equals(community)) {
        community = item.community();
        body.append('\n').append(item.communityName()).append('\n');
      }
      long days = Duration.between(item.stalledSince(), now).toDays();
      body.append("- ").append(item.milestoneName() != null ? item.milestoneName() : item.taskName())
          .append(": ").append(item.step()).append(" step, ")
          .append(item.assignee() != null ? "with " + item.assignee() : "not assigned")
          .append(", stalled since ").append(DAY.format(item.stalledSince().atZone(AppClock.zone())))
          .append(" (").append(days).append(days == 1 ? " day" : " days").append(")\n")
          .append("  Tasklist: ").append(taskMails.tasklistUrl(item.taskId())).append('\n')
          .append("  Cockpit:  ").append(settings.baseUrl()).append("/camunda/app/cockpit/default/#/process-instance/")
          .append(item.processInstanceId()).append('\n');
    }
    body.append('\n').append(TaskMails.footer(MailKind.DIGEST, unsubscribe));
    return new Message(MailKind.DIGEST, to.userId(), to.email(), subject, body.toString(), unsubscribe, null);
  }
}
