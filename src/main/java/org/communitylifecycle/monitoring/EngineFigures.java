package org.communitylifecycle.monitoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The engine's figures that the gauges show, read with count queries only, and at most once per
 * {@link #MAX_AGE} however often Prometheus scrapes: every gauge of one scrape reads the same
 * snapshot. Runs without an authenticated user, so the counts cover the whole engine.
 */
@Component
class EngineFigures {

  static final Duration MAX_AGE = Duration.ofSeconds(5);

  /** One reading of every figure. */
  record Snapshot(long openIncidents, long executableJobs, long failedJobs, long openTasks,
      Map<String, Long> runningInstances, long mailOutboxPending) {}

  private static final Pattern PROCESS = Pattern.compile("<(?:\\w+:)?process\\b[^>]*?\\sid=\"([^\"]+)\"");

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ManagementService management;
  private final JdbcClient jdbc;
  private final Set<String> processKeys;
  private final LongSupplier nanoClock;

  private Snapshot snapshot;
  private long readAt;

  @Autowired
  EngineFigures(RuntimeService runtime, TaskService tasks, ManagementService management, JdbcClient jdbc) {
    this(runtime, tasks, management, jdbc, shippedProcessKeys(), System::nanoTime);
  }

  EngineFigures(RuntimeService runtime, TaskService tasks, ManagementService management, JdbcClient jdbc,
      Set<String> processKeys, LongSupplier nanoClock) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.management = management;
    this.jdbc = jdbc;
    this.processKeys = Set.copyOf(processKeys);
    this.nanoClock = nanoClock;
  }

  /** The keys the running-instances gauge is tagged with: the processes of processes/*.bpmn, a bounded set. */
  Set<String> processKeys() {
    return new TreeSet<>(processKeys);
  }

  /** The figures, read again when the last reading is older than {@link #MAX_AGE}. */
  synchronized Snapshot current() {
    long now = nanoClock.getAsLong();
    if (snapshot == null || now - readAt >= MAX_AGE.toNanos()) {
      snapshot = read();
      readAt = now;
    }
    return snapshot;
  }

  private Snapshot read() {
    Map<String, Long> running = new TreeMap<>();
    for (String key : processKeys) {
      // ACT_RU_EXECUTION is indexed by process definition; the query joins ACT_RE_PROCDEF on the key.
      running.put(key, runtime.createProcessInstanceQuery().processDefinitionKey(key).count());
    }
    return new Snapshot(
        runtime.createIncidentQuery().count(),
        management.createJobQuery().executable().count(),
        management.createJobQuery().noRetriesLeft().count(),
        tasks.createTaskQuery().count(),
        running,
        // The sender's own index (sent_at, failed_at, next_attempt_at) serves this count.
        jdbc.sql("select count(*) from cl_mail_outbox where sent_at is null and failed_at is null")
            .query(Long.class).single());
  }

  static Set<String> shippedProcessKeys() {
    Set<String> keys = new TreeSet<>();
    try {
      for (Resource bpmn : new PathMatchingResourcePatternResolver().getResources("classpath*:processes/*.bpmn")) {
        Matcher m = PROCESS.matcher(bpmn.getContentAsString(StandardCharsets.UTF_8));
        while (m.find()) {
          keys.add(m.group(1));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return keys;
  }
}
