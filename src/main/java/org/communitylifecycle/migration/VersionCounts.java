package org.communitylifecycle.migration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.communitylifecycle.identity.ApiCaller;
import org.springframework.stereotype.Component;

/**
 * How many running instances each process has on each version: what the Lifecycle dashboard shows
 * and the Tasklist process offers. The engine counts with the caller's authorizations, so each
 * person sees the counts of the instances they may read.
 */
@Component
public class VersionCounts {

  /**
   * One process key with running instances.
   *
   * @param latestVersion the version new instances start on
   * @param versions the versions with running instances, oldest first
   * @param onOlderVersions the running instances on versions before the latest
   * @param mayMigrate whether the caller may migrate them
   */
  public record ProcessVersions(String processKey, String processName, int latestVersion, List<Version> versions,
      long onOlderVersions, boolean mayMigrate) {}

  /** Running instances of one version, of which some may be paused. */
  public record Version(int version, long running, long paused) {}

  private final RepositoryService repository;
  private final RuntimeService runtime;
  private final Migrations migrations;

  VersionCounts(ProcessEngine engine, Migrations migrations) {
    this.repository = engine.getRepositoryService();
    this.runtime = engine.getRuntimeService();
    this.migrations = migrations;
  }

  /** The processes with running instances the engine lets the caller see, by key. */
  public List<ProcessVersions> count(ApiCaller caller) {
    Map<String, List<ProcessDefinition>> byKey = new LinkedHashMap<>();
    for (ProcessDefinition definition : repository.createProcessDefinitionQuery().withoutTenantId()
        .orderByProcessDefinitionKey().asc().orderByProcessDefinitionVersion().asc().list()) {
      byKey.computeIfAbsent(definition.getKey(), k -> new ArrayList<>()).add(definition);
    }
    List<ProcessVersions> counts = new ArrayList<>();
    byKey.forEach((key, definitions) -> {
      if (runtime.createProcessInstanceQuery().processDefinitionKey(key).count() == 0) {
        return;
      }
      ProcessDefinition latest = definitions.get(definitions.size() - 1);
      List<Version> versions = new ArrayList<>();
      long older = 0;
      for (ProcessDefinition definition : definitions) {
        long running = runtime.createProcessInstanceQuery().processDefinitionId(definition.getId()).count();
        if (running == 0) {
          continue;
        }
        long paused = runtime.createProcessInstanceQuery().processDefinitionId(definition.getId()).suspended().count();
        versions.add(new Version(definition.getVersion(), running, paused));
        if (definition.getVersion() < latest.getVersion()) {
          older += running;
        }
      }
      counts.add(new ProcessVersions(key, latest.getName() == null ? key : latest.getName(), latest.getVersion(),
          List.copyOf(versions), older, older > 0 && migrations.mayMigrate(key, caller)));
    });
    return counts;
  }
}
