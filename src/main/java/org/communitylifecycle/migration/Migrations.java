package org.communitylifecycle.migration;

import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.MIGRATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.communitylifecycle.engine.AppClock;
import org.communitylifecycle.identity.ApiCaller;
import org.communitylifecycle.migration.MigrationReport.Line;
import org.communitylifecycle.migration.MigrationReport.Outcome;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Plans, starts and reports migrations, for the Tasklist process and {@code /api/migrations}
 * alike. Only a caller with MIGRATE_INSTANCE on every process the plan touches may plan or start
 * (process-designers and camunda-admin have it); starting then runs as that caller, so the engine
 * checks it again and its operation log names them.
 *
 * <p>A start plans again and moves what can move at that moment: one engine batch per source
 * version, created callers first. Each instance moves in a transaction of its own; one that fails
 * leaves the others alone. The request and each instance's fate are recorded in cl_migration.
 */
@Component
public class Migrations {

  private static final int IDS_PER_QUERY = 500;

  private final MigrationPlanner planner;
  private final MigrationStore store;
  private final BatchFailures failures;
  private final RuntimeService runtime;
  private final HistoryService history;
  private final ManagementService management;
  private final AuthorizationService authorizations;

  Migrations(ProcessEngine engine, MigrationPlanner planner, MigrationStore store) {
    this.planner = planner;
    this.store = store;
    this.failures = new BatchFailures(engine);
    this.runtime = engine.getRuntimeService();
    this.history = engine.getHistoryService();
    this.management = engine.getManagementService();
    this.authorizations = engine.getAuthorizationService();
  }

  /** The plan of a dry run. */
  public Plan plan(MigrationScope scope, ApiCaller caller) {
    requireMayMigrate(planner.keys(scope), caller);
    Plan plan = planner.plan(scope);
    requireMayMigrate(plan.processes().stream().map(Plan.Process::processKey).toList(), caller);
    return plan;
  }

  /** Plans again and starts moving what can move; returns the report as it stands right after. */
  @Transactional
  public MigrationReport start(MigrationScope scope, ApiCaller caller) {
    Plan plan = plan(scope, caller);
    String id = UUID.randomUUID().toString();
    store.insert(new MigrationStore.Run(id, caller.userId(), AppClock.now(), scope.label(), scope.includeSuspended()));
    int position = 0;
    for (Plan.Process process : plan.processes()) {
      Map<String, List<Plan.Instance>> bySource = new LinkedHashMap<>();
      for (Plan.Instance instance : process.instances()) {
        if (instance.moves()) {
          bySource.computeIfAbsent(instance.sourceDefinitionId(), k -> new ArrayList<>()).add(instance);
        } else {
          store.insert(id, position++, instance, null);
        }
      }
      for (List<Plan.Instance> moving : bySource.values()) {
        Plan.Instance first = moving.get(0);
        // Defaults as the system: a designer may move instances without reading or writing their data.
        planner.asSystem(() -> {
          moving.stream().filter(i -> !i.defaults().isEmpty()).forEach(i -> runtime.setVariables(i.processInstanceId(), i.defaults()));
          return null;
        });
        Batch batch = runtime.newMigration(planner.enginePlan(first.sourceDefinitionId(), first.targetDefinitionId()))
            .processInstanceIds(moving.stream().map(Plan.Instance::processInstanceId).toList())
            .executeAsync();
        for (Plan.Instance instance : moving) {
          store.insert(id, position++, instance, batch.getId());
        }
      }
    }
    return report(id).orElseThrow();
  }

  /** What became of a request, read from the engine now. */
  public Optional<MigrationReport> report(String id) {
    return store.run(id).map(run -> planner.asSystem(() -> report(run)));
  }

  /** What became of a request, for a caller who may migrate every process in it. */
  public Optional<MigrationReport> report(String id, ApiCaller caller) {
    Optional<MigrationReport> report = report(id);
    report.ifPresent(r -> requireMayMigrate(keysOf(r), caller));
    return report;
  }

  /** The latest requests, newest first, each as its report: those the caller may read. */
  public List<MigrationReport> recent(int limit, ApiCaller caller) {
    requireMayMigrate(List.of(), caller);
    boolean anyProcess = planner.asSystem(() ->
        authorizations.isUserAuthorized(caller.userId(), caller.groupIds(), MIGRATE_INSTANCE, PROCESS_DEFINITION));
    if (!anyProcess) {
      throw new MigrationForbiddenException(caller.userId() + " may not migrate running instances: that takes MIGRATE_INSTANCE"
          + " on process definitions, which process-designers and camunda-admin have");
    }
    return store.runs(limit).stream().map(run -> planner.asSystem(() -> report(run)))
        .filter(r -> keysOf(r).stream().allMatch(key -> mayMigrate(key, caller))).toList();
  }

  private static List<String> keysOf(MigrationReport report) {
    return report.instances().stream().map(Line::processKey).distinct().toList();
  }

  private MigrationReport report(MigrationStore.Run run) {
    List<MigrationStore.Row> rows = store.rows(run.id());
    Map<String, String> definitionOf = currentDefinitions(rows);
    Map<String, BatchState> batches = new HashMap<>();
    List<Line> lines = new ArrayList<>();
    for (MigrationStore.Row row : rows) {
      lines.add(line(run, row, definitionOf, batches));
    }
    long moved = lines.stream().filter(l -> l.outcome() == Outcome.MOVED).count();
    long pending = lines.stream().filter(l -> l.outcome() == Outcome.PENDING).count();
    long skipped = lines.stream().filter(l -> l.outcome() == Outcome.SKIPPED).count();
    long failed = lines.stream().filter(l -> l.outcome() == Outcome.FAILED).count();
    return new MigrationReport(run.id(), run.scope(), run.includeSuspended(), run.requestedBy(), run.requestedAt(),
        pending == 0, moved, pending, skipped, failed, lines);
  }

  private Line line(MigrationStore.Run run, MigrationStore.Row row, Map<String, String> definitionOf,
      Map<String, BatchState> batches) {
    if (row.batchId() == null) {
      return line(row, Outcome.SKIPPED, row.skipReason());
    }
    String current = definitionOf.get(row.processInstanceId());
    if (current == null) {
      HistoricProcessInstance ended = history.createHistoricProcessInstanceQuery().processInstanceId(row.processInstanceId()).singleResult();
      if (ended != null && row.targetDefinitionId().equals(ended.getProcessDefinitionId())) {
        return line(row, Outcome.MOVED, null);
      }
      return line(row, Outcome.ENDED, "ended on version " + row.sourceVersion() + " before its batch reached it");
    }
    if (current.equals(row.targetDefinitionId())) {
      return line(row, Outcome.MOVED, null);
    }
    if (row.failure() != null) {
      return line(row, Outcome.FAILED, row.failure());
    }
    BatchState batch = batches.computeIfAbsent(row.batchId(), this::batchState);
    String failure = batch.failures().get(row.processInstanceId());
    if (failure != null) {
      store.recordFailure(run.id(), row.processInstanceId(), failure);
      return line(row, Outcome.FAILED, failure);
    }
    if (batch.running()) {
      return line(row, Outcome.PENDING, null);
    }
    return line(row, Outcome.FAILED, current.equals(row.sourceDefinitionId())
        ? "still on version " + row.sourceVersion() + " after its batch ended" : "moved to another version meanwhile");
  }

  private static Line line(MigrationStore.Row row, Outcome outcome, String reason) {
    return new Line(row.processInstanceId(), row.processKey(), row.businessKey(), row.sourceVersion(), row.targetVersion(),
        outcome, reason);
  }

  /** A batch's state: whether it still has work to do, and its failed jobs' messages by instance. */
  private record BatchState(boolean running, Map<String, String> failures) {}

  private BatchState batchState(String batchId) {
    Batch batch = management.createBatchQuery().batchId(batchId).singleResult();
    if (batch == null) {
      return new BatchState(false, Map.of());
    }
    boolean seeding = management.createJobQuery().jobDefinitionId(batch.getSeedJobDefinitionId()).count() > 0;
    boolean working = management.createJobQuery().jobDefinitionId(batch.getBatchJobDefinitionId()).withRetriesLeft().count() > 0;
    List<Job> failed = management.createJobQuery().jobDefinitionId(batch.getBatchJobDefinitionId()).noRetriesLeft().list();
    return new BatchState(seeding || working, failures.byInstance(failed));
  }

  private Map<String, String> currentDefinitions(List<MigrationStore.Row> rows) {
    List<String> ids = rows.stream().filter(r -> r.batchId() != null).map(MigrationStore.Row::processInstanceId).toList();
    Map<String, String> definitions = new HashMap<>();
    for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
      Set<String> chunk = new LinkedHashSet<>(ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY)));
      for (ProcessInstance instance : runtime.createProcessInstanceQuery().processInstanceIds(chunk).list()) {
        definitions.put(instance.getId(), instance.getProcessDefinitionId());
      }
    }
    return definitions;
  }

  /** Refuses a caller without MIGRATE_INSTANCE on one of the keys, naming it. */
  void requireMayMigrate(List<String> keys, ApiCaller caller) {
    if (caller == null || caller.userId() == null) {
      throw new MigrationForbiddenException("Log in as a process designer or an administrator to migrate running instances");
    }
    for (String key : keys) {
      if (!mayMigrate(key, caller)) {
        throw new MigrationForbiddenException(caller.userId() + " may not migrate instances of '" + key
            + "': that takes MIGRATE_INSTANCE on the process definition, which process-designers and camunda-admin have");
      }
    }
  }

  /** Whether the caller may migrate instances of the key. */
  boolean mayMigrate(String key, ApiCaller caller) {
    return caller != null && caller.userId() != null && planner.asSystem(() ->
        authorizations.isUserAuthorized(caller.userId(), caller.groupIds(), MIGRATE_INSTANCE, PROCESS_DEFINITION, key));
  }
}
