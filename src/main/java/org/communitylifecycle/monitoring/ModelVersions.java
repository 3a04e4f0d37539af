package org.communitylifecycle.monitoring;

import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/info} lists the latest deployed version of every process and decision key, so
 * an operator sees which models run: {@code "models": {"processes": {"milestone": 3, ...},
 * "decisions": {...}}}. The build (artifact, version, time) comes from META-INF/build-info.properties.
 */
@Component
class ModelVersions implements InfoContributor {

  private final RepositoryService repository;

  ModelVersions(RepositoryService repository) {
    this.repository = repository;
  }

  @Override
  public void contribute(Info.Builder builder) {
    Map<String, Integer> processes = new TreeMap<>();
    for (ProcessDefinition definition : repository.createProcessDefinitionQuery().latestVersion().list()) {
      processes.merge(definition.getKey(), definition.getVersion(), Math::max);
    }
    Map<String, Integer> decisions = new TreeMap<>();
    for (DecisionDefinition definition : repository.createDecisionDefinitionQuery().latestVersion().list()) {
      decisions.merge(definition.getKey(), definition.getVersion(), Math::max);
    }
    builder.withDetail("models", Map.of("processes", processes, "decisions", decisions));
  }
}
