package org.communitylifecycle.notification;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.communitylifecycle.identity.Groups;
import org.communitylifecycle.notification.MailOutbox.Message;
import org.communitylifecycle.notification.TaskMails.Recipient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The weekly digest: each member of cbt-liaisons gets the stalled milestones of the communities
 * they are liaison of. Stalled means an open Deliver or Review task of a milestone whose due date
 * has passed; a liaison with nothing stalled gets no mail.
 */
@Component
class StalledDigest {

  private static final Logger log = LoggerFactory.getLogger(StalledDigest.class);
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM uuuu", Locale.ENGLISH);

  /** One stalled step of a milestone, as the digest lists it. */
  record Stalled(String communityKey, String communityName, String liaison, String taskId, String taskName,
      String step, String assignee, Instant stalledSince, String milestoneName, String processInstanceId) {}

  private final JdbcClient jdbc;
  private final IdentityService identity;
  private final MailSwitch mail;
  private final MailSettings settings;
  private final MailOptOuts optOuts;
  private final TaskMails taskMails;
  private final MailQueue queue;
  private final TransactionTemplate transaction;

  StalledDigest(JdbcClient jdbc, IdentityService identity, MailSwitch mail, MailSettings settings, MailOptOuts optOuts,
      TaskMails taskMails, MailQueue queue, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.identity = identity;
    this.mail = mail;
    this.settings = settings;
    this.optOuts = optOuts;
    this.taskMails = taskMails;
    this.queue = queue;
    this.transaction = new TransactionTemplate(transactions);
  }

  @Scheduled(cron = "${community-lifecycle.mail.digest-cron:0 0 8 * * MON}")
  void weekly() {
    if (mail.on()) {
      int sent = send();
      log.info("Weekly digest of stalled milestones queued for {} liaison(s)", sent);
    }
  }

  /** Queues a digest for every liaison with stalled milestones; returns how many. */
  int send() {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    Map<String, List<Stalled>> byLiaison = new LinkedHashMap<>();
    for (Stalled stalled : stalled(now)) {
      byLiaison.computeIfAbsent(stalled.liaison(), l -> new ArrayList<>()).add(stalled);
    }
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

  /** Every stalled step in every community with a liaison, in one query over the engine's runtime tables. */
  List<Stalled> stalled(Instant now) {
    return jdbc.sql("""
            select c.community_key, c.name, c.liaison, t.ID_, t.NAME_, t.TASK_DEF_KEY_, t.ASSIGNEE_, t.DUE_DATE_,
                   v.TEXT_, t.PROC_INST_ID_
            from ACT_RU_TASK t
            join ACT_RE_PROCDEF d on d.ID_ = t.PROC_DEF_ID_
            join ACT_RU_EXECUTION p on p.ID_ = t.PROC_INST_ID_
            join cl_community c on c.community_key = p.BUSINESS_KEY_
            left join ACT_RU_VARIABLE v
              on v.EXECUTION_ID_ = t.PROC_INST_ID_ and v.NAME_ = 'milestoneName' and v.TASK_ID_ is null
            where d.KEY_ = 'milestone'
              and t.TASK_DEF_KEY_ in ('Task_DeliverMilestone', 'Task_ReviewDeliverable')
              and t.SUSPENSION_STATE_ = 1
              and t.DUE_DATE_ < :now
              and c.liaison is not null
            order by c.liaison, c.name, t.DUE_DATE_, t.ID_""")
        .param("now", Timestamp.from(now))
        .query((rs, n) -> new Stalled(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5), "Task_ReviewDeliverable".equals(rs.getString(6)) ? "review" : "deliver",
            rs.getString(7), rs.getTimestamp(8).toInstant(), rs.getString(9), rs.getString(10)))
        .list();
  }

  private Message digest(Recipient to, List<Stalled> items, Instant now) {
    String subject = TaskMails.SUBJECT_PREFIX + "Weekly digest: " + items.size() + " stalled milestone"
        + (items.size() == 1 ? "" : "s") + " in your communities";
    String unsubscribe = taskMails.unsubscribeUrl(to.userId(), MailKind.DIGEST);
    StringBuilder body = new StringBuilder();
    body.append("Hello ").append(to.firstName() != null ? to.firstName() : to.userId()).append(",\n\n")
        .append(items.size() == 1 ? "One milestone" : items.size() + " milestones")
        .append(" in the communities you are liaison of ").append(items.size() == 1 ? "has" : "have")
        .append(" stalled: the step is past its due date.\n");
    String community = null;
    for (Stalled item : items) {
      if (!item.communityKey().equals(community)) {
        community = item.communityKey();
        body.append('\n').append(item.communityName()).append('\n');
      }
      long days = Duration.between(item.stalledSince(), now).toDays();
      body.append("- ").append(item.milestoneName() != null ? item.milestoneName() : item.taskName())
          .append(": ").append(item.step()).append(" step, ")
          .append(item.assignee() != null ? "with " + item.assignee() : "not assigned")
          .append(", stalled since ").append(DAY.format(item.stalledSince().atZone(ZoneId.systemDefault())))
          .append(" (").append(days).append(days == 1 ? " day" : " days").append(")\n")
          .append("  Tasklist: ").append(taskMails.tasklistUrl(item.taskId())).append('\n')
          .append("  Cockpit:  ").append(settings.baseUrl()).append("/camunda/app/cockpit/default/#/process-instance/")
          .append(item.processInstanceId()).append('\n');
    }
    body.append('\n').append(TaskMails.footer(MailKind.DIGEST, unsubscribe));
    return new Message(MailKind.DIGEST, to.userId(), to.email(), subject, body.toString(), unsubscribe, null);
  }
}
