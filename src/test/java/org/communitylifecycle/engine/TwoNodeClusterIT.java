package org.communitylifecycle.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.communitylifecycle.testsupport.PostgresServer.count;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.internet.MimeMessage;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.communitylifecycle.testsupport.PostgresServer;
import org.communitylifecycle.testsupport.TestDatabase;
import org.communitylifecycle.testsupport.WebappSession;
import org.communitylifecycle.testsupport.WebappSession.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Two nodes as an operator runs them: two JVMs of the packaged jar on one fresh PostgreSQL database,
 * started at the same moment, each with its job executor, bound to 127.0.0.1. Runs with
 * {@code -Ppostgres} (in {@code .ci/run}), after {@code package}; every JVM it starts is stopped by
 * its process id, and every wait is bounded. The nodes' logs are in {@code target/two-node-cluster/}.
 *
 * <ul>
 *   <li>Simultaneous starts on an empty database, {@value #ROUNDS} times: both nodes come up, and
 *       what startup creates (filters, groups, the admin, deployed models, demo data) exists once.
 *   <li>Work shared by the job executors: {@value #MILESTONES} milestones with a stall period of
 *       seconds stall, and exactly that many follow-ups exist, no job failed.
 *   <li>The weekly digest (fired every few seconds on both nodes here) reaches each liaison once.
 *   <li>A webapp login and its CSRF token made on one node work on the other; a public alumni form
 *       served by one node is accepted by the other.
 *   <li>A node killed while it holds jobs: the other node runs them after the lock time, each once.
 * </ul>
 */
class TwoNodeClusterIT {

  static final int ROUNDS = 10;
  static final int MILESTONES = 500;
  static final int KILL_BATCH = 200;
  /** The job executors' lock time in the work round: how long a killed node's jobs wait for the other node. */
  static final Duration LOCK_TIME = Duration.ofSeconds(20);
  private static final String STALL_KEY = "cluster-check";
  private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

  private static final String USER = PostgresServer.USER;
  private static final String PASSWORD = PostgresServer.PASSWORD;
  private static final Path LOGS = Path.of("target", "two-node-cluster");

  private static Path jar;
  private final List<Node> nodes = new ArrayList<>();
  private final List<String> databases = new ArrayList<>();
  private GreenMail smtp;

  @BeforeAll
  static void packagedJar() throws IOException {
    org.junit.jupiter.api.Assumptions.assumeTrue(TestDatabase.isPostgres(), "PostgreSQL only (-Ppostgres)");
    try (var files = Files.list(Path.of("target"))) {
      jar = files.filter(f -> f.getFileName().toString().matches("community-lifecycle-.*\\.jar"))
          .filter(f -> !f.getFileName().toString().endsWith("-plain.jar")).findFirst()
          .orElseThrow(() -> new IllegalStateException("No packaged jar in target/: run ./mvnw verify, not test"));
    }
    Files.createDirectories(LOGS);
  }

  @AfterEach
  void stopEverything() throws SQLException {
    nodes.forEach(Node::stop);
    nodes.clear();
    if (smtp != null) {
      smtp.stop();
    }
    for (String database : databases) {
      PostgresServer.dropDatabase(database);
    }
    databases.clear();
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.MINUTES)
  void bothNodesStartCleanlyInEveryRoundOfSimultaneousStartsOnAnEmptyDatabase() throws Exception {
    int rounds = Integer.getInteger("twoNodeCluster.rounds", ROUNDS); // fewer for a quick local look
    int clean = 0;
    List<String> failures = new ArrayList<>();
    for (int round = 1; round <= rounds; round++) {
      String url = freshDatabase();
      // Startup only: the job executors would just add load to the machine.
      List<Node> pair = startTogether("round" + round, url, List.of("--camunda.bpm.job-execution.enabled=false"));
      String failure = waitUntilBothUp(pair);
      if (failure == null) {
        try (Connection db = DriverManager.getConnection(url, USER, PASSWORD)) {
          failure = startupRowsOnce(db);
        }
      }
      if (failure == null) {
        clean++;
      } else {
        failures.add("round " + round + ": " + failure);
      }
      pair.forEach(Node::stop);
      nodes.removeAll(pair);
    }
    System.out.printf("[two-node cluster] simultaneous starts on an empty database: %d of %d clean%n", clean, rounds);
    assertThat(failures).as("rounds in which a node failed to start or startup rows were doubled").isEmpty();
  }

  @Test
  @Timeout(value = 20, unit = TimeUnit.MINUTES)
  void twoNodesShareTheWorkTheDigestTheSessionsAndThePublicForms() throws Exception {
    smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    smtp.start();
    String url = freshDatabase();
    // The digest fires every 10 s on both nodes throughout one minute, two minutes from now, when both
    // nodes are up and the demo's stalled steps exist; the lock (held at least 5 min) lets one send it once.
    ZonedDateTime digestMinute = ZonedDateTime.now(ZoneOffset.UTC).plusMinutes(2);
    String digestCron = "*/10 " + digestMinute.getMinute() + " " + digestMinute.getHour() + " * * *";
    List<Node> pair = startTogether("work", url, List.of(
        "--community-lifecycle.milestone.overrides." + STALL_KEY + ".deliver=PT20S",
        "--spring.mail.host=127.0.0.1",
        "--spring.mail.port=" + smtp.getSmtp().getPort(),
        "--community-lifecycle.mail.unsubscribe-secret=two-node-cluster-unsubscribe-secret",
        "--community-lifecycle.mail.poll-interval=PT2S",
        "--community-lifecycle.mail.digest-cron=" + digestCron,
        "--camunda.bpm.job-execution.lock-time-in-millis=" + LOCK_TIME.toMillis(),
        // One job at a time per node: the jobs a node has acquired wait in its queue, locked, so both nodes
        // hold locks while there is work (and the kill below finds node one holding some).
        "--camunda.bpm.job-execution.core-pool-size=1",
        "--camunda.bpm.job-execution.max-pool-size=1",
        // An idle job executor backs off up to a minute (max-wait) and is not told of timers falling due:
        // one node could then run the whole batch alone. Here both look for due jobs at least every second.
        "--camunda.bpm.job-execution.wait-time-in-millis=200",
        "--camunda.bpm.job-execution.max-wait=1000"));
    String failure = waitUntilBothUp(pair);
    assertThat(failure).isNull();
    Node one = pair.get(0);
    Node two = pair.get(1);

    // Work: milestones started on both nodes stall after 20 s; both job executors follow them up.
    Instant started = Instant.now();
    ExecutorService clients = Executors.newFixedThreadPool(8);
    List<Future<Integer>> starts = new ArrayList<>();
    for (int i = 0; i < MILESTONES; i++) {
      Node node = i % 2 == 0 ? one : two;
      String key = "cluster-" + i;
      starts.add(clients.submit(() -> node.rest("admin").exchange("/engine-rest/process-definition/key/milestone/start",
          HttpMethod.POST, json(milestoneStart(key)), String.class).getStatusCode().value()));
    }
    Map<Integer, Long> startAnswers = new HashMap<>();
    for (Future<Integer> start : starts) {
      startAnswers.merge(start.get(2, TimeUnit.MINUTES), 1L, Long::sum);
    }
    clients.shutdown();
    assertThat(startAnswers).as("answers to the milestone starts").isEqualTo(Map.of(200, (long) MILESTONES));

    try (Connection db = DriverManager.getConnection(url, USER, PASSWORD)) {
      String followUps = "select count(*) from act_ru_task t join act_ru_execution p on p.id_ = t.proc_inst_id_"
          + " where p.business_key_ like 'cluster-%' and t.task_def_key_ = 'Task_FollowUpStalledDelivery'";
      waitFor(Duration.ofMinutes(6), () -> count(db, followUps) >= MILESTONES);
      Duration allFollowedUp = Duration.between(started, Instant.now());
      // A moment more: a duplicate would show now.
      Thread.sleep(5_000);
      assertThat(count(db, followUps)).as("follow-ups of the stalled milestones").isEqualTo(MILESTONES);
      assertThat(count(db, "select count(*) from act_ru_job where exception_msg_ is not null")).as("failed jobs").isZero();
      assertThat(count(db, "select count(*) from act_ru_incident")).as("incidents").isZero();
      // Which node fired each stall timer: the engine's hostname, one per node here.
      Map<String, Long> byNode = groups(db, "select hostname_ from act_hi_job_log where act_id_ = 'Timer_DeliveryStalled' and job_state_ = 2"
          + " and process_instance_id_ in (select proc_inst_id_ from act_hi_procinst where business_key_ like 'cluster-%')");
      System.out.printf("[two-node cluster] %d milestones started on two nodes, %d follow-ups after %d s, stall timers"
          + " fired per node: %s%n", MILESTONES, count(db, followUps), allFollowedUp.toSeconds(), byNode);
      assertThat(byNode.values().stream().mapToLong(Long::longValue).sum()).as("stall timers fired once each").isEqualTo(MILESTONES);

      // The digest: fired six times on both nodes, sent by one, once per liaison.
      Instant digestOver = digestMinute.withSecond(0).plusMinutes(1).plusSeconds(5).toInstant();
      while (Instant.now().isBefore(digestOver)) {
        Thread.sleep(1_000);
      }
      waitFor(Duration.ofMinutes(1), () -> count(db, "select count(*) from cl_mail_outbox where sent_at is null and failed_at is null") == 0);
      Map<String, Long> perLiaison = digests().stream().collect(Collectors.groupingBy(m -> m, Collectors.counting()));
      System.out.printf("[two-node cluster] digests per liaison: %s%n", perLiaison);
      assertThat(perLiaison).isNotEmpty().allSatisfy((liaison, copies) -> assertThat(copies).as(liaison).isEqualTo(1));
    }

    // A login on node one is a login on node two, CSRF token included.
    Session bob = WebappSession.login(one.rest(null), "bob", "tasklist");
    ResponseEntity<Map> user = two.rest(null).exchange("/camunda/api/admin/auth/user/default", HttpMethod.GET,
        new HttpEntity<>(bob.headers()), Map.class);
    assertThat(user.getStatusCode().value()).as("node two knows node one's login").isEqualTo(200);
    assertThat(user.getBody().get("userId")).isEqualTo("bob");
    ResponseEntity<Map> query = two.rest(null).exchange("/camunda/api/engine/engine/default/task/count",
        HttpMethod.POST, bob.entity(Map.of("assignee", "bob")), Map.class);
    assertThat(query.getStatusCode().value()).as("a change request with node one's CSRF token, on node two").isEqualTo(200);
    assertThat(((Number) query.getBody().get("count")).longValue()).isPositive();
    ResponseEntity<String> api = two.rest(null).exchange("/api/me/mail-preferences", HttpMethod.GET,
        new HttpEntity<>(bob.headers()), String.class);
    assertThat(api.getStatusCode().value()).as("/api on node two with node one's login").isEqualTo(200);

    // A public form served by node one is accepted by node two.
    String token = alumniFeedbackToken(one);
    ResponseEntity<String> form = one.rest(null).getForEntity("/alumni/feedback/" + token, String.class);
    assertThat(form.getStatusCode().value()).isEqualTo(200);
    Matcher formToken = Pattern.compile("name=\"formToken\" value=\"([^\"]+)\"").matcher(form.getBody());
    assertThat(formToken.find()).as("the form carries its form token").isTrue();
    MultiValueMap<String, String> answers = new LinkedMultiValueMap<>();
    answers.add("store", "yes");
    answers.add("contact", "yes");
    answers.add("list", "no");
    answers.add("upTo", "");
    answers.add("formToken", formToken.group(1));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    ResponseEntity<String> sent = two.rest(null).postForEntity("/alumni/feedback/" + token,
        new HttpEntity<>(answers, headers), String.class);
    assertThat(sent.getStatusCode().value()).as("%s", sent.getBody()).isEqualTo(200);
    assertThat(sent.getBody()).contains("Thank you");

    // A node killed in the middle of its jobs: the other node runs them once their lock time is over.
    try (Connection db = DriverManager.getConnection(url, USER, PASSWORD)) {
      // Node two is frozen (SIGSTOP) before the batch starts, so that node one alone acquires the
      // first timers when they fall due; node one is killed while it holds them, and node two runs on.
      // (Waiting instead for a moment at which both nodes hold locks was a race the test could lose: a
      // node holds a lock only while the job waits in its queue or runs.)
      two.freeze();
      Map<String, String> heldAtKill = new HashMap<>();
      Instant killed;
      String lockedJobs = "select j.id_, j.lock_owner_ from act_ru_job j join act_ru_execution p on p.id_ = j.process_instance_id_"
          + " where p.business_key_ like 'cluster-kill-%' and j.lock_owner_ is not null";
      try {
        ExecutorService starters = Executors.newFixedThreadPool(4);
        List<Future<Integer>> killStarts = new ArrayList<>();
        for (int i = 0; i < KILL_BATCH; i++) {
          String key = "cluster-kill-" + i;
          killStarts.add(starters.submit(() -> one.rest("admin").exchange("/engine-rest/process-definition/key/milestone/start",
              HttpMethod.POST, json(milestoneStart(key)), String.class).getStatusCode().value()));
        }
        for (Future<Integer> start : killStarts) {
          assertThat(start.get(2, TimeUnit.MINUTES)).isEqualTo(200);
        }
        starters.shutdown();
        waitFor(LOCK_TIME.plusMinutes(2), Duration.ofMillis(100), () -> {
          heldAtKill.clear();
          heldAtKill.putAll(pairs(db, lockedJobs));
          return !heldAtKill.isEmpty();
        });
        one.kill();
        killed = Instant.now();
      } finally {
        two.thaw();
      }
      assertThat(heldAtKill.values().stream().distinct().count()).as("lock owners at the kill: node one's only").isEqualTo(1);
      String killFollowUps = "select count(*) from act_ru_task t join act_ru_execution p on p.id_ = t.proc_inst_id_"
          + " where p.business_key_ like 'cluster-kill-%' and t.task_def_key_ = 'Task_FollowUpStalledDelivery'";
      // Node two's lock owner: whoever holds a lock that was taken after the kill (it expires later
      // than any lock node one took). The nodes write lock expiry times in UTC (-Duser.timezone=UTC).
      String afterKill = java.time.LocalDateTime.ofInstant(killed.plus(LOCK_TIME).plusSeconds(1), ZoneOffset.UTC)
          .toString().replace('T', ' ');
      java.util.Set<String> ownersAfterKill = new java.util.HashSet<>();
      waitFor(LOCK_TIME.plusMinutes(4), () -> {
        ownersAfterKill.addAll(pairs(db, "select j.id_, j.lock_owner_ from act_ru_job j where j.lock_owner_ is not null"
            + " and j.lock_exp_time_ > timestamp '" + afterKill + "'").values());
        return count(db, killFollowUps) >= KILL_BATCH;
      });
      Duration takenOver = Duration.between(killed, Instant.now());
      Thread.sleep(5_000);
      assertThat(count(db, killFollowUps)).as("follow-ups after node one was killed").isEqualTo(KILL_BATCH);
      assertThat(count(db, "select count(*) from act_ru_job where exception_msg_ is not null")).as("failed jobs").isZero();
      long orphaned = heldAtKill.values().stream().filter(owner -> !ownersAfterKill.contains(owner)).count();
      assertThat(orphaned).as("locks of node one that only their expiry released").isEqualTo(heldAtKill.size());
      System.out.printf("[two-node cluster] node one killed holding %d of %d locked timers; all %d follow-ups exist"
          + " %d s later (lock time %d s), none twice%n", orphaned, heldAtKill.size(), KILL_BATCH, takenOver.toSeconds(),
          LOCK_TIME.toSeconds());
    }
  }

  // --- the alumni form ---

  /** hana lists one resident of a residency that ended yesterday; returns the resident's feedback token. */
  private static String alumniFeedbackToken(Node node) {
    Map<String, Object> start = Map.of("variables", Map.of(
        "hubName", Map.of("value", "Cluster Hub"),
        "cohortName", Map.of("value", "Two Nodes"),
        "residencyEndDate", Map.of("value", LocalDate.now().minusDays(1).toString()),
        "residents", Map.of("value", "Rosa Resident <rosa@example.org>")));
    ResponseEntity<Map> started = node.rest("hana").exchange("/engine-rest/process-definition/key/alumni-network/submit-form",
        HttpMethod.POST, json(start), Map.class);
    assertThat(started.getStatusCode().value()).as("%s", started.getBody()).isEqualTo(200);
    String instance = started.getBody().get("id").toString();
    List<Map<String, Object>> jobs = node.rest("admin").exchange("/engine-rest/job?processInstanceId=" + instance
        + "&activityId=Timer_ResidencyEnded", HttpMethod.GET, null, new ParameterizedTypeReference<List<Map<String, Object>>>() {}).getBody();
    if (!jobs.isEmpty()) {
      node.rest("admin").exchange("/engine-rest/job/" + jobs.get(0).get("id") + "/execute", HttpMethod.POST, json(Map.of()), String.class);
    }
    List<Map<String, Object>> tasks = node.rest("hana").exchange("/engine-rest/task?processInstanceId=" + instance
        + "&taskDefinitionKey=Task_SendAlumniInvitations", HttpMethod.GET, null,
        new ParameterizedTypeReference<List<Map<String, Object>>>() {}).getBody();
    assertThat(tasks).hasSize(1);
    Map<?, ?> variables = node.rest("hana").getForObject("/engine-rest/task/" + tasks.get(0).get("id") + "/form-variables", Map.class);
    String links = ((Map<?, ?>) variables.get("invitationLinks")).get("value").toString();
    String line = links.lines().filter(l -> l.contains("rosa@example.org")).findFirst().orElseThrow();
    return line.substring(line.lastIndexOf('/') + 1).trim();
  }

  // --- nodes ---

  private List<Node> startTogether(String name, String url, List<String> extra) throws IOException {
    List<Node> pair = new ArrayList<>();
    for (String node : List.of("node1", "node2")) {
      List<String> args = new ArrayList<>(List.of(
          "--server.port=" + freePort(),
          "--server.address=127.0.0.1",
          "--spring.profiles.active=demo",
          "--spring.datasource.url=" + url,
          "--spring.datasource.username=" + USER,
          "--spring.datasource.password=" + PASSWORD,
          "--community-lifecycle.models.live-redeploy=false",
          "--spring.jmx.enabled=false",
          // The job log names the node that ran each job.
          "--camunda.bpm.generic-properties.properties.hostname=" + node));
      args.addAll(extra);
      pair.add(new Node(name + "-" + node, args));
    }
    // Both JVMs are launched before either is waited for: they race through startup together.
    for (Node node : pair) {
      node.start();
      nodes.add(node);
    }
    return pair;
  }

  /** Null when both nodes answer their health check, else what went wrong. */
  private static String waitUntilBothUp(List<Node> pair) throws InterruptedException {
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    for (Node node : pair) {
      String failure = node.awaitUp(deadline);
      if (failure != null) {
        return failure;
      }
    }
    return null;
  }

  private static String startupRowsOnce(Connection db) throws SQLException {
    Map<String, String> once = new HashMap<>();
    once.put("My tasks filter", "select count(*) from act_ru_filter where name_ = 'My tasks'");
    once.put("admin user", "select count(*) from act_id_user where id_ = 'admin'");
    once.put("admin membership", "select count(*) from act_id_membership where user_id_ = 'admin' and group_id_ = 'camunda-admin'");
    once.put("milestone model", "select count(*) from act_re_procdef where key_ = 'milestone'");
    once.put("My group tasks filter", "select count(*) from act_ru_filter where name_ = 'My group tasks'");
    once.put("the admin's default group", "select count(*) from act_id_group where id_ = 'camunda-admin'");
    List<String> wrong = new ArrayList<>();
    for (Map.Entry<String, String> row : once.entrySet()) {
      long n = count(db, row.getValue());
      if (n != 1) {
        wrong.add(row.getKey() + " exists " + n + " times");
      }
    }
    long groupsTwice = count(db, "select count(*) from (select id_ from act_id_group group by id_ having count(*) > 1) g");
    if (groupsTwice > 0) {
      wrong.add(groupsTwice + " groups created twice");
    }
    long communities = count(db, "select count(*) from cl_community");
    if (communities != 5) {
      wrong.add(communities + " demo communities instead of 5");
    }
    long redeployed = count(db, "select count(*) from (select key_ from act_re_procdef group by key_ having max(version_) > 1) r");
    if (redeployed > 0) {
      wrong.add(redeployed + " models deployed twice");
    }
    long demoTwice = count(db, "select count(*) from (select proc_def_key_, business_key_ from act_hi_procinst"
        + " where business_key_ is not null and super_process_instance_id_ is null"
        + " group by proc_def_key_, business_key_ having count(*) > 1) t");
    if (demoTwice > 0) {
      wrong.add(demoTwice + " demo samples started twice");
    }
    return wrong.isEmpty() ? null : String.join("; ", wrong);
  }

  /** One app JVM of the packaged jar. */
  private static final class Node {
    private final String name;
    private final List<String> args;
    private final Path log;
    private int port;
    private Process process;

    Node(String name, List<String> args) {
      this.name = name;
      this.args = args;
      this.log = LOGS.resolve(name + ".log");
      this.port = Integer.parseInt(args.get(0).substring("--server.port=".length()));
    }

    void start() throws IOException {
      List<String> command = new ArrayList<>(List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-Xmx768m", "-XX:TieredStopAtLevel=1", "-Duser.timezone=UTC", "-jar", jar.toAbsolutePath().toString()));
      command.addAll(args);
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
      // Nothing of the environment that runs the tests (mail, database, secrets) reaches the node.
      builder.environment().keySet().removeIf(k -> k.startsWith("SPRING_") || k.startsWith("DB_") || k.startsWith("MAIL_"));
      builder.directory(LOGS.toFile());
      process = builder.start();
    }

    String awaitUp(Instant deadline) throws InterruptedException {
      while (Instant.now().isBefore(deadline)) {
        if (!process.isAlive()) {
          return name + " stopped with exit code " + process.exitValue() + ": " + tail();
        }
        try {
          if (rest(null).getForEntity("/actuator/health", String.class).getStatusCode().is2xxSuccessful()) {
            return null;
          }
        } catch (RuntimeException notYet) {
          // not listening yet
        }
        Thread.sleep(500);
      }
      return name + " did not answer its health check within " + START_TIMEOUT + ": " + tail();
    }

    TestRestTemplate rest(String user) {
      TestRestTemplate rest = new TestRestTemplate(new RestTemplateBuilder().rootUri("http://127.0.0.1:" + port)
          .connectTimeout(Duration.ofSeconds(5)).readTimeout(Duration.ofSeconds(60)));
      return user == null ? rest : rest.withBasicAuth(user, "demo");
    }

    /** Stops the JVM where it is (SIGSTOP), connections and locks held, until {@link #thaw()}. */
    void freeze() throws IOException, InterruptedException {
      signal("STOP");
    }

    void thaw() throws IOException, InterruptedException {
      signal("CONT");
    }

    private void signal(String signal) throws IOException, InterruptedException {
      Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid())).inheritIO().start();
      assertThat(kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0).as("SIG%s to %s", signal, name).isTrue();
    }

    /** As a crash: no shutdown, no rollback of what the node was doing (SIGKILL). */
    void kill() throws InterruptedException {
      process.destroyForcibly();
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("%s killed", name).isTrue();
    }

    void stop() {
      if (process == null || !process.isAlive()) {
        return;
      }
      try {
        // A frozen JVM takes SIGTERM only once it runs again.
        new ProcessBuilder("kill", "-CONT", String.valueOf(process.pid())).inheritIO().start().waitFor(10, TimeUnit.SECONDS);
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      } catch (IOException e) {
        process.destroyForcibly();
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }

    private String tail() {
      try {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
      } catch (IOException e) {
        return "(no log: " + e.getMessage() + ")";
      }
    }
  }

  // --- helpers ---

  private List<String> digests() {
    List<String> to = new ArrayList<>();
    for (MimeMessage message : smtp.getReceivedMessages()) {
      try {
        if (message.getSubject().contains("Weekly digest")) {
          to.add(Arrays.stream(message.getRecipients(RecipientType.TO)).map(Object::toString).collect(Collectors.joining(",")));
        }
      } catch (jakarta.mail.MessagingException e) {
        throw new IllegalStateException(e);
      }
    }
    return to;
  }

  private static Map<String, Object> milestoneStart(String businessKey) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("milestoneKey", Map.of("value", STALL_KEY));
    variables.put("milestoneName", Map.of("value", "Check the cluster"));
    variables.put("stage", Map.of("value", "starting"));
    variables.put("deliverable", Map.of("value", "A follow-up per stalled milestone"));
    // People without a user or an email: the 1,000 tasks mail nobody, and the digest counts only the demo's liaisons.
    variables.put("responsibleGroup", Map.of("value", "cluster-activators"));
    variables.put("supportGroup", Map.of("value", "cluster-liaisons"));
    variables.put("communityName", Map.of("value", "Cluster Check"));
    variables.put("responsibleUser", Map.of("value", "cluster-activator"));
    variables.put("supportUser", Map.of("value", "cluster-liaison"));
    return Map.of("businessKey", businessKey, "variables", variables);
  }

  private static HttpEntity<Object> json(Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }

  private String freshDatabase() throws SQLException {
    String name = "cl_test_cluster_" + UUID.randomUUID().toString().substring(0, 8);
    PostgresServer.execute("CREATE DATABASE " + name);
    databases.add(name);
    return PostgresServer.urlOf(name);
  }


  private static void waitFor(Duration atMost, BooleanSupplier condition) throws InterruptedException {
    waitFor(atMost, Duration.ofSeconds(1), condition);
  }

  private static void waitFor(Duration atMost, Duration every, BooleanSupplier condition) throws InterruptedException {
    Instant deadline = Instant.now().plus(atMost);
    while (!condition.getAsBoolean()) {
      assertThat(Instant.now()).as("waited %s", atMost).isBefore(deadline);
      Thread.sleep(every.toMillis());
    }
  }


  private static Map<String, String> pairs(Connection db, String sql) {
    Map<String, String> pairs = new HashMap<>();
    try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        pairs.put(rows.getString(1), rows.getString(2));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
    return pairs;
  }

  private static Map<String, Long> groups(Connection db, String sql) throws SQLException {
    Map<String, Long> counts = new HashMap<>();
    try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        counts.merge(rows.getString(1), 1L, Long::sum);
      }
    }
    return counts;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("No free port", e);
    }
  }

}
