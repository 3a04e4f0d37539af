package org.communitylifecycle.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.communitylifecycle.testsupport.RunningApplication;
import org.communitylifecycle.testsupport.TestSmtp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Mail against a real SMTP server in the test JVM (GreenMail, see {@link TestSmtp}): who gets which
 * mail on assignment and escalation, what it says, the weekly digest, opting out, the unsubscribe
 * page, and a dead SMTP server that neither fails a task completion nor loses the mail.
 */
class MailIT extends RunningApplication {

  static final String TASKLIST = "http://localhost:8080/camunda/app/tasklist/default/#/?task=";
  static final String GROUP_PROCESS = "mail-test-group-task";
  static final Pattern UNSUBSCRIBE = Pattern.compile("http://localhost:8080(/mail/unsubscribe\\?token=[A-Za-z0-9_.-]+)");

  @Autowired TestRestTemplate rest;
  @Autowired JdbcClient jdbc;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired IdentityService identity;
  @Autowired MailDelivery delivery;
  @Autowired StalledDigest digest;

  static String deploymentId;

  /** A liaison, a second community lead and a lead without an email, besides the demo users. */
  @BeforeAll
  static void people(@Autowired IdentityService identity, @Autowired RepositoryService repository) {
    user(identity, "mila", "Mila", "mila@example.org", "cbt-liaisons");
    user(identity, "otto", "Otto", "otto@example.org", "cbt-liaisons");
    user(identity, "dora", "Dora", "dora@example.org", "community-leads");
    user(identity, "nemo", "Nemo", null, "community-leads");
    // A task for a candidate group only, then an escalation for it: the fan-out without milestones' timers.
    deploymentId = repository.createDeployment().name("mail-test").addString(GROUP_PROCESS + ".bpmn", """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_MailTest" targetNamespace="test">
          <bpmn:process id="%s" name="Mail test" isExecutable="true" camunda:historyTimeToLive="P1D">
            <bpmn:startEvent id="StartEvent_Started" />
            <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_Started" targetRef="Task_CheckTheMail" />
            <bpmn:userTask id="Task_CheckTheMail" name="Check the mail" camunda:candidateGroups="community-leads"
                camunda:dueDate="2031-05-06T07:08:00Z" />
            <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_CheckTheMail" targetRef="Task_UnblockTheMail" />
            <bpmn:userTask id="Task_UnblockTheMail" name="Unblock the mail" camunda:candidateGroups="community-leads">
              <bpmn:extensionElements>
                <camunda:properties><camunda:property name="notification" value="escalation" /></camunda:properties>
              </bpmn:extensionElements>
            </bpmn:userTask>
            <bpmn:sequenceFlow id="Flow_3" sourceRef="Task_UnblockTheMail" targetRef="EndEvent_Done" />
            <bpmn:endEvent id="EndEvent_Done" />
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(GROUP_PROCESS)).deploy().getId();
  }

  @AfterAll
  static void removeTestProcess(@Autowired RepositoryService repository) {
    repository.deleteDeployment(deploymentId, true, true);
  }

  @BeforeEach
  void emptyMailbox() throws Exception {
    TestSmtp.start();
    delivery.drain();
    smtp().purgeEmailFromAllMailboxes();
  }

  @AfterEach
  void reset() {
    ClockUtil.reset();
    TestSmtp.start();
    identity.clearAuthentication();
  }

  @Test
  void assigneeIsMailedTheTaskWithItsCommunityDueDateAndTasklistLink() throws Exception {
    startCommunity("Mail Harbour", "mila");
    Task deliver = deliverTasks("mail-harbour").get(0);
    delivery.drain();

    MimeMessage toAlice = mail("alice@example.org", deliver.getName());
    assertThat(toAlice.getSubject()).isEqualTo("[Community Lifecycle] Assigned to you: " + deliver.getName());
    assertThat(deliver.getName()).startsWith("Deliver milestone: ").endsWith("(Mail Harbour)");
    assertThat(toAlice.getFrom()[0].toString()).isEqualTo("Community Lifecycle <no-reply@localhost>");
    String body = body(toAlice);
    assertThat(body)
        .contains("Hello Alice,")
        .contains("A task is now assigned to you:")
        .contains("Community: Mail Harbour")
        .contains("Process:   Milestone")
        .contains("Due:       ")
        .contains(TASKLIST + deliver.getId())
        .contains("http://localhost:8080/mail/unsubscribe?token=");
    assertThat(toAlice.getHeader("List-Unsubscribe")[0]).startsWith("<http://localhost:8080/mail/unsubscribe?token=");
    assertThat(toAlice.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");

    // alice delivers; the review goes to the liaison, mila.
    assertThat(submit("alice", deliver.getId(), Map.of("deliverableUrl", "https://wiki.example.org/harbour",
        "deliverableSummary", "Done")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    Task review = tasks.createTaskQuery().processInstanceId(deliver.getProcessInstanceId())
        .taskDefinitionKey("Task_ReviewDeliverable").singleResult();
    delivery.drain();
    MimeMessage toMila = mail("mila@example.org", review.getName());
    assertThat(toMila.getSubject()).isEqualTo("[Community Lifecycle] Assigned to you: " + review.getName());
    assertThat(body(toMila)).contains(TASKLIST + review.getId()).contains("Hello Mila,");
    assertThat(recipients(review.getId())).containsExactly("mila");
  }

  @Test
  void aTaskForACandidateGroupIsMailedToEveryMemberWithAnEmail() throws Exception {
    Task task = startGroupTask();
    delivery.drain();

    assertThat(recipients(task.getId())).containsExactlyInAnyOrder("dave", "dora");
    MimeMessage toDora = mail("dora@example.org", "Check the mail");
    assertThat(toDora.getSubject()).isEqualTo("[Community Lifecycle] New task for your group: Check the mail");
    assertThat(body(toDora))
        .contains("A new task is waiting for your group (community-leads)")
        .contains("Process:   Mail test")
        .contains("Due:       ")
        .contains(TASKLIST + task.getId());
    mail("dave@example.org", "Check the mail");
  }

  @Test
  void claimingMailsNobodyButHandingTheTaskToSomeoneElseMailsThem() throws Exception {
    Task task = startGroupTask();
    as("dave", "community-leads", () -> tasks.claim(task.getId(), "dave"));
    assertThat(rows(task.getId(), "assignment")).as("the claim mails nobody").isEqualTo(2);

    // A candidate may claim and complete, not hand a task on (TASK_WORK); an admin may.
    as("admin", "camunda-admin", () -> tasks.setAssignee(task.getId(), "dora"));
    delivery.drain();

    assertThat(rows(task.getId(), "assignment")).isEqualTo(3);
    assertThat(mails("dora@example.org", "Assigned to you: Check the mail")).hasSize(1);
  }

  @Test
  void stalledMilestonesAreEscalatedByMailToSupportThenToTheCommunityLeads() throws Exception {
    startCommunity("Escalation Bay", "mila");
    Task deliver = deliverTasks("escalation-bay").get(0);
    String milestone = deliver.getProcessInstanceId();

    runTimer(milestone, "Timer_DeliveryStalled");
    Task followUp = tasks.createTaskQuery().processInstanceId(milestone).taskDefinitionKey("Task_FollowUpStalledDelivery")
        .singleResult();
    delivery.drain();
    MimeMessage toMila = mail("mila@example.org", followUp.getName());
    assertThat(toMila.getSubject()).isEqualTo("[Community Lifecycle] Escalated: " + followUp.getName());
    assertThat(body(toMila)).contains("Work that has stalled was escalated to you:")
        .contains("Community: Escalation Bay").contains(TASKLIST + followUp.getId());
    assertThat(kinds(followUp.getId())).containsExactly("escalation");

    assertThat(submit("mila", followUp.getId(), Map.of("followUpAction", "nudged", "followUpNote", "Pinged alice"))
        .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    runTimer(milestone, "Timer_DeliveryStillStalled");
    Task unblock = tasks.createTaskQuery().processInstanceId(milestone).taskDefinitionKey("Task_EscalateStalledDelivery")
        .singleResult();
    delivery.drain();

    assertThat(recipients(unblock.getId())).containsExactlyInAnyOrder("dave", "dora");
    assertThat(kinds(unblock.getId())).containsOnly("escalation");
    MimeMessage toDave = mail("dave@example.org", unblock.getName());
    assertThat(toDave.getSubject()).isEqualTo("[Community Lifecycle] Escalated: " + unblock.getName());
    assertThat(body(toDave)).contains("escalated to your group (community-leads)");
  }

  @Test
  void optedOutUsersGetNoMailOfThatKindButStillOfOthers() {
    try {
      ResponseEntity<Map> changed = preferences("dave", Map.of("assignment", false));
      assertThat(changed.getStatusCode()).isEqualTo(HttpStatus.OK);
      assertThat(changed.getBody()).isEqualTo(Map.of("assignment", false, "escalation", true, "digest", true));
      assertThat(rest.withBasicAuth("dave", "demo").getForObject("/api/me/mail-preferences", Map.class))
          .isEqualTo(Map.of("assignment", false, "escalation", true, "digest", true));

      Task task = startGroupTask();
      assertThat(recipients(task.getId())).containsExactly("dora");

      as("dora", "community-leads", () -> {
        tasks.claim(task.getId(), "dora");
        tasks.complete(task.getId());
      });
      Task unblock = tasks.createTaskQuery().processInstanceId(task.getProcessInstanceId()).singleResult();
      assertThat(recipients(unblock.getId())).as("escalations still reach dave").containsExactlyInAnyOrder("dave", "dora");

      preferences("dave", Map.of("escalation", false));
      as("dora", "community-leads", () -> {
        tasks.claim(unblock.getId(), "dora");
        tasks.complete(unblock.getId());
      });
      Task again = startGroupTask();
      as("dora", "community-leads", () -> {
        tasks.claim(again.getId(), "dora");
        tasks.complete(again.getId());
      });
      Task secondUnblock = tasks.createTaskQuery().processInstanceId(again.getProcessInstanceId()).singleResult();
      assertThat(recipients(secondUnblock.getId())).containsExactly("dora");
      as("dora", "community-leads", () -> {
        tasks.claim(secondUnblock.getId(), "dora");
        tasks.complete(secondUnblock.getId());
      });
    } finally {
      preferences("dave", Map.of("assignment", true, "escalation", true));
    }
  }

  @Test
  void mailPreferencesRefuseUnknownKindsAndStrangersWithProblemDetails() {
    ResponseEntity<String> unknown = rest.withBasicAuth("dave", "demo").exchange("/api/me/mail-preferences",
        HttpMethod.PUT, json(Map.of("newsletter", false)), String.class);
    assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(unknown.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
    assertThat(unknown.getBody()).contains("'newsletter' is not a kind of mail; kinds are [assignment, escalation, digest]");

    ResponseEntity<String> notBoolean = rest.withBasicAuth("dave", "demo").exchange("/api/me/mail-preferences",
        HttpMethod.PUT, json(Map.of("digest", "no")), String.class);
    assertThat(notBoolean.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(notBoolean.getBody()).contains("'digest' must be true");

    ResponseEntity<String> notAnObject = rest.withBasicAuth("dave", "demo").exchange("/api/me/mail-preferences",
        HttpMethod.PUT, json(List.of("digest")), String.class);
    assertThat(notAnObject.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

    assertThat(rest.getForEntity("/api/me/mail-preferences", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(rest.withBasicAuth("dave", "demo").getForObject("/api/me/mail-preferences", Map.class))
        .isEqualTo(Map.of("assignment", true, "escalation", true, "digest", true));
  }

  @Test
  void eachLiaisonGetsADigestOfTheStalledMilestonesInTheirCommunitiesOnly() throws Exception {
    startCommunity("Digest Dale", "mila");
    List<Task> open = deliverTasks("digest-dale");
    Task first = open.get(0);
    String milestoneName = (String) runtime.getVariable(first.getProcessInstanceId(), "milestoneName");
    ClockUtil.setCurrentTime(Date.from(first.getDueDate().toInstant().plus(Duration.ofDays(3)).plusSeconds(60)));

    digest.send();
    delivery.drain();

    MimeMessage toMila = mail("mila@example.org", "Weekly digest");
    assertThat(toMila.getSubject()).matches("\\[Community Lifecycle\\] Weekly digest: \\d+ stalled milestones? in your communities");
    String body = body(toMila);
    assertThat(body)
        .contains("Hello Mila,")
        .contains("\nDigest Dale\n")
        .contains("- " + milestoneName + ": deliver step, with alice, stalled since ")
        .contains("(3 days)")
        .contains(TASKLIST + first.getId())
        .contains("http://localhost:8080/camunda/app/cockpit/default/#/process-instance/" + first.getProcessInstanceId())
        .contains("/mail/unsubscribe?token=");
    assertThat(body).as("bob's communities are bob's").doesNotContain("SUMO Community");
    assertThat(mails("otto@example.org", "Weekly digest")).as("nothing stalled, no mail").isEmpty();
    assertThat(digestRows("otto")).isZero();

    try {
      preferences("mila", Map.of("digest", false));
      long before = digestRows("mila");
      digest.send();
      assertThat(digestRows("mila")).isEqualTo(before);
    } finally {
      preferences("mila", Map.of("digest", true));
    }
  }

  /**
   * Two nodes share one database and both fire the weekly cron at the same moment: two threads call
   * the scheduled method through the Spring proxy, as the scheduler of each node would. The lock in
   * cl_shedlock lets one of them send; every liaison gets one digest, not one per node.
   */
  @Test
  void twoNodesFiringTheDigestAtOnceSendOneDigestPerLiaison() throws Exception {
    // Its own liaison: DashboardIT's lena must not gain a community or a password here.
    user(identity, "lorna", "Lorna", "lorna@example.org", "cbt-liaisons");
    startCommunity("Lock Lake", "lorna");
    Task first = deliverTasks("lock-lake").get(0);
    ClockUtil.setCurrentTime(Date.from(first.getDueDate().toInstant().plus(Duration.ofDays(2))));
    long before = jdbc.sql("select coalesce(max(id), 0) from cl_mail_outbox").query(Long.class).single();
    jdbc.sql("delete from cl_shedlock where name = :name").param("name", StalledDigest.LOCK).update();
    try {
      CyclicBarrier together = new CyclicBarrier(2);
      ExecutorService nodes = Executors.newFixedThreadPool(2);
      try {
        List<Future<?>> runs = List.of(nodes.submit(() -> fire(together)), nodes.submit(() -> fire(together)));
        for (Future<?> run : runs) {
          run.get(1, TimeUnit.MINUTES);
        }
      } finally {
        nodes.shutdownNow();
      }
      delivery.drain();

      Map<String, Long> digests = digestsSince(before);
      assertThat(digests).as("digests queued by the two runs, per liaison").containsEntry("lorna", 1L)
          .allSatisfy((liaison, count) -> assertThat(count).as(liaison).isEqualTo(1L));
      assertThat(mails("lorna@example.org", "Weekly digest")).hasSize(1);
      assertThat(body(mail("lorna@example.org", "Weekly digest"))).contains("\nLock Lake\n");
      assertThat(jdbc.sql("select count(*) from cl_shedlock where name = :name").param("name", StalledDigest.LOCK)
          .query(Long.class).single()).as("the lock row").isEqualTo(1L);

      // A node whose cron fires a little later finds the lock still held (at least five minutes).
      digest.weekly();
      assertThat(digestsSince(before)).isEqualTo(digests);
    } finally {
      // Released, so that a later test (or run on this database) may fire the digest again.
      jdbc.sql("delete from cl_shedlock where name = :name").param("name", StalledDigest.LOCK).update();
    }
  }

  private void fire(CyclicBarrier together) {
    try {
      together.await(1, TimeUnit.MINUTES);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    digest.weekly();
  }

  private Map<String, Long> digestsSince(long id) {
    Map<String, Long> counts = new java.util.TreeMap<>();
    jdbc.sql("select recipient_user, count(*) from cl_mail_outbox where kind = 'digest' and id > :id group by recipient_user")
        .param("id", id).query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2))).list();
    return counts;
  }

  @Test
  void aDeadSmtpServerNeitherFailsTheTaskNorLosesTheMail() throws Exception {
    startCommunity("Retry Reef", "mila");
    Task deliver = deliverTasks("retry-reef").get(0);
    delivery.drain();
    TestSmtp.stop();

    ResponseEntity<String> completed = submit("alice", deliver.getId(), Map.of("deliverableUrl", "https://wiki.example.org/reef",
        "deliverableSummary", "Done"));
    assertThat(completed.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    Task review = tasks.createTaskQuery().processInstanceId(deliver.getProcessInstanceId())
        .taskDefinitionKey("Task_ReviewDeliverable").singleResult();
    assertThat(review).as("the completion went through").isNotNull();
    delivery.drain();
    Map<String, Object> failedOnce = row(review.getId());
    assertThat(failedOnce.get("attempts")).isEqualTo(1);
    assertThat(failedOnce.get("sent_at")).isNull();
    assertThat((String) failedOnce.get("last_error")).isNotBlank();

    TestSmtp.start();
    delivery.sendDue();
    assertThat(mails("mila@example.org", review.getName())).as("not due before the backoff").isEmpty();
    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofMinutes(2))));
    delivery.sendDue();
    delivery.drain();

    assertThat(mails("mila@example.org", review.getName())).hasSize(1);
    Map<String, Object> sent = row(review.getId());
    assertThat(sent.get("attempts")).isEqualTo(2);
    assertThat(sent.get("sent_at")).isNotNull();
    assertThat(sent.get("last_error")).isNull();
  }

  @Test
  void aMessageThatNeverGoesOutIsMarkedFailedAfterTheLastAttempt() {
    Task task = startGroupTask();
    delivery.drain();
    TestSmtp.stop();
    as("admin", "camunda-admin", () -> tasks.setAssignee(task.getId(), "dora"));
    delivery.drain();
    Instant clock = Instant.now();
    for (int attempt = 2; attempt <= 8; attempt++) {
      clock = clock.plus(Duration.ofHours(7));
      ClockUtil.setCurrentTime(Date.from(clock));
      delivery.sendDue();
    }
    delivery.drain();

    Map<String, Object> gaveUp = jdbc.sql("""
            select attempts, sent_at, failed_at, last_error from cl_mail_outbox
            where task_id = :task and recipient_user = 'dora' and subject like '%Assigned to you%'""")
        .param("task", task.getId()).query().singleRow();
    assertThat(gaveUp.get("attempts")).isEqualTo(8);
    assertThat(gaveUp.get("sent_at")).isNull();
    assertThat(gaveUp.get("failed_at")).isNotNull();

    TestSmtp.start();
    ClockUtil.setCurrentTime(Date.from(clock.plus(Duration.ofDays(1))));
    delivery.sendDue();
    delivery.drain();
    assertThat(mails("dora@example.org", "Assigned to you: Check the mail")).as("given up is given up").isEmpty();
  }

  @Test
  void theUnsubscribeLinkAsksFirstAndOptsOutOnlyOnPost() throws Exception {
    try {
      Task task = startGroupTask();
      delivery.drain();
      MimeMessage toDora = mail("dora@example.org", "Check the mail");
      Matcher link = UNSUBSCRIBE.matcher(body(toDora));
      assertThat(link.find()).isTrue();
      String path = link.group(1);
      assertThat(toDora.getHeader("List-Unsubscribe")[0]).isEqualTo("<http://localhost:8080" + path + ">");

      ResponseEntity<String> page = rest.getForEntity(path, String.class);
      assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
      assertThat(page.getBody()).contains("<form method=\"post\" action=\"/mail/unsubscribe\">")
          .contains("mail about tasks assigned to you or your groups").contains("dora");
      assertThat(page.getHeaders().getFirst("Referrer-Policy")).isEqualTo("no-referrer");
      assertThat(receives("dora").get("assignment")).as("opening the link changes nothing").isEqualTo(true);

      String token = path.substring(path.indexOf("token=") + 6);
      ResponseEntity<String> done = postForm("/mail/unsubscribe", Map.of("token", token));
      assertThat(done.getStatusCode()).isEqualTo(HttpStatus.OK);
      assertThat(done.getBody()).contains("You are unsubscribed");
      assertThat(receives("dora")).isEqualTo(Map.of("assignment", false, "escalation", true, "digest", true));

      // A mail client's own button (RFC 8058): a POST to the link itself.
      preferences("dora", Map.of("assignment", true));
      ResponseEntity<String> oneClick = postForm(path, Map.of("List-Unsubscribe", "One-Click"));
      assertThat(oneClick.getStatusCode()).isEqualTo(HttpStatus.OK);
      assertThat(receives("dora").get("assignment")).isEqualTo(false);

      String payload = token.substring(0, token.indexOf('.'));
      String forged = java.util.Base64.getUrlEncoder().withoutPadding()
          .encodeToString("digest:dave".getBytes(java.nio.charset.StandardCharsets.UTF_8)) + token.substring(payload.length());
      for (String bad : List.of(forged, token.substring(0, token.length() - 2), "garbage")) {
        ResponseEntity<String> refused = postForm("/mail/unsubscribe", Map.of("token", bad));
        assertThat(refused.getStatusCode()).as(bad).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).contains("This link is not valid");
        assertThat(rest.getForEntity("/mail/unsubscribe?token=" + bad, String.class).getStatusCode())
            .isEqualTo(HttpStatus.BAD_REQUEST);
      }
      assertThat(rest.getForEntity("/mail/unsubscribe", String.class).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(receives("dave").get("digest")).as("the forged token did nothing").isEqualTo(true);
    } finally {
      preferences("dora", Map.of("assignment", true));
    }
  }

  // --- helpers ---

  private static void user(IdentityService identity, String id, String first, String email, String group) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      User user = identity.newUser(id);
      user.setFirstName(first);
      user.setLastName("Tester");
      user.setEmail(email);
      user.setPassword("demo");
      identity.saveUser(user);
    }
    if (identity.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
      identity.createMembership(id, group);
    }
  }

  private static GreenMail smtp() {
    return TestSmtp.server();
  }

  private void startCommunity(String name, String liaison) {
    Map<String, Object> body = Map.of("variables", Map.of(
        "communityName", Map.of("value", name), "activator", Map.of("value", "alice"), "liaison", Map.of("value", liaison),
        "entryStage", Map.of("value", "pre-work")));
    ResponseEntity<String> started = rest.withBasicAuth("alice", "demo")
        .postForEntity("/engine-rest/process-definition/key/community-lifecycle/submit-form", body, String.class);
    assertThat(started.getStatusCode()).as(started.getBody()).isEqualTo(HttpStatus.OK);
  }

  private List<Task> deliverTasks(String community) {
    List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(community).taskDefinitionKey("Task_DeliverMilestone")
        .orderByTaskId().asc().list();
    assertThat(open).isNotEmpty();
    return open;
  }

  private Task startGroupTask() {
    String instance = runtime.startProcessInstanceByKey(GROUP_PROCESS).getId();
    return tasks.createTaskQuery().processInstanceId(instance).singleResult();
  }

  private void runTimer(String processInstanceId, String activityId) {
    Job timer = management.createJobQuery().processInstanceId(processInstanceId).activityId(activityId).singleResult();
    assertThat(timer).as(activityId).isNotNull();
    ClockUtil.setCurrentTime(timer.getDuedate());
    management.executeJob(timer.getId());
  }

  private void as(String user, String group, Runnable action) {
    identity.setAuthentication(user, List.of(group));
    try {
      action.run();
    } finally {
      identity.clearAuthentication();
    }
  }

  private ResponseEntity<String> submit(String user, String taskId, Map<String, Object> values) {
    Map<String, Object> variables = new java.util.HashMap<>();
    values.forEach((k, v) -> variables.put(k, Map.of("value", v)));
    return rest.withBasicAuth(user, "demo").postForEntity("/engine-rest/task/" + taskId + "/submit-form",
        Map.of("variables", variables), String.class);
  }

  private ResponseEntity<Map> preferences(String user, Map<String, Object> receives) {
    return rest.withBasicAuth(user, "demo").exchange("/api/me/mail-preferences", HttpMethod.PUT, json(receives), Map.class);
  }

  @SuppressWarnings("unchecked")
  private Map<String, Boolean> receives(String user) {
    return rest.withBasicAuth(user, "demo").getForObject("/api/me/mail-preferences", Map.class);
  }

  private static HttpEntity<Object> json(Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }

  private ResponseEntity<String> postForm(String path, Map<String, String> fields) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    fields.forEach(form::add);
    return rest.postForEntity(path, new HttpEntity<>(form, headers), String.class);
  }

  /** Who the outbox holds mail for about this task. */
  private List<String> recipients(String taskId) {
    return jdbc.sql("select recipient_user from cl_mail_outbox where task_id = :task order by recipient_user")
        .param("task", taskId).query(String.class).list();
  }

  private List<String> kinds(String taskId) {
    return jdbc.sql("select kind from cl_mail_outbox where task_id = :task").param("task", taskId).query(String.class).list();
  }

  private long rows(String taskId, String kind) {
    return jdbc.sql("select count(*) from cl_mail_outbox where task_id = :task and kind = :kind")
        .param("task", taskId).param("kind", kind).query(Long.class).single();
  }

  private long digestRows(String user) {
    return jdbc.sql("select count(*) from cl_mail_outbox where kind = 'digest' and recipient_user = :user")
        .param("user", user).query(Long.class).single();
  }

  private Map<String, Object> row(String taskId) {
    return jdbc.sql("select attempts, sent_at, last_error from cl_mail_outbox where task_id = :task")
        .param("task", taskId).query().singleRow();
  }

  /** The one mail to this address whose subject contains the text; the sender has been drained before. */
  private MimeMessage mail(String to, String subjectPart) {
    List<MimeMessage> found = mails(to, subjectPart);
    if (found.size() != 1) {
      fail("Expected one mail to " + to + " about '" + subjectPart + "', got " + found.size() + ". Received: "
          + Arrays.stream(smtp().getReceivedMessages()).map(MailIT::describe).toList());
    }
    return found.get(0);
  }

  private List<MimeMessage> mails(String to, String subjectPart) {
    return Arrays.stream(smtp().getReceivedMessages()).filter(m -> describe(m).startsWith(to + ": ")
        && describe(m).contains(subjectPart)).toList();
  }

  /** The text of a mail, with the line ends of the text it was made from (SMTP sends CRLF). */
  private static String body(MimeMessage message) {
    return GreenMailUtil.getBody(message).replace("\r\n", "\n");
  }

  private static String describe(MimeMessage message) {
    try {
      return message.getRecipients(RecipientType.TO)[0] + ": " + message.getSubject();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
