package org.communitylifecycle.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.communitylifecycle.CommunityLifecycleApplication;
import org.communitylifecycle.engine.ClientErrors;
import org.communitylifecycle.testsupport.ThrowawayPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.communitylifecycle.milestone.MilestoneContract;

/**
 * PostgreSQL restarted under load (a fast shutdown, as an operator's restart or a failover does): a few
 * clients complete Deliver tasks through /engine-rest while the database is stopped for a while and
 * started again. No request is answered 500; every completion acknowledged with 204 is in history; a
 * request during the outage is answered 503 with a message within the pool's connection-timeout;
 * /actuator/health and readiness go DOWN within seconds while liveness stays UP; the app recovers
 * without a restart, its job executor included; a retry of a completion answered 503 is 204, 404 or
 * 409. Prints the figures (the README's "PostgreSQL outage").
 *
 * <p>On a PostgreSQL cluster of its own ({@link ThrowawayPostgres}), whatever database the rest of the
 * suite uses, and in a JVM of its own (pom.xml, execution postgres-restart): a second application
 * context in the shared JVM would change the engine the other tests' webapps find.
 */
class PostgresRestartIT {

  static final String OWN_JVM = "community-lifecycle.own-jvm";
  static final int CLIENTS = 4;
  static final int TASKS = 160;
  static final Duration PACE = Duration.ofMillis(250);
  static final Duration OUTAGE = Duration.ofSeconds(12);
  /** spring.datasource.hikari.connection-timeout of application-postgres.yaml. */
  static final Duration POOL_TIMEOUT = Duration.ofSeconds(3);

  private static ThrowawayPostgres cluster;
  private static ConfigurableApplicationContext app;
  private static String base;
  private static final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
  private static final ObjectMapper json = new ObjectMapper();

  /** One answer to one request. */
  record Answer(String taskId, int status, String type, String message, String retryAfter, long sentNanos, long receivedNanos) {
    long millis() {
      return TimeUnit.NANOSECONDS.toMillis(receivedNanos - sentNanos);
    }
  }

  @BeforeAll
  static void clusterAndApplication() throws Exception {
    Assumptions.assumeTrue("postgres-restart".equals(System.getProperty(OWN_JVM)),
        "runs in its own JVM: failsafe execution postgres-restart of pom.xml");
    long begin = System.nanoTime();
    cluster = ThrowawayPostgres.start();
    long clusterUp = System.nanoTime();
    // The production profile, not the demo's sample data; alice is created below.
    app = new SpringApplicationBuilder(CommunityLifecycleApplication.class)
        .profiles("postgres")
        .run(
            "--server.port=0",
            "--server.address=127.0.0.1",
            "--spring.datasource.url=" + cluster.jdbcUrl(),
            "--spring.datasource.username=postgres",
            "--spring.datasource.password=throwaway-cluster-only",
            "--community-lifecycle.identity.admin-password=throwaway-admin-only",
            "--community-lifecycle.alumni.form-token-secret=throwaway-form-token-secret-only",
            "--camunda.bpm.job-execution.enabled=true",
            // The job executor looks for due jobs at least every 2 s, so that the one this test makes due runs soon.
            "--camunda.bpm.job-execution.max-wait=2000",
            "--camunda.bpm.job-execution.wait-time-in-millis=1000",
            "--community-lifecycle.mail.poll-interval=PT1H",
            "--community-lifecycle.models.live-redeploy=false",
            "--spring.jmx.enabled=false");
    base = "http://127.0.0.1:" + ((WebServerApplicationContext) app).getWebServer().getPort();
    IdentityService identity = app.getBean(ProcessEngine.class).getIdentityService();
    User alice = identity.newUser("alice");
    alice.setPassword("demo");
    identity.saveUser(alice);
    System.out.printf("PostgresRestartIT: cluster up in %d ms, application in %d ms%n",
        ms(clusterUp - begin), ms(System.nanoTime() - clusterUp));
  }

  @AfterAll
  static void stopAll() throws Exception {
    try {
      if (cluster != null && !cluster.isRunning()) {
        cluster.startServer();
      }
      if (app != null) {
        app.close();
      }
    } finally {
      if (cluster != null) {
        cluster.close();
      }
    }
  }

  @Test
  @Timeout(value = 4, unit = TimeUnit.MINUTES)
  void completionsSurviveARestartOfPostgresql() throws Exception {
    ProcessEngine engine = app.getBean(ProcessEngine.class);
    long preparing = System.nanoTime();
    List<String> tasks = deliverTasks(engine, TASKS);
    System.out.printf("PostgresRestartIT: %d Deliver tasks made in %d ms%n", TASKS, ms(System.nanoTime() - preparing));
    ConcurrentLinkedQueue<String> open = new ConcurrentLinkedQueue<>(tasks);
    List<Answer> answers = Collections.synchronizedList(new ArrayList<>());
    List<Answer> health = Collections.synchronizedList(new ArrayList<>());
    List<Answer> liveness = Collections.synchronizedList(new ArrayList<>());
    List<Answer> readiness = Collections.synchronizedList(new ArrayList<>());
    AtomicBoolean stop = new AtomicBoolean();
    ExecutorService threads = Executors.newFixedThreadPool(CLIENTS + 3);
    long t0 = System.nanoTime();
    long stopped;
    long restarted;
    long firstAckAfterRestart = -1;
    try {
      for (int i = 0; i < CLIENTS; i++) {
        threads.submit(() -> {
          String task;
          while (!stop.get() && (task = open.poll()) != null) {
            Answer answer = complete(task);
            answers.add(answer);
            // At most one request every PACE per client: the tasks made beforehand last through the outage.
            pause(PACE.toMillis() - TimeUnit.NANOSECONDS.toMillis(answer.receivedNanos() - answer.sentNanos()));
          }
        });
      }
      for (Map.Entry<String, List<Answer>> probe : Map.of("/actuator/health", health,
          "/actuator/health/liveness", liveness, "/actuator/health/readiness", readiness).entrySet()) {
        threads.submit(() -> {
          while (!stop.get()) {
            probe.getValue().add(get(probe.getKey(), null));
            pause(200);
          }
        });
      }
      awaitUntil(Duration.ofSeconds(20), () -> count(answers, 204) >= 20);
      assertThat(count(answers, 204)).as("completions before the outage: %s", summary(answers)).isGreaterThanOrEqualTo(20);

      long stopping = System.nanoTime();
      cluster.stopServer();
      stopped = System.nanoTime();
      System.out.printf("PostgresRestartIT: pg_ctl stop -m fast took %d ms%n", ms(stopped - stopping));
      pause(OUTAGE.toMillis());
      long starting = System.nanoTime();
      cluster.startServer();
      restarted = System.nanoTime();
      System.out.printf("PostgresRestartIT: pg_ctl start took %d ms%n", ms(restarted - starting));

      long deadline = restarted + TimeUnit.SECONDS.toNanos(30);
      while (System.nanoTime() < deadline && firstAckAfterRestart < 0) {
        firstAckAfterRestart = answers.stream().filter(a -> a.status() == 204 && a.receivedNanos() > restarted)
            .mapToLong(Answer::receivedNanos).min().orElse(-1);
        pause(100);
      }
      pause(2000);
    } finally {
      stop.set(true);
      threads.shutdown();
      if (!threads.awaitTermination(30, TimeUnit.SECONDS)) {
        threads.shutdownNow();
      }
    }
    assertThat(open).as("the clients had tasks left to the end").isNotEmpty();

    // What the database holds, before any retry.
    Set<String> completed = completedInHistory(engine, tasks);
    List<Answer> acknowledged = answers.stream().filter(a -> a.status() == 204).toList();
    List<String> lost = acknowledged.stream().map(Answer::taskId).filter(id -> !completed.contains(id)).toList();
    List<Answer> unavailable = answers.stream().filter(a -> a.status() == 503).toList();
    List<Answer> saidNothingWritten = unavailable.stream().filter(a -> ClientErrors.UNAVAILABLE.equals(a.type())).toList();
    List<Answer> unknown = unavailable.stream().filter(a -> ClientErrors.OUTCOME_UNKNOWN.equals(a.type())).toList();
    List<String> writtenAfterAll = saidNothingWritten.stream().map(Answer::taskId).filter(completed::contains).toList();
    long unknownButSaved = unknown.stream().map(Answer::taskId).filter(completed::contains).count();

    // Retry what was answered otherwise than 204, as a client would.
    List<Answer> retries = answers.stream().filter(a -> a.status() != 204).map(a -> complete(a.taskId())).toList();
    // And a completion already acknowledged, as a client that did not get the answer would.
    List<Answer> repeats = acknowledged.stream().limit(5).map(a -> complete(a.taskId())).toList();

    long healthDown = firstAfter(health, stopped, 503);
    long readinessDown = firstAfter(readiness, stopped, 503);
    long healthUp = firstAfter(health, restarted, 200);
    long maxWait503 = unavailable.stream().mapToLong(Answer::millis).max().orElse(0);
    String jobRun = dueJobRuns(engine);

    System.out.println("PostgresRestartIT figures (" + CLIENTS + " clients, PostgreSQL stopped for "
        + OUTAGE.toSeconds() + " s, fast shutdown):\n"
        + "  requests answered: " + answers.size() + " by status " + byStatus(answers) + "\n"
        + "  acknowledged (204): " + acknowledged.size() + ", kept in history: " + (acknowledged.size() - lost.size()) + "\n"
        + "  503 " + ClientErrors.UNAVAILABLE + " (nothing written): " + saidNothingWritten.size()
        + ", of them found written after all: " + writtenAfterAll.size() + "\n"
        + "  503 " + ClientErrors.OUTCOME_UNKNOWN + " (may or may not be saved): " + unknown.size()
        + ", of them saved: " + unknownButSaved + "\n"
        + "  longest wait for a 503: " + maxWait503 + " ms (pool connection-timeout " + POOL_TIMEOUT.toMillis() + " ms)\n"
        + "  /actuator/health DOWN (503) " + msOrNever(healthDown, stopped) + " after the stop; readiness DOWN "
        + msOrNever(readinessDown, stopped) + "; liveness answers " + byStatus(liveness) + "\n"
        + "  recovery: first 204 " + msOrNever(firstAckAfterRestart, restarted) + " after the database was back; health UP "
        + msOrNever(healthUp, restarted) + " after\n"
        + "  retries of the answers other than 204: " + byStatus(retries) + "; repeats of 204s: " + byStatus(repeats) + "\n"
        + "  job executor after the restart: " + jobRun);

    assertThat(answers).as("no answer is a 5xx other than 503, nor missing: %s", summary(answers))
        .allMatch(a -> a.status() > 0 && (a.status() < 500 || a.status() == 503));
    assertThat(unavailable).as("the outage was met").isNotEmpty();
    assertThat(lost).as("every completion acknowledged with 204 is in history").isEmpty();
    assertThat(writtenAfterAll).as("a 503 that says nothing was written wrote nothing").isEmpty();
    assertThat(unavailable).as("every 503 says what happened and when to come back").allSatisfy(a -> {
      assertThat(a.type()).isIn(ClientErrors.UNAVAILABLE, ClientErrors.OUTCOME_UNKNOWN);
      assertThat(a.message()).isNotBlank();
      assertThat(a.retryAfter()).isEqualTo(Integer.toString(ClientErrors.RETRY_AFTER_SECONDS));
    });
    assertThat(maxWait503).as("a request during the outage is answered within the pool's wait, and a little")
        .isLessThan(POOL_TIMEOUT.toMillis() + 4000);
    assertThat(healthDown).as("/actuator/health answered DOWN during the outage").isPositive();
    assertThat(ms(healthDown - stopped)).as("health DOWN within a few seconds of the stop").isLessThan(8000);
    assertThat(readinessDown).as("readiness answered DOWN during the outage").isPositive();
    assertThat(liveness).as("liveness stays UP: no reason to restart the JVM").allMatch(a -> a.status() == 200);
    assertThat(firstAckAfterRestart).as("completions succeed again after the restart, without restarting the app").isPositive();
    assertThat(ms(firstAckAfterRestart - restarted)).as("recovery time").isLessThan(20_000);
    assertThat(healthUp).as("health UP again").isPositive();
    assertThat(retries).as("a retry is 204, 404 or 409, never 500: %s", summary(retries))
        .allMatch(a -> a.status() == 204 || a.status() == 404 || a.status() == 409);
    assertThat(repeats).as("a completion of a task already completed is 404 or 409: %s", summary(repeats))
        .isNotEmpty().allMatch(a -> a.status() == 404 || a.status() == 409);
    assertThat(jobRun).as("the job executor goes on after the outage").startsWith("ran");
  }

  /** Starts milestones whose Deliver task is alice's; their task ids. */
  private static List<String> deliverTasks(ProcessEngine engine, int count) {
    for (int i = 0; i < count; i++) {
      Map<String, Object> inputs = new HashMap<>();
      inputs.put("milestoneKey", "restart-probe");
      inputs.put("milestoneName", "Restart probe " + i);
      inputs.put("deliverable", "A probe");
      inputs.put("responsibleUser", "alice");
      inputs.put("responsibleGroup", "activators");
      inputs.put("supportUser", "bob");
      inputs.put("supportGroup", "cbt-liaisons");
      engine.getRuntimeService().startProcessInstanceByKey(MilestoneContract.PROCESS_KEY, "restart-probe-" + i, inputs);
    }
    List<String> ids = engine.getTaskService().createTaskQuery().processDefinitionKey(MilestoneContract.PROCESS_KEY)
        .processInstanceBusinessKeyLike("restart-probe-%").taskDefinitionKey("Task_DeliverMilestone").taskAssignee("alice")
        .list().stream().map(t -> t.getId()).toList();
    assertThat(ids).hasSize(count);
    return ids;
  }

  private static Set<String> completedInHistory(ProcessEngine engine, List<String> tasks) {
    Set<String> ours = new HashSet<>(tasks);
    return engine.getHistoryService().createHistoricTaskInstanceQuery().processDefinitionKey(MilestoneContract.PROCESS_KEY)
        .taskDefinitionKey("Task_DeliverMilestone").finished().taskDeleteReason("completed").list().stream()
        .map(HistoricTaskInstance::getId).filter(ours::contains).collect(Collectors.toSet());
  }

  /** Makes one timer of the probes due and waits (bounded) until the job executor has run it. */
  private static String dueJobRuns(ProcessEngine engine) {
    var executor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
    if (executor == null || !executor.isActive()) {
      return "not active";
    }
    String instance = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(MilestoneContract.PROCESS_KEY)
        .processInstanceBusinessKey("restart-probe-" + (TASKS - 1)).singleResult().getId();
    Job timer = engine.getManagementService().createJobQuery().timers().processInstanceId(instance).list().stream()
        .findFirst().orElse(null);
    if (timer == null) {
      return "no timer to run";
    }
    long started = System.nanoTime();
    engine.getManagementService().setJobDuedate(timer.getId(), new Date(System.currentTimeMillis() - 1000));
    long deadline = started + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      Job job = engine.getManagementService().createJobQuery().jobId(timer.getId()).singleResult();
      if (job == null) {
        return "ran a timer made due " + ms(System.nanoTime() - started) + " ms before";
      }
      if (job.getExceptionMessage() != null) {
        return "failed: " + job.getExceptionMessage();
      }
      pause(200);
    }
    return "did not run a due timer within 30 s";
  }

  private static Answer complete(String taskId) {
    String body = "{\"variables\": {\"deliverableUrl\": {\"value\": \"https://wiki.example.org/restart\"},"
        + " \"deliverableSummary\": {\"value\": \"Delivered while PostgreSQL restarts\"}}}";
    return send(taskId, HttpRequest.newBuilder(URI.create(base + "/engine-rest/task/" + taskId + "/complete"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("alice:demo".getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private static Answer get(String path, String taskId) {
    return send(taskId, HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  private static Answer send(String taskId, HttpRequest.Builder request) {
    long sent = System.nanoTime();
    try {
      HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(20)).build(),
          HttpResponse.BodyHandlers.ofString());
      String type = null;
      String message = null;
      if (response.statusCode() >= 400 && response.body() != null && response.body().startsWith("{")) {
        Map<?, ?> error = json.readValue(response.body(), Map.class);
        type = error.get("type") == null ? null : error.get("type").toString();
        message = error.get("message") == null ? null : error.get("message").toString();
      }
      return new Answer(taskId, response.statusCode(), type, message,
          response.headers().firstValue("Retry-After").orElse(null), sent, System.nanoTime());
    } catch (IOException e) {
      return new Answer(taskId, -1, e.getClass().getSimpleName(), e.getMessage(), null, sent, System.nanoTime());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Answer(taskId, -1, "interrupted", null, null, sent, System.nanoTime());
    }
  }

  private static long firstAfter(List<Answer> answers, long after, int status) {
    synchronized (answers) {
      return answers.stream().filter(a -> a.status() == status && a.receivedNanos() > after)
          .mapToLong(Answer::receivedNanos).min().orElse(-1);
    }
  }

  private static Map<Integer, Long> byStatus(List<Answer> answers) {
    synchronized (answers) {
      return answers.stream().collect(Collectors.groupingBy(Answer::status, TreeMap::new, Collectors.counting()));
    }
  }

  private static String summary(List<Answer> answers) {
    synchronized (answers) {
      return byStatus(answers) + " " + answers.stream().filter(a -> a.status() != 204 && a.status() != 503).limit(5)
          .map(a -> a.status() + " " + a.type() + ": " + a.message()).toList();
    }
  }

  private static long count(List<Answer> answers, int status) {
    synchronized (answers) {
      return answers.stream().filter(a -> a.status() == status).count();
    }
  }

  private static String msOrNever(long at, long since) {
    return at < 0 ? "never" : ms(at - since) + " ms";
  }

  private static long ms(long nanos) {
    return TimeUnit.NANOSECONDS.toMillis(nanos);
  }

  private static void awaitUntil(Duration limit, java.util.function.BooleanSupplier condition) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < deadline && !condition.getAsBoolean()) {
      pause(100);
    }
  }

  private static void pause(long millis) {
    if (millis <= 0) {
      return;
    }
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
