package benchmark;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import javax.sql.DataSource;
import java.util.Date;
import java.util.HashSet;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.ConfigurableApplicationContext;
// The job executor is started for the stall burst only; it is on the configuration class alone.
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.TaskQuery;

/**
 * Runs the phases of one side and writes its figures to a properties file (bench/README.md):
 * starts, first pages at N open tasks, completions, verification, rows written, then more open
 * tasks and their first pages. Exits non-zero when an instance did not end as expected.
 */
public final class Driver {

  private final Scenario scenario;
  private final ProcessEngine engine;
  private final DataSource dataSource;
  private final int instances;
  private final int threads;
  private final List<Integer> openLevels;
  private final int samples;
  private final Path out;
  private final Properties figures = new Properties();

  private Driver(Scenario scenario, ProcessEngine engine, DataSource dataSource, int instances, int threads, List<Integer> openLevels,
      int samples, Path out) {
    this.scenario = scenario;
    this.engine = engine;
    this.dataSource = dataSource;
    this.instances = instances;
    this.threads = threads;
    this.openLevels = openLevels;
    this.samples = samples;
    this.out = out;
  }

  /** Reads bench.n, bench.threads, bench.open, bench.samples, bench.stalls, bench.out from the system properties and runs. */
  /**
   * Runs the benchmark in a started application with the scenario its engine gives, closes the
   * application and ends the JVM: status 0 when every phase passed, 1 otherwise.
   */
  public static void runAndExit(ConfigurableApplicationContext context,
      BiFunction<ProcessEngine, ConfigurableApplicationContext, Scenario> scenario) {
    int status = 0;
    try {
      ProcessEngine engine = context.getBean(ProcessEngine.class);
      run(scenario.apply(engine, context), engine, context.getBean(DataSource.class));
    } catch (Throwable e) {
      e.printStackTrace();
      status = 1;
    } finally {
      context.close();
    }
    System.exit(status);
  }

  public static void run(Scenario scenario, ProcessEngine engine, DataSource dataSource) throws Exception {
    int n = Integer.getInteger("bench.n", 2000);
    int threads = Integer.getInteger("bench.threads", 4);
    List<Integer> open = Arrays.stream(System.getProperty("bench.open", "2000,20000").split(","))
        .map(String::trim).filter(s -> !s.isEmpty()).map(Integer::valueOf).sorted().toList();
    int samples = Integer.getInteger("bench.samples", 100);
    Path out = Path.of(System.getProperty("bench.out", "bench-figures.properties"));
    new Driver(scenario, engine, dataSource, n, threads, open, samples, out).run();
  }

  private void run() throws Exception {
    // The side's own job executor, as its settings made it; off for the throughput phases, on for the stall burst.
    JobExecutor jobExecutor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
    if (jobExecutor.isActive()) {
      jobExecutor.shutdown();
    }
    put("job.executor", describe(jobExecutor));
    put("n", instances);
    put("threads", threads);
    scenario.describe().forEach((k, v) -> figures.setProperty("engine." + k, v));
    scenario.prepare();
    String run = Long.toString(System.currentTimeMillis(), 36);
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < instances; i++) {
      keys.add("bench-" + run + "-" + i);
    }

    Rows before = rows();
    log("starting %d instances with %d threads", instances, threads);
    double startSeconds = parallel(instances, i -> scenario.start(keys.get(i), i));
    put("starts.per.s", instances / startSeconds);
    log("%.1f starts/s", instances / startSeconds);

    long open = scenario.openTasks();
    if (open != instances) {
      fail("after " + instances + " starts " + open + " tasks are open, expected " + instances);
    }
    firstPages(open);

    log("completing the tasks of %d instances with %d threads", instances, threads);
    AtomicLong completed = new AtomicLong();
    double completeSeconds = parallel(instances, i -> completed.addAndGet(scenario.complete(keys.get(i))));
    put("completions.per.s", completed.get() / completeSeconds);
    put("completions", completed.get());
    log("%d completions, %.1f/s", completed.get(), completed.get() / completeSeconds);

    long ended = scenario.endedAsExpected(keys);
    put("ended.as.expected", ended);
    if (ended != instances) {
      fail(ended + " of " + instances + " instances ended as expected");
    }
    long left = scenario.openTasks();
    if (left != 0) {
      fail(left + " tasks still open after all completions");
    }
    Rows after = rows();
    put("rows.written.per.instance", (double) after.written(before) / instances);
    put("rows.inserted.per.instance", (double) (after.inserted - before.inserted) / instances);
    put("rows.updated.per.instance", (double) (after.updated - before.updated) / instances);
    put("rows.deleted.per.instance", (double) (after.deleted - before.deleted) / instances);
    put("rows.kept.per.instance", (double) (after.kept - before.kept) / instances);
    figures.setProperty("rows.written.by.table", after.byTable(before, instances));
    log("rows per instance: %.1f written, %.1f kept", (double) after.written(before) / instances,
        (double) (after.kept - before.kept) / instances);

    int more = 0;
    for (int level : openLevels) {
      if (level <= instances) {
        continue; // timed after the starts
      }
      int missing = level - (int) scenario.openTasks();
      if (missing <= 0) {
        continue;
      }
      int offset = instances + more;
      log("starting %d more instances for %d open tasks", missing, level);
      double seconds = parallel(missing, i -> scenario.start("bench-" + run + "-open-" + (offset + i), offset + i));
      more += missing;
      put("fill.starts.per.s." + level, missing / seconds);
      firstPages(scenario.openTasks());
    }
    int stalls = Integer.getInteger("bench.stalls", instances);
    if (stalls > 0) {
      stallBurst(run, stalls);
    }
    put("rss.peak.mb", peakRssMb());
    write();
    log("done: %s", out);
  }

  /**
   * The stall burst: starts {@code count} instances whose stall timers are not due, makes them all due
   * at once, starts the side's job executor (with its Spring Boot settings; bare: the starter's
   * defaults, 3 to 10 threads, a queue of 3, 3 jobs per acquisition) and waits until every instance
   * has its follow-up task.
   */
  private void stallBurst(String run, int count) throws Exception {
    log("stall burst: starting %d instances", count);
    String prefix = "bench-" + run + "-stall-";
    parallel(count, i -> scenario.startStalling(prefix + i, i));
    RuntimeService runtime = engine.getRuntimeService();
    Set<String> ids = new HashSet<>();
    runtime.createProcessInstanceQuery().processDefinitionKey(scenario.stallProcessKey())
        .processInstanceBusinessKeyLike(prefix + "%").list().forEach(p -> ids.add(p.getId()));
    List<String> jobs = engine.getManagementService().createJobQuery().timers().activityId(scenario.stallTimer())
        .processDefinitionKey(scenario.stallProcessKey()).list().stream()
        .filter(j -> ids.contains(j.getProcessInstanceId())).map(Job::getId).toList();
    if (ids.size() != count || jobs.size() != count) {
      fail("stall burst: " + ids.size() + " instances with " + jobs.size() + " stall timers, expected " + count);
    }
    Date due = new Date(System.currentTimeMillis() - 1000);
    parallel(count, i -> engine.getManagementService().setJobDuedate(jobs.get(i), due));
    TaskQuery followUps = engine.getTaskService().createTaskQuery().processDefinitionKey(scenario.stallProcessKey())
        .taskDefinitionKey(scenario.followUpTask());
    long before = followUps.count();
    JobExecutor jobExecutor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
    long t = System.nanoTime();
    jobExecutor.start();
    long deadline = t + TimeUnit.MINUTES.toNanos(15);
    long made;
    while ((made = followUps.count() - before) < count) {
      if (System.nanoTime() > deadline) {
        fail("stall burst: " + made + " of " + count + " follow-up tasks after 15 minutes");
      }
      // Every 250 ms: the count reads every open task, and asked every 100 ms it took a fifth of a core
      // away from the jobs it waits for.
      Thread.sleep(250);
    }
    double seconds = (System.nanoTime() - t) / 1e9;
    jobExecutor.shutdown();
    if (made != count) {
      fail("stall burst: " + made + " follow-up tasks for " + count + " stalls");
    }
    put("stall.count", count);
    put("stall.seconds", seconds);
    put("stall.per.s", count / seconds);
    log("stall burst: %d follow-up tasks in %.1f s (%.1f/s)", count, seconds, count / seconds);
  }

  private static String describe(JobExecutor jobExecutor) {
    String pool = "";
    if (jobExecutor instanceof org.camunda.bpm.engine.spring.components.jobexecutor.SpringJobExecutor spring
        && spring.getTaskExecutor() instanceof org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor threads) {
      pool = String.format("%d to %d threads, queue %d, ", threads.getCorePoolSize(), threads.getMaxPoolSize(),
          threads.getQueueCapacity());
    }
    return String.format("%s%d jobs per acquisition, lock %d s, wait %d ms (max %d ms), backoff %d ms (max %d ms)", pool,
        jobExecutor.getMaxJobsPerAcquisition(), jobExecutor.getLockTimeInMillis() / 1000, jobExecutor.getWaitTimeInMillis(),
        jobExecutor.getMaxWait(), jobExecutor.getBackoffTimeInMillis(), jobExecutor.getMaxBackoff());
  }

  private void firstPages(long open) throws SQLException {
    // Fresh tables have no statistics until autovacuum gets to them, and the planner's plans for
    // "empty" tables made the bare first page at 2,000 open tasks take 0.6-0.8 s: analyze first, as
    // autovacuum would have done on a server that has been running.
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      s.execute("analyze");
    }
    for (Map.Entry<String, Supplier<Integer>> page : scenario.firstPages().entrySet()) {
      for (int i = 0; i < Math.max(2, samples / 10); i++) {
        page.getValue().get(); // warm-up
      }
      long[] nanos = new long[samples];
      int size = 0;
      for (int i = 0; i < samples; i++) {
        long t = System.nanoTime();
        size = page.getValue().get();
        nanos[i] = System.nanoTime() - t;
      }
      if (size != Math.min(20, open)) {
        fail("the first page '" + page.getKey() + "' at " + open + " open tasks has " + size + " tasks, expected "
            + Math.min(20, open));
      }
      Arrays.sort(nanos);
      String key = "page." + page.getKey() + "." + open;
      put(key + ".p50.ms", nanos[(int) Math.ceil(samples * 0.50) - 1] / 1e6);
      put(key + ".p95.ms", nanos[(int) Math.ceil(samples * 0.95) - 1] / 1e6);
      log("first page '%s' at %d open: p50 %.1f ms, p95 %.1f ms", page.getKey(), open,
          nanos[(int) Math.ceil(samples * 0.50) - 1] / 1e6, nanos[(int) Math.ceil(samples * 0.95) - 1] / 1e6);
    }
  }

  /** Runs the indices 0..count-1 on the threads; the wall time in seconds. Any failure fails the run. */
  private double parallel(int count, IntConsumer work) throws InterruptedException {
    AtomicInteger next = new AtomicInteger();
    ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long t = System.nanoTime();
    for (int w = 0; w < threads; w++) {
      pool.execute(() -> {
        int i;
        while ((i = next.getAndIncrement()) < count && errors.isEmpty()) {
          try {
            work.accept(i);
          } catch (Throwable e) {
            errors.add(e);
          }
        }
      });
    }
    pool.shutdown();
    pool.awaitTermination(1, TimeUnit.DAYS);
    double seconds = (System.nanoTime() - t) / 1e9;
    if (!errors.isEmpty()) {
      Throwable first = errors.peek();
      first.printStackTrace();
      fail(errors.size() + " failed: " + first);
    }
    return seconds;
  }

  /** The rows of the engine's (act_) and the app's (cl_) tables: written (pg_stat) and kept (count). */
  private Rows rows() throws SQLException, InterruptedException {
    // PostgreSQL counts a backend's writes into pg_stat_user_tables when the backend ends (or idles a while):
    // closing the pool's connections makes the counts exact.
    dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean().softEvictConnections();
    Thread.sleep(2000);
    Rows rows = new Rows();
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet r = s.executeQuery("select relname, n_tup_ins, n_tup_upd, n_tup_del from pg_stat_user_tables "
          + "where relname like 'act\\_%' or relname like 'cl\\_%' order by relname")) {
        while (r.next()) {
          String table = r.getString(1);
          tables.add(table);
          long written = r.getLong(2) + r.getLong(3) + r.getLong(4);
          rows.inserted += r.getLong(2);
          rows.updated += r.getLong(3);
          rows.deleted += r.getLong(4);
          rows.byTable.put(table, written);
        }
      }
      for (String table : tables) {
        try (ResultSet r = s.executeQuery("select count(*) from " + table)) {
          r.next();
          rows.kept += r.getLong(1);
        }
      }
    }
    return rows;
  }

  private static final class Rows {
    long inserted;
    long updated;
    long deleted;
    long kept;
    final Map<String, Long> byTable = new TreeMap<>();

    long written(Rows before) {
      return inserted + updated + deleted - before.inserted - before.updated - before.deleted;
    }

    String byTable(Rows before, int instances) {
      StringBuilder text = new StringBuilder();
      byTable.entrySet().stream()
          .map(e -> Map.entry(e.getKey(), e.getValue() - before.byTable.getOrDefault(e.getKey(), 0L)))
          .filter(e -> e.getValue() > 0)
          .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
          .forEach(e -> text.append(text.length() == 0 ? "" : ", ").append(e.getKey()).append(' ')
              .append(String.format("%.1f", (double) e.getValue() / instances)));
      return text.toString();
    }
  }

  private static long peakRssMb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux: no figure
    }
    return -1;
  }

  /** Records a figure, and writes the file at once, so that a run stopped midway keeps what it measured. */
  private void put(String key, Object value) {
    figures.setProperty(key, value instanceof Double d ? String.format(java.util.Locale.ROOT, "%.2f", d) : String.valueOf(value));
    try {
      write();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private void write() throws IOException {
    try (Writer writer = Files.newBufferedWriter(out)) {
      figures.store(writer, "bench figures of " + out.getFileName());
    }
  }

  private void fail(String why) {
    put("failed", why);
    try {
      write();
    } catch (IOException e) {
      e.printStackTrace();
    }
    throw new IllegalStateException("BENCHMARK FAILED: " + why);
  }

  private static void log(String format, Object... args) {
    System.out.printf("[bench] " + format + "%n", args);
  }
}
