package org.communitylifecycle.monitoring;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import org.communitylifecycle.monitoring.EngineCounters.Kind;
import org.communitylifecycle.monitoring.EngineFigures.Snapshot;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The engine's figures as meters. Prometheus names (docs/monitoring/grafana-dashboard.json uses them):
 * {@code cl_incidents_open}, {@code cl_jobs_executable}, {@code cl_jobs_failed},
 * {@code cl_tasks_open}, {@code cl_process_instances_running{process}}, {@code cl_mail_outbox_pending},
 * {@code cl_tasks_opened_total{process}}, {@code cl_tasks_completed_total{process}},
 * {@code cl_process_instances_started_total{process}}, {@code cl_process_instances_ended_total{process}}.
 */
@Component
class EngineMeters implements MeterBinder {

  static final String PROCESS_TAG = "process";

  private final Supplier<Snapshot> figures;
  private final EngineCounters counters;

  @Autowired
  EngineMeters(EngineFigures figures, EngineCounters counters) {
    this(figures::current, counters);
  }

  EngineMeters(Supplier<Snapshot> figures, EngineCounters counters) {
    this.figures = figures;
    this.counters = counters;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    gauge(registry, "cl.incidents.open", "Open incidents", Snapshot::openIncidents);
    gauge(registry, "cl.jobs.executable", "Jobs due and with retries left", Snapshot::executableJobs);
    gauge(registry, "cl.jobs.failed", "Jobs with no retries left (each has an incident)", Snapshot::failedJobs);
    gauge(registry, "cl.tasks.open", "Open user tasks", Snapshot::openTasks);
    gauge(registry, "cl.mail.outbox.pending", "Mails queued, neither sent nor given up on", Snapshot::mailOutboxPending);
    for (String key : counters.tags(Kind.TASK_CREATED)) {
      if (!EngineCounters.OTHER.equals(key)) {
        Gauge.builder("cl.process.instances.running", figures,
                f -> f.get().runningInstances().getOrDefault(key, 0L))
            .description("Running process instances of a shipped process (called ones included)")
            .tag(PROCESS_TAG, key).strongReference(true).register(registry);
      }
    }
    counter(registry, Kind.TASK_CREATED, "cl.tasks.opened", "User tasks created (opened) since the application started");
    counter(registry, Kind.TASK_COMPLETED, "cl.tasks.completed", "User tasks completed since the application started");
    counter(registry, Kind.INSTANCE_STARTED, "cl.process.instances.started",
        "Process instances started since the application started");
    counter(registry, Kind.INSTANCE_ENDED, "cl.process.instances.ended",
        "Process instances ended (completed or cancelled) since the application started");
  }

  private void gauge(MeterRegistry registry, String name, String description, ToDoubleFunction<Snapshot> figure) {
    Gauge.builder(name, figures, f -> figure.applyAsDouble(f.get()))
        .description(description).strongReference(true).register(registry);
  }

  private void counter(MeterRegistry registry, Kind kind, String name, String description) {
    for (String key : counters.tags(kind)) {
      FunctionCounter.builder(name, counters, c -> c.count(kind, key))
          .description(description).tag(PROCESS_TAG, key).register(registry);
    }
  }
}
