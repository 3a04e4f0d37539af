package org.communitylifecycle.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.communitylifecycle.testsupport.PostgresServer.count;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.communitylifecycle.CommunityLifecycleApplication;
import org.communitylifecycle.identity.Groups;
import org.communitylifecycle.testsupport.PostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.communitylifecycle.lifecycle.LifecycleContract;

/**
 * The backup-and-restore procedure of docs/operations/backup.md, end to end on PostgreSQL: the app
 * runs on database A with communities at different milestone steps; while client threads keep
 * starting communities and completing tasks, {@code pg_dump -Fc} backs A up. The app stops; the dump
 * is restored with {@code pg_restore --no-owner --no-privileges --single-transaction} into a fresh
 * database B, and the app starts on B with the same settings (secrets included). There the dump is
 * one consistent moment (app tables and engine tables agree; work committed before the dump began is
 * in, work begun after it ended is not), the app starts without migrating anything, every process
 * instance of the dump runs, the stall timers fire by the job executor once the engine clock passes
 * their due date, every community's open Deliver task completes into its review, and a new community
 * starts.
 *
 * <p>Only in {@code ./mvnw verify -Ppostgres}, in a JVM of its own (failsafe execution
 * {@code backup-restore}): it needs a PostgreSQL server and pg_dump/pg_restore, and its two
 * application contexts would change the engine the webapps of the shared test context find. An
 * unreachable server or missing client tools fail it. It skips only outside that execution, where
 * {@code -Dit.test=BackupRestoreIT} would otherwise also run it.
 */
class BackupRestoreIT {

  private static final String SERVER = PostgresServer.URL;
  private static final String USER = PostgresServer.USER;
  private static final String PASSWORD = PostgresServer.PASSWORD;
  /** Directory of pg_dump and pg_restore; empty: from the PATH. Their major version must be at least the server's. */
  private static final String PG_BIN = System.getenv().getOrDefault("TEST_PG_BIN", "").trim();

  /** The postgres profile refuses an empty database password; a trust-auth test server ignores this one. */
  private static final String APP_DB_PASSWORD = PASSWORD.isBlank() ? "ignored-by-trust-auth" : PASSWORD;
  /** The secrets of the deployment: the restored app must run with the same ones. */
  private static final String ADMIN_PASSWORD = "backup-restore-admin-" + UUID.randomUUID();
  private static final String FORM_TOKEN_SECRET = "backup-restore-form-token-secret-" + UUID.randomUUID();
  private static final String PEOPLE_PASSWORD = "backup-restore-people";

  private static final String LIFECYCLE = LifecycleContract.PROCESS_KEY;
  private static final String STAGE = "learning-and-preparing-for-growth";
  private static final String DELIVER = "Task_DeliverMilestone";
  private static final String REVIEW = "Task_ReviewDeliverable";
  private static final String STALL_TIMER = "Timer_DeliveryStalled";
  private static final String FOLLOW_UP = "Task_FollowUpStalledDelivery";

  private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
  private static final String DB_A = "cl_test_backup_a_" + SUFFIX;
  private static final String DB_B = "cl_test_backup_b_" + SUFFIX;
  private static final Set<String> created = Collections.synchronizedSet(new LinkedHashSet<>());
  private static Path dump;
  private static long phaseBegun = System.nanoTime();

  @BeforeAll
  static void databases() throws SQLException {
    // -Dit.test=BackupRestoreIT overrides every failsafe execution's includes and excludes: run once, in its own.
    Assumptions.assumeTrue(Boolean.getBoolean("backup-restore.execution"),
        "BackupRestoreIT runs only in the failsafe execution backup-restore (./mvnw verify -Ppostgres), in a JVM of its own");
    try (Connection admin = admin(); Statement sql = admin.createStatement()) {
      sql.execute("CREATE DATABASE " + DB_A);
      created.add(DB_A);
    } catch (SQLException e) {
      throw new IllegalStateException("BackupRestoreIT needs a PostgreSQL server at " + SERVER + " (user " + USER
          + "): " + e.getMessage() + " Start PostgreSQL or set TEST_POSTGRES_URL.", e);
    }
  }

  @AfterAll
  static void cleanUp() throws Exception {
    ClockUtil.reset();
    if (dump != null) {
      Files.deleteIfExists(dump);
    }
    if (created.isEmpty()) {
      return;
    }
    try (Connection admin = admin(); Statement sql = admin.createStatement()) {
      for (String name : created) {
        sql.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      }
    }
  }

  @Test
  @Timeout(value = 8, unit = TimeUnit.MINUTES)
  void aDumpTakenUnderLoadRestoresIntoAFreshDatabaseAndEveryCommunityCarriesOn() throws Exception {
    long begun = System.nanoTime();
    dump = Files.createTempFile("community-lifecycle-", ".dump");
    List<Load.Start> starts;
    Set<String> runningBeforeLoad;

    // --- Database A: running work, then a dump under load ---
    phaseBegun = System.nanoTime();
    ConfigurableApplicationContext a = start(DB_A);
    phase("app started on A");
    try {
      people(engine(a).getIdentityService());
      Client alice = new Client(a, "alice");
      Client bob = new Client(a, "bob");
      // Communities at different milestone steps: deliveries open (their stall timers pending), one
      // delivery handed over and waiting on review, one milestone accepted.
      alice.startCommunity("Backup Deliver Open", STAGE);
      alice.startCommunity("Backup Starting", "starting");
      alice.deliver(alice.deliverTasks(alice.startCommunity("Backup In Review", STAGE)).get(0));
      String accepted = alice.deliverTasks(alice.startCommunity("Backup Accepted", STAGE)).get(0);
      String acceptedMilestone = alice.milestoneOf(accepted);
      alice.deliver(accepted);
      bob.accept(bob.reviewTaskOf(acceptedMilestone));
      runningBeforeLoad = runningInstances(DB_A);
      phase("communities at their steps on A");

      try (Load load = new Load(alice)) {
        load.awaitWarm();
        phase("load running");
        long dumpBegun = System.nanoTime();
        run(List.of(tool("pg_dump"), "--format=custom", "--file=" + dump, "--dbname=" + uri(DB_A)), 60);
        long dumpEnded = System.nanoTime();
        phase("pg_dump under load");
        starts = load.stopAfter(dumpBegun, dumpEnded);
      }
    } finally {
      a.close();
    }
    phase("load stopped, app on A stopped");
    System.out.printf("BackupRestoreIT: dump of %d bytes%n", Files.size(dump));

    // --- Database B: a fresh one, restored from the dump ---
    try (Connection admin = admin(); Statement sql = admin.createStatement()) {
      // Empty, as docs/operations/backup.md says: from template0, nothing a site added to template1.
      sql.execute("CREATE DATABASE " + DB_B + " TEMPLATE template0");
      created.add(DB_B);
    }
    run(List.of(tool("pg_restore"), "--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error",
        "--dbname=" + uri(DB_B), dump.toString()), 60);
    phase("pg_restore into B");
    Restored restored;
    try (Connection b = database(DB_B); Statement sql = b.createStatement()) {
      sql.execute("ANALYZE");
      restored = new Restored(b);
    }

    // One consistent moment: app tables and engine tables agree, and the load is cut at the dump.
    assertThat(restored.runningInstances).as("what ran before the load").containsAll(runningBeforeLoad);
    assertThat(restored.runningRowsWithoutInstance).as("cl_running_instance rows whose instance is not in the dump").isEmpty();
    assertThat(restored.lifecyclesWithoutCommunity).as("running lifecycles without their cl_community row").isEmpty();
    for (Load.Start s : starts) {
      if (s.committedBeforeDump()) {
        assertThat(restored.communities).as("%s, started before the dump began", s.key()).contains(s.key());
      }
      if (s.begunAfterDump()) {
        assertThat(restored.communities).as("%s, started after the dump ended", s.key()).doesNotContain(s.key());
      }
    }
    assertThat(starts).as("starts answered before the dump began").anyMatch(Load.Start::committedBeforeDump);
    assertThat(starts).as("starts sent after the dump ended").anyMatch(Load.Start::begunAfterDump);
    assertThat(restored.stallTimers).as("pending stall timers in the dump").isNotEmpty();
    assertThat(restored.communitiesWithOpenDelivery).as("communities with an open delivery")
        .contains("backup-deliver-open", "backup-accepted");

    // --- The app on B ---
    phase("restored tables checked");
    ConfigurableApplicationContext b = start(DB_B);
    phase("app started on B");
    try {
      ProcessEngine engine = engine(b);
      try (Connection db = database(DB_B)) {
        assertThat(count(db, "select count(*) from cl_schema_history")).as("Flyway migrated nothing").isEqualTo(restored.flywayRows);
        assertThat(count(db, "select count(*) from cl_schema_history where not success")).isZero();
        assertThat(count(db, "select count(*) from act_ge_schema_log")).as("the engine changed no schema").isEqualTo(restored.schemaLogRows);
        assertThat(count(db, "select count(*) from act_re_procdef")).as("no model deployed again").isEqualTo(restored.definitions);
      }
      assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceIds(restored.runningInstances).active().count())
          .as("every process instance running in the dump runs").isEqualTo(restored.runningInstances.size());

      // Timers fire: the job executor runs every stall timer once the engine clock passes it.
      Date latest = restored.stallTimers.stream().map(Timer::duedate).max(Date::compareTo).orElseThrow();
      ClockUtil.setCurrentTime(new Date(latest.getTime() + 60_000));
      awaitJobExecutor(engine, restored);
      phase("stall timers fired");
      for (Timer timer : restored.stallTimers) {
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(timer.processInstanceId())
            .taskDefinitionKey(FOLLOW_UP).count()).as("follow-up of stalled delivery in %s", timer.processInstanceId()).isEqualTo(1);
      }
      assertThat(engine.getManagementService().createJobQuery().withException().count()).as("failed jobs").isZero();
      assertThat(engine.getRuntimeService().createIncidentQuery().count()).as("incidents").isZero();

      // Tasks complete: in every community, one open delivery is handed over and reaches its review.
      Client alice = new Client(b, "alice");
      Client bob = new Client(b, "bob");
      for (String community : restored.communitiesWithOpenDelivery) {
        String deliver = alice.deliverTasks(community).get(0);
        String milestone = alice.milestoneOf(deliver);
        alice.deliver(deliver);
        assertThat(bob.tasks("processInstanceId=" + milestone)).as("tasks of %s after delivery", community)
            .extracting(t -> t.get("taskDefinitionKey")).containsExactly(REVIEW);
      }
      bob.accept(bob.reviewTaskOf(restored.reviewMilestones.get("backup-in-review")));
      phase("deliveries handed over");

      // A new community starts.
      String fresh = alice.startCommunity("Backup After Restore", STAGE);
      assertThat(alice.deliverTasks(fresh)).isNotEmpty();
    } finally {
      ClockUtil.reset();
      b.close();
    }
    System.out.printf("BackupRestoreIT: %d communities carried on, %d stall timers fired, %d s in all%n",
        restored.communitiesWithOpenDelivery.size(), restored.stallTimers.size(),
        TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - begun));
  }

  /** Waits (bounded) until the job executor has run every job due at the moved clock. */
  private static void awaitJobExecutor(ProcessEngine engine, Restored restored) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
    Set<String> timerIds = new LinkedHashSet<>(restored.stallTimers.stream().map(Timer::id).toList());
    while (true) {
      long timersLeft = engine.getManagementService().createJobQuery().jobIds(timerIds).count();
      long dueLeft = engine.getManagementService().createJobQuery().executable().count();
      if (timersLeft == 0 && dueLeft == 0) {
        return;
      }
      assertThat(System.nanoTime()).as("job executor done within 40 s: %d stall timers and %d due jobs left",
          timersLeft, dueLeft).isLessThan(deadline);
      Thread.sleep(200);
    }
  }

  /** Prints how long the phase that ends now took: the test's runtime is watched. */
  private static void phase(String done) {
    long now = System.nanoTime();
    System.out.printf("BackupRestoreIT: %-40s %5d ms%n", done, TimeUnit.NANOSECONDS.toMillis(now - phaseBegun));
    phaseBegun = now;
  }

  // --- the app ---

  private static ConfigurableApplicationContext start(String database) {
    // The production profile, with the deployment's settings as arguments (they outrank application.yaml as
    // the environment does). The job executor runs, and looks for due jobs at least every second.
    return new SpringApplicationBuilder(CommunityLifecycleApplication.class)
        .profiles("postgres")
        .run(
            "--server.port=0",
            "--server.address=127.0.0.1",
            "--spring.datasource.url=" + jdbcUrl(database),
            "--spring.datasource.username=" + USER,
            "--spring.datasource.password=" + APP_DB_PASSWORD,
            "--community-lifecycle.identity.admin-password=" + ADMIN_PASSWORD,
            "--community-lifecycle.alumni.form-token-secret=" + FORM_TOKEN_SECRET,
            "--camunda.bpm.job-execution.enabled=true",
            "--camunda.bpm.job-execution.wait-time-in-millis=200",
            "--camunda.bpm.job-execution.max-wait=1000",
            "--community-lifecycle.mail.poll-interval=PT1H",
            "--community-lifecycle.models.live-redeploy=false",
            "--spring.jmx.enabled=false");
  }

  private static ProcessEngine engine(ConfigurableApplicationContext context) {
    return context.getBean(ProcessEngine.class);
  }

  /** The people, as an administrator adds them in Admin: in production there are no demo users. */
  private static void people(IdentityService identity) {
    for (String[] person : List.of(new String[] {"alice", Groups.ACTIVATORS}, new String[] {"bob", Groups.CBT_LIAISONS})) {
      User user = identity.newUser(person[0]);
      user.setFirstName(person[0]);
      user.setEmail(person[0] + "@example.org");
      user.setPassword(PEOPLE_PASSWORD);
      identity.saveUser(user);
      identity.createMembership(person[0], person[1]);
    }
  }

  /** A person using the REST API of a running app. */
  private static final class Client {

    private final TestRestTemplate rest;

    Client(ConfigurableApplicationContext context, String user) {
      int port = ((ServletWebServerApplicationContext) context).getWebServer().getPort();
      this.rest = new TestRestTemplate(new RestTemplateBuilder().rootUri("http://127.0.0.1:" + port))
          .withBasicAuth(user, PEOPLE_PASSWORD);
    }

    /** Starts a lifecycle; returns the community key. */
    String startCommunity(String name, String stage) {
      ResponseEntity<Map> answer = tryStart(name, stage);
      assertThat(answer.getStatusCode().value()).as("start of %s: %s", name, answer.getBody()).isEqualTo(200);
      return name.toLowerCase().replace(' ', '-');
    }

    ResponseEntity<Map> tryStart(String name, String stage) {
      return rest.postForEntity("/engine-rest/process-definition/key/" + LIFECYCLE + "/submit-form",
          Map.of("variables", variables(Map.of("communityName", name, "activator", "alice", "liaison", "bob",
              "entryStage", stage))), Map.class);
    }

    /** The community's open Deliver tasks assigned to this person, oldest first. */
    List<String> deliverTasks(String community) {
      List<Map<String, Object>> tasks = tasks("processInstanceBusinessKey=" + community + "&taskDefinitionKey=" + DELIVER
          + "&sortBy=created&sortOrder=asc");
      assertThat(tasks).as("Deliver tasks of %s", community).isNotEmpty();
      return tasks.stream().map(t -> t.get("id").toString()).toList();
    }

    List<Map<String, Object>> tasks(String query) {
      ResponseEntity<List<Map<String, Object>>> answer = rest.exchange("/engine-rest/task?" + query, HttpMethod.GET, null,
          new ParameterizedTypeReference<List<Map<String, Object>>>() {});
      assertThat(answer.getStatusCode().value()).as("GET tasks %s", query).isEqualTo(200);
      return answer.getBody();
    }

    Map<String, Object> get(String path) {
      ResponseEntity<Map> answer = rest.getForEntity(path, Map.class);
      assertThat(answer.getStatusCode().value()).as("GET %s: %s", path, answer.getBody()).isEqualTo(200);
      return answer.getBody();
    }

    void deliver(String taskId) {
      ResponseEntity<Map> answer = tryDeliver(taskId);
      assertThat(answer.getStatusCode().value()).as("delivery %s: %s", taskId, answer.getBody()).isEqualTo(204);
    }

    ResponseEntity<Map> tryDeliver(String taskId) {
      return rest.postForEntity("/engine-rest/task/" + taskId + "/complete", Map.of("variables", variables(Map.of(
          "deliverableUrl", "https://wiki.example.org/backup/" + taskId, "deliverableSummary", "Delivered"))), Map.class);
    }

    /** The milestone instance of a task. */
    String milestoneOf(String taskId) {
      return get("/engine-rest/task/" + taskId).get("processInstanceId").toString();
    }

    String reviewTaskOf(String milestone) {
      List<Map<String, Object>> tasks = tasks("processInstanceId=" + milestone + "&taskDefinitionKey=" + REVIEW);
      assertThat(tasks).as("review of milestone %s", milestone).hasSize(1);
      return tasks.get(0).get("id").toString();
    }

    void accept(String reviewTaskId) {
      ResponseEntity<Map> answer = rest.postForEntity("/engine-rest/task/" + reviewTaskId + "/complete",
          Map.of("variables", variables(Map.of("reviewDecision", "accept"))), Map.class);
      assertThat(answer.getStatusCode().value()).as("acceptance %s: %s", reviewTaskId, answer.getBody()).isEqualTo(204);
    }

    private static Map<String, Object> variables(Map<String, Object> values) {
      Map<String, Object> variables = new HashMap<>();
      values.forEach((k, v) -> variables.put(k, Map.of("value", v)));
      return variables;
    }
  }

  /**
   * Client threads that keep the app busy: one starts communities, one hands over their deliveries.
   * Each start is timed, so that the test can tell which ones the dump must and must not hold.
   */
  private static final class Load implements AutoCloseable {

    record Start(String key, long sent, long answered, long dumpBegun, long dumpEnded) {
      boolean committedBeforeDump() {
        return answered < dumpBegun;
      }

      boolean begunAfterDump() {
        return sent > dumpEnded;
      }
    }

    private record Timed(String key, long sent, long answered) {}

    private final ExecutorService pool = Executors.newFixedThreadPool(2);
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final ConcurrentLinkedQueue<Timed> started = new ConcurrentLinkedQueue<>();
    private final AtomicInteger delivered = new AtomicInteger();
    private final List<Future<?>> workers = new ArrayList<>();

    Load(Client alice) {
      workers.add(pool.submit(() -> {
        for (int i = 1; running.get(); i++) {
          String name = "Backup Load " + i;
          long sent = System.nanoTime();
          ResponseEntity<Map> answer = alice.tryStart(name, STAGE);
          long answered = System.nanoTime();
          assertThat(answer.getStatusCode().value()).as("load start %s: %s", name, answer.getBody()).isEqualTo(200);
          started.add(new Timed(name.toLowerCase().replace(' ', '-'), sent, answered));
          // A steady trickle: each start opens a stage's milestones, every one with its stall timer.
          Thread.sleep(600);
        }
        return null;
      }));
      workers.add(pool.submit(() -> {
        while (running.get()) {
          // A plain %: the REST template encodes it.
          List<Map<String, Object>> open = alice.tasks("processInstanceBusinessKeyLike=backup-load-%&taskDefinitionKey="
              + DELIVER + "&sortBy=created&sortOrder=asc&maxResults=1");
          if (open.isEmpty()) {
            Thread.sleep(20);
            continue;
          }
          int status = alice.tryDeliver(open.get(0).get("id").toString()).getStatusCode().value();
          assertThat(status).as("load delivery").isIn(204, 404, 409);
          if (status == 204) {
            delivered.incrementAndGet();
          }
        }
        return null;
      }));
    }

    /** Returns once the load runs: both threads have done some work. */
    void awaitWarm() throws Exception {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
      while (started.isEmpty() || delivered.get() < 1) {
        for (Future<?> worker : workers) {
          if (worker.isDone()) {
            worker.get();
          }
        }
        assertThat(System.nanoTime()).as("load running within 90 s (a busy machine)").isLessThan(deadline);
        Thread.sleep(20);
      }
    }

    /** Lets the load go on until a start was sent after the dump ended, stops it and returns its timed starts. */
    List<Start> stopAfter(long dumpBegun, long dumpEnded) throws Exception {
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (System.nanoTime() < until && started.stream().noneMatch(t -> t.sent() > dumpEnded)) {
        Thread.sleep(20);
      }
      running.set(false);
      for (Future<?> worker : workers) {
        worker.get(30, TimeUnit.SECONDS);
      }
      System.out.printf("BackupRestoreIT: load started %d communities and handed over %d deliveries%n",
          started.size(), delivered.get());
      return started.stream().map(t -> new Start(t.key(), t.sent(), t.answered(), dumpBegun, dumpEnded)).toList();
    }

    @Override
    public void close() {
      running.set(false);
      pool.shutdownNow();
    }
  }

  /** What the restored database holds, read before the app starts on it. */
  private static final class Restored {

    final Set<String> runningInstances;
    final Set<String> runningRowsWithoutInstance;
    final Set<String> lifecyclesWithoutCommunity;
    final Set<String> communities;
    final Set<String> communitiesWithOpenDelivery;
    final Map<String, String> reviewMilestones = new HashMap<>();
    final List<Timer> stallTimers = new ArrayList<>();
    final long flywayRows;
    final long schemaLogRows;
    final long definitions;

    Restored(Connection db) throws SQLException {
      runningInstances = strings(db, "select id_ from act_ru_execution where id_ = proc_inst_id_");
      runningRowsWithoutInstance = strings(db, "select r.process_instance_id from cl_running_instance r"
          + " where not exists (select 1 from act_ru_execution e where e.id_ = r.process_instance_id)");
      lifecyclesWithoutCommunity = strings(db, "select e.business_key_ from act_ru_execution e"
          + " join act_re_procdef d on d.id_ = e.proc_def_id_ where d.key_ = '" + LIFECYCLE + "' and e.id_ = e.proc_inst_id_"
          + " and not exists (select 1 from cl_community c where c.community_key = e.business_key_)");
      communities = strings(db, "select community_key from cl_community");
      // A task's community: the business key its milestone inherits from the stage and the lifecycle.
      communitiesWithOpenDelivery = strings(db, "select distinct p.business_key_ from act_ru_task t"
          + " join act_ru_execution p on p.id_ = t.proc_inst_id_ where t.task_def_key_ = '" + DELIVER + "' and t.assignee_ = 'alice'"
          + " order by p.business_key_");
      try (Statement sql = db.createStatement(); ResultSet rows = sql.executeQuery("select p.business_key_, t.proc_inst_id_"
          + " from act_ru_task t join act_ru_execution p on p.id_ = t.proc_inst_id_ where t.task_def_key_ = '" + REVIEW + "'")) {
        while (rows.next()) {
          reviewMilestones.put(rows.getString(1), rows.getString(2));
        }
      }
      try (Statement sql = db.createStatement(); ResultSet rows = sql.executeQuery("select j.id_, j.process_instance_id_, j.duedate_"
          + " from act_ru_job j join act_ru_jobdef d on d.id_ = j.job_def_id_"
          + " where j.type_ = 'timer' and d.act_id_ = '" + STALL_TIMER + "'")) {
        while (rows.next()) {
          stallTimers.add(new Timer(rows.getString(1), rows.getString(2), rows.getTimestamp(3)));
        }
      }
      flywayRows = count(db, "select count(*) from cl_schema_history");
      schemaLogRows = count(db, "select count(*) from act_ge_schema_log");
      definitions = count(db, "select count(*) from act_re_procdef");
    }
  }

  /** A timer job as read from the restored tables. */
  private record Timer(String id, String processInstanceId, Date duedate) {}

  // --- PostgreSQL and its client tools ---

  /** Runs a client tool with a bounded wait; its output is kept in files and shown when it fails. */
  private static void run(List<String> command, int seconds) throws IOException, InterruptedException {
    Path out = Files.createTempFile("backup-restore-", ".log");
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
    if (!PASSWORD.isBlank()) {
      builder.environment().put("PGPASSWORD", PASSWORD);
    }
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new IllegalStateException(command.get(0) + " cannot be run (" + e.getMessage()
          + "): install the PostgreSQL client tools or set TEST_PG_BIN to their directory", e);
    }
    try {
      boolean finished = process.waitFor(seconds, TimeUnit.SECONDS);
      String output = Files.readString(out);
      assertThat(finished).as("%s finished within %d s; output so far:%n%s", command.get(0), seconds, output).isTrue();
      assertThat(process.exitValue()).as("exit status of %s; output:%n%s", command, output).isZero();
    } finally {
      if (process.isAlive()) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
      Files.deleteIfExists(out);
    }
  }

  private static String tool(String name) {
    return PG_BIN.isBlank() ? name : Path.of(PG_BIN, name).toString();
  }

  /** A libpq connection URI for the database on the test server; the password, if any, goes by PGPASSWORD. */
  private static String uri(String database) {
    URI server = URI.create(SERVER.substring("jdbc:".length()));
    return "postgresql://" + USER + "@" + server.getHost() + ":" + (server.getPort() < 0 ? 5432 : server.getPort()) + "/" + database;
  }

  private static String jdbcUrl(String database) {
    return SERVER.substring(0, SERVER.lastIndexOf('/') + 1) + database;
  }

  private static Connection admin() throws SQLException {
    return DriverManager.getConnection(SERVER, USER, PASSWORD);
  }

  private static Connection database(String name) throws SQLException {
    return DriverManager.getConnection(jdbcUrl(name), USER, PASSWORD);
  }

  private static Set<String> runningInstances(String database) throws SQLException {
    try (Connection db = database(database)) {
      return strings(db, "select id_ from act_ru_execution where id_ = proc_inst_id_");
    }
  }

  private static Set<String> strings(Connection db, String query) throws SQLException {
    Set<String> values = new LinkedHashSet<>();
    try (Statement sql = db.createStatement(); ResultSet rows = sql.executeQuery(query)) {
      while (rows.next()) {
        values.add(rows.getString(1));
      }
    }
    return values;
  }


}
