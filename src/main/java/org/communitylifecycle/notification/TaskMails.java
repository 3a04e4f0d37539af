package org.communitylifecycle.notification;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.communitylifecycle.community.CommunityDirectory;
import org.communitylifecycle.community.CommunityContract;
import org.communitylifecycle.engine.AppClock;
import org.communitylifecycle.notification.MailOutbox.Message;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Who is mailed about a task, and what they read. A task created with an assignee, or given one
 * later, goes to the assignee; a task created with only candidates goes to every candidate user and
 * every member of its candidate groups who has an email. Nobody is mailed about a task they took
 * themselves (a claim), nor about a kind of mail they opted out of.
 */
@Component
class TaskMails {

  static final String SUBJECT_PREFIX = "[Community Lifecycle] ";
  private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("EEE d MMM uuuu, HH:mm (zzz)", Locale.ENGLISH);
  /** Tasks created in the current transaction: the assignment event the engine fires right after create is not mailed twice. */
  private static final Object CREATED_KEY = new Object();

  private final MailSwitch mail;
  private final MailSettings settings;
  private final MailOptOuts optOuts;
  private final UnsubscribeTokens tokens;
  private final MailQueue queue;
  private final CommunityDirectory communities;

  TaskMails(MailSwitch mail, MailSettings settings, MailOptOuts optOuts, UnsubscribeTokens tokens, MailQueue queue,
      CommunityDirectory communities) {
    this.mail = mail;
    this.settings = settings;
    this.optOuts = optOuts;
    this.tokens = tokens;
    this.queue = queue;
    this.communities = communities;
  }

  /** One person a mail goes to. */
  record Recipient(String userId, String firstName, String email) {}

  boolean on() {
    return mail.on();
  }

  /** A task was created: its assignee, or else its candidates, hear of it. */
  void created(DelegateTask task, MailKind kind) {
    rememberCreated(task.getId());
    IdentityService identity = task.getProcessEngineServices().getIdentityService();
    if (task.getAssignee() != null) {
      queue(task, kind, false, users(identity, Set.of(task.getAssignee())));
    } else {
      queue(task, kind, true, candidates(identity, task));
    }
  }

  /** A task was given an assignee after it was created: claimed, reassigned or delegated. */
  void assigned(DelegateTask task) {
    String assignee = task.getAssignee();
    if (assignee == null || createdInThisTransaction(task.getId())) {
      return;
    }
    IdentityService identity = task.getProcessEngineServices().getIdentityService();
    if (identity.getCurrentAuthentication() != null
        && assignee.equals(identity.getCurrentAuthentication().getUserId())) {
      return;
    }
    queue(task, MailKind.ASSIGNMENT, false, users(identity, Set.of(assignee)));
  }

  private void queue(DelegateTask task, MailKind kind, boolean toCandidates, List<Recipient> recipients) {
    Set<String> optedOut = optOuts.optedOut(recipients.stream().map(Recipient::userId).toList(), kind);
    List<Recipient> receiving = recipients.stream().filter(r -> !optedOut.contains(r.userId())).toList();
    if (receiving.isEmpty()) {
      return;
    }
    About about = about(task);
    queue.queue(receiving.stream().map(r -> message(task, kind, toCandidates, about, r)).toList());
  }

  /** What a task mail says about the task besides its name. */
  record About(String community, String process, String groups) {}

  private About about(DelegateTask task) {
    String community = null;
    String businessKey = task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
    if (businessKey != null) {
      community = communities.find(businessKey).map(CommunityDirectory.Community::name).orElse(null);
    }
    if (community == null) {
      // The name a process was started with, for a task of one whose business key is no community's.
      community = CommunityContract.of(task).name();
    }
    String process = null;
    if (task.getProcessDefinitionId() != null) {
      ProcessDefinition definition = task.getProcessEngineServices().getRepositoryService()
          .getProcessDefinition(task.getProcessDefinitionId());
      process = definition.getName() != null ? definition.getName() : definition.getKey();
    }
    String groups = task.getCandidates().stream().map(IdentityLink::getGroupId).filter(g -> g != null).sorted()
        .collect(Collectors.joining(", "));
    return new About(community, process, groups);
  }

  private Message message(DelegateTask task, MailKind kind, boolean toCandidates, About about, Recipient to) {
    boolean escalation = kind == MailKind.ESCALATION;
    String subject = SUBJECT_PREFIX
        + (escalation ? "Escalated: " : toCandidates ? "New task for your group: " : "Assigned to you: ") + task.getName();
    String group = about.groups().isEmpty() ? "your group" : "your group (" + about.groups() + ")";
    String lead = escalation
        ? (toCandidates ? "Work that has stalled was escalated to " + group + ":" : "Work that has stalled was escalated to you:")
        : (toCandidates ? "A new task is waiting for " + group + "; claim it in Tasklist to take it on:"
            : "A task is now assigned to you:");
    String unsubscribe = unsubscribeUrl(to.userId(), kind);
    StringBuilder body = new StringBuilder();
    body.append("Hello ").append(to.firstName() != null ? to.firstName() : to.userId()).append(",\n\n")
        .append(lead).append("\n\n")
        .append("  ").append(task.getName()).append("\n\n");
    if (about.community() != null) {
      body.append("Community: ").append(about.community()).append('\n');
    }
    if (about.process() != null) {
      body.append("Process:   ").append(about.process()).append('\n');
    }
    if (task.getDueDate() != null) {
      body.append("Due:       ").append(DUE.format(task.getDueDate().toInstant().atZone(AppClock.zone()))).append('\n');
    }
    body.append("\nOpen the task in Tasklist:\n").append(tasklistUrl(task.getId())).append("\n\n")
        .append(footer(kind, unsubscribe));
    return new Message(kind, to.userId(), to.email(), subject, body.toString(), unsubscribe, task.getId());
  }

  String tasklistUrl(String taskId) {
    return settings.baseUrl() + "/camunda/app/tasklist/default/#/?task=" + taskId;
  }

  String unsubscribeUrl(String userId, MailKind kind) {
    return settings.baseUrl() + "/mail/unsubscribe?token=" + tokens.issue(userId, kind);
  }

  /** The end of every mail: why it came, and the one-click way out of this kind. */
  static String footer(MailKind kind, String unsubscribeUrl) {
    String what = switch (kind) {
      case ASSIGNMENT -> "tasks assigned to you or your groups";
      case ESCALATION -> "escalations of stalled work";
      case DIGEST -> "the weekly digest of stalled milestones";
    };
    return "-- \nCommunity Lifecycle sends this mail about " + what + ".\n"
        + "To get no more mail of this kind, open:\n" + unsubscribeUrl + "\n";
  }

  /** The users with an email among these ids. */
  static List<Recipient> users(IdentityService identity, Set<String> userIds) {
    if (userIds.isEmpty()) {
      return List.of();
    }
    return identity.createUserQuery().userIdIn(userIds.toArray(String[]::new)).list().stream()
        .filter(TaskMails::hasEmail).map(TaskMails::recipient).toList();
  }

  /** Candidate users and the members of candidate groups, each once, who have an email. */
  static List<Recipient> candidates(IdentityService identity, DelegateTask task) {
    Set<String> userIds = new HashSet<>();
    List<String> groups = new ArrayList<>();
    for (IdentityLink link : task.getCandidates()) {
      if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
        continue;
      }
      if (link.getUserId() != null) {
        userIds.add(link.getUserId());
      }
      if (link.getGroupId() != null) {
        groups.add(link.getGroupId());
      }
    }
    Map<String, Recipient> recipients = new LinkedHashMap<>();
    for (String group : groups) {
      members(identity, group).forEach(r -> recipients.putIfAbsent(r.userId(), r));
    }
    userIds.removeAll(recipients.keySet());
    users(identity, userIds).forEach(r -> recipients.putIfAbsent(r.userId(), r));
    return List.copyOf(recipients.values());
  }

  /** The members of a group who have an email. */
  static List<Recipient> members(IdentityService identity, String groupId) {
    return identity.createUserQuery().memberOfGroup(groupId).list().stream()
        .filter(TaskMails::hasEmail).map(TaskMails::recipient).toList();
  }

  private static boolean hasEmail(User user) {
    return user.getEmail() != null && !user.getEmail().isBlank();
  }

  private static Recipient recipient(User user) {
    String first = user.getFirstName() == null || user.getFirstName().isBlank() ? null : user.getFirstName();
    return new Recipient(user.getId(), first, user.getEmail().trim());
  }

  private static void rememberCreated(String taskId) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return;
    }
    @SuppressWarnings("unchecked")
    Set<String> created = (Set<String>) TransactionSynchronizationManager.getResource(CREATED_KEY);
    if (created == null) {
      created = new HashSet<>();
      TransactionSynchronizationManager.bindResource(CREATED_KEY, created);
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCompletion(int status) {
          TransactionSynchronizationManager.unbindResourceIfPossible(CREATED_KEY);
        }
      });
    }
    created.add(taskId);
  }

  private static boolean createdInThisTransaction(String taskId) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return false;
    }
    @SuppressWarnings("unchecked")
    Set<String> created = (Set<String>) TransactionSynchronizationManager.getResource(CREATED_KEY);
    return created != null && created.contains(taskId);
  }
}
