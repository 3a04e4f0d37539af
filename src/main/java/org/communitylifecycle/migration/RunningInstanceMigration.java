package org.communitylifecycle.migration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.identity.Group;
// getCurrentAuthentication() returns this engine type; the public API has no other.
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.spin.plugin.variable.SpinValues;
import org.communitylifecycle.engine.InvalidInputException;
import org.communitylifecycle.identity.ApiCaller;
import org.springframework.stereotype.Component;

/**
 * Service tasks of {@code migrate-running-instances}: offer what can migrate, plan, start, and
 * follow the report. Offering, planning and starting act for the person logged in to Tasklist and
 * refuse anyone without the right to migrate (see {@link Migrations}); a model that calls them
 * from a job, with nobody logged in, is refused too.
 */
@Component("runningInstanceMigration")
public class RunningInstanceMigration {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Migrations migrations;
  private final VersionCounts versions;

  public RunningInstanceMigration(Migrations migrations, VersionCounts versions) {
    this.migrations = migrations;
    this.versions = versions;
  }

  /** Offers each process with instances on older versions, and the last deployment, with the counts. */
  public void offer(DelegateExecution execution) {
    ApiCaller caller = caller(execution);
    List<VersionCounts.ProcessVersions> counts = versions.count(caller);
    List<Map<String, String>> choices = new ArrayList<>();
    StringBuilder offer = new StringBuilder();
    for (VersionCounts.ProcessVersions process : counts) {
      if (process.onOlderVersions() == 0) {
        continue;
      }
      String byVersion = String.join(", ", process.versions().stream()
          .map(v -> "v" + v.version() + ": " + v.running() + (v.paused() > 0 ? " (" + v.paused() + " paused)" : "")).toList());
      if (process.mayMigrate()) {
        choices.add(Map.of("label", process.processName() + " (" + process.processKey() + "): " + process.onOlderVersions()
            + " on older versions", "value", process.processKey()));
      }
      offer.append("- **").append(process.processName()).append("** (").append(process.processKey()).append("), latest v")
          .append(process.latestVersion()).append(": ").append(byVersion).append('\n');
    }
    choices.add(Map.of("label", "Everything the last deployment changed", "value", MigrationScope.LAST_DEPLOYMENT));
    String text = offer.isEmpty() ? "Every running instance is on the latest version of its process." : offer.toString();
    try {
      MigrateRunningInstancesContract.of(execution).offer(SpinValues.jsonValue(JSON.writeValueAsString(choices)).create(), text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write the migration choices as JSON", e);
    }
  }

  /** Plans what the first form chose; changes nothing. */
  public void plan(DelegateExecution execution) {
    MigrateRunningInstancesContract contract = MigrateRunningInstancesContract.of(execution);
    contract.planned(migrations.plan(contract.migrationScope(), caller(execution)));
  }

  /** Starts the migration the person confirmed (planned again, as it stands now). */
  public void start(DelegateExecution execution) {
    MigrateRunningInstancesContract contract = MigrateRunningInstancesContract.of(execution);
    contract.started(migrations.start(contract.migrationScope(), caller(execution)));
  }

  /** Reads the report of the migration this instance started: whether it finished, and what moved. */
  public void check(DelegateExecution execution) {
    MigrateRunningInstancesContract contract = MigrateRunningInstancesContract.of(execution);
    String id = contract.migrationId();
    contract.reported(migrations.report(id)
        .orElseThrow(() -> new IllegalStateException("The migration " + id + " this instance started is not recorded")));
  }

  private static ApiCaller caller(DelegateExecution execution) {
    IdentityService identity = execution.getProcessEngineServices().getIdentityService();
    Authentication person = identity.getCurrentAuthentication();
    if (person == null || person.getUserId() == null) {
      throw new InvalidInputException("Log in to Tasklist as a process designer or an administrator to migrate running instances");
    }
    List<String> groups = person.getGroupIds() != null ? person.getGroupIds()
        : identity.createGroupQuery().groupMember(person.getUserId()).list().stream().map(Group::getId).toList();
    return new ApiCaller(person.getUserId(), groups);
  }
}
