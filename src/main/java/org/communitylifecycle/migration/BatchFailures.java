package org.communitylifecycle.migration;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.runtime.Job;
// Which instances a failed batch job was to move is kept only in the job's configuration, which
// the public API does not show: these read it the way the engine's batch handler does.
import org.camunda.bpm.engine.impl.batch.BatchJobConfiguration;
import org.camunda.bpm.engine.impl.batch.BatchJobHandler;
import org.camunda.bpm.engine.impl.batch.BatchConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ByteArrayEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;

/** The failed jobs of a migration batch, as each instance's failure message. */
final class BatchFailures {

  private final ProcessEngineConfigurationImpl configuration;

  BatchFailures(ProcessEngine engine) {
    this.configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
  }

  /** For each instance a failed job was to move, the job's exception message. */
  Map<String, String> byInstance(List<Job> failedJobs) {
    if (failedJobs.isEmpty()) {
      return Map.of();
    }
    BatchJobHandler<?> handler = configuration.getBatchHandlers().get(Batch.TYPE_PROCESS_INSTANCE_MIGRATION);
    return configuration.getCommandExecutorTxRequired().execute(context -> {
      Map<String, String> failures = new HashMap<>();
      for (Job job : failedJobs) {
        JobEntity entity = context.getJobManager().findJobById(job.getId());
        if (entity == null || !(entity.getJobHandlerConfiguration() instanceof BatchJobConfiguration config)) {
          continue;
        }
        ByteArrayEntity bytes = context.getDbEntityManager().selectById(ByteArrayEntity.class, config.getConfigurationByteArrayId());
        if (bytes == null) {
          continue;
        }
        String message = job.getExceptionMessage() == null ? "failed without a message" : firstLine(job.getExceptionMessage());
        for (String id : ((BatchConfiguration) handler.readConfiguration(bytes.getBytes())).getIds()) {
          failures.put(id, message);
        }
      }
      return failures;
    });
  }

  private static String firstLine(String message) {
    String line = message.strip().replaceAll("\\s+", " ");
    return line.length() > 1000 ? line.substring(0, 1000) + "..." : line;
  }
}
