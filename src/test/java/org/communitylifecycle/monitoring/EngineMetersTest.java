package org.communitylifecycle.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.communitylifecycle.monitoring.EngineCounters.Kind;
import org.communitylifecycle.monitoring.EngineFigures.Snapshot;
import org.junit.jupiter.api.Test;
import org.communitylifecycle.contributor.RecordContributorActivityContract;
import org.communitylifecycle.milestone.MilestoneContract;
import org.communitylifecycle.lifecycle.LifecycleContract;

/** The meters as Prometheus renders them. */
class EngineMetersTest {

  static final Set<String> KEYS = Set.of(MilestoneContract.PROCESS_KEY, LifecycleContract.PROCESS_KEY);

  /** A registry with the engine meters bound, over fixed figures; the counters are returned for the test to move. */
  static PrometheusMeterRegistry registry(EngineCounters counters) {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Snapshot figures = new Snapshot(2, 3, 1, 7, Map.of(MilestoneContract.PROCESS_KEY, 4L, LifecycleContract.PROCESS_KEY, 1L), 5);
    new EngineMeters(() -> figures, counters).bindTo(registry);
    return registry;
  }

  /** The metric names a scrape shows (without the # HELP and # TYPE lines). */
  static Set<String> names(String scrape) {
    Set<String> names = new TreeSet<>();
    scrape.lines().filter(line -> !line.startsWith("#") && !line.isBlank())
        .forEach(line -> names.add(line.split("[{ ]", 2)[0]));
    return names;
  }

  @Test
  void gaugesShowTheFiguresAndCountersCountPerShippedProcess() {
    EngineCounters counters = new EngineCounters(KEYS);
    PrometheusMeterRegistry registry = registry(counters);
    counters.add(Kind.TASK_CREATED, MilestoneContract.PROCESS_KEY);
    counters.add(Kind.TASK_CREATED, MilestoneContract.PROCESS_KEY);
    counters.add(Kind.INSTANCE_STARTED, "some-test-process");

    String scrape = registry.scrape();

    assertThat(scrape).contains(
        "cl_incidents_open 2.0", "cl_jobs_executable 3.0", "cl_jobs_failed 1.0", "cl_tasks_open 7.0",
        "cl_mail_outbox_pending 5.0",
        "cl_process_instances_running{process=\"milestone\"} 4.0",
        "cl_process_instances_running{process=\"community-lifecycle\"} 1.0",
        "cl_tasks_opened_total{process=\"milestone\"} 2.0",
        "cl_process_instances_started_total{process=\"other\"} 1.0");
    assertThat(names(scrape)).containsExactlyInAnyOrder(
        "cl_incidents_open", "cl_jobs_executable", "cl_jobs_failed", "cl_tasks_open", "cl_mail_outbox_pending",
        "cl_process_instances_running", "cl_tasks_opened_total", "cl_tasks_completed_total",
        "cl_process_instances_started_total", "cl_process_instances_ended_total");
  }

  @Test
  void theRunningGaugeIsTaggedOnlyWithShippedProcessesAndTheShippedSetIsRead() {
    Set<String> shipped = EngineFigures.shippedProcessKeys();

    assertThat(shipped).contains(LifecycleContract.PROCESS_KEY, MilestoneContract.PROCESS_KEY, RecordContributorActivityContract.PROCESS_KEY)
        .allMatch(key -> key.matches("[a-zA-Z0-9-]+"));
  }
}
