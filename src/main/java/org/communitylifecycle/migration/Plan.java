package org.communitylifecycle.migration;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A dry run: for each process in the scope, its running instances on earlier versions, and for
 * each whether it can move to the latest version or stays, and why. Planning changes nothing.
 *
 * @param scope the process key, or {@value MigrationScope#LAST_DEPLOYMENT}
 * @param includeSuspended whether paused instances move too
 * @param plannedAt when the plan was made (the app's clock)
 * @param processes one entry per process key with instances on earlier versions, callers first
 */
public record Plan(String scope, boolean includeSuspended, Instant plannedAt, List<Process> processes) {

  /**
   * The instances of one process key on versions before the latest.
   *
   * @param processKey the key
   * @param processName the latest version's name
   * @param targetVersion the latest version, where instances move to
   * @param instances the instances on earlier versions
   */
  public record Process(String processKey, String processName, int targetVersion, List<Instance> instances) {

    public long moving() {
      return instances.stream().filter(Instance::moves).count();
    }

    public long staying() {
      return instances.size() - moving();
    }
  }

  /**
   * One running instance on an earlier version.
   *
   * @param processInstanceId the instance
   * @param businessKey its business key (the community, cohort or jam), or null
   * @param processKey its process key
   * @param sourceVersion the version it runs on
   * @param targetVersion the version it moves to
   * @param waitingIn the names of the activities it waits in
   * @param suspended whether it is paused
   * @param moves whether it moves
   * @param reason why it stays; null when it moves
   * @param defaults the variables it lacks and gets when it moves, with their values
   * @param callerId the instance that called it and moves with it, or null
   */
  public record Instance(String processInstanceId, String businessKey, String processKey,
      String sourceDefinitionId, int sourceVersion, String targetDefinitionId, int targetVersion,
      List<String> waitingIn, boolean suspended, boolean moves, String reason, Map<String, Object> defaults,
      String callerId) {

    Instance staying(String why) {
      return new Instance(processInstanceId, businessKey, processKey, sourceDefinitionId, sourceVersion,
          targetDefinitionId, targetVersion, waitingIn, suspended, false, why, Map.of(), callerId);
    }
  }

  /** Every instance in the plan, callers before the instances they called. */
  public List<Instance> instances() {
    return processes.stream().flatMap(p -> p.instances().stream()).toList();
  }

  public long moving() {
    return processes.stream().mapToLong(Process::moving).sum();
  }

  public long staying() {
    return processes.stream().mapToLong(Process::staying).sum();
  }

  /** The plan as Markdown, for the review form in Tasklist: counts per process, then each instance that stays, with why. */
  public String markdown() {
    if (processes.isEmpty()) {
      return "Nothing to migrate: every running instance of " + (scope.equals(MigrationScope.LAST_DEPLOYMENT)
          ? "the processes the last deployment changed" : "'" + scope + "'") + " is on the latest version.";
    }
    StringBuilder text = new StringBuilder();
    text.append("**").append(moving()).append(" will move, ").append(staying()).append(" will stay.**\n\n");
    for (Process process : processes) {
      text.append("- **").append(process.processName()).append("** (").append(process.processKey()).append(") to version ")
          .append(process.targetVersion()).append(": ").append(process.moving()).append(" will move");
      var byVersion = new TreeMap<Integer, Long>();
      process.instances().stream().filter(Instance::moves).forEach(i -> byVersion.merge(i.sourceVersion(), 1L, Long::sum));
      if (!byVersion.isEmpty()) {
        text.append(" (");
        text.append(String.join(", ", byVersion.entrySet().stream().map(e -> e.getValue() + " from version " + e.getKey()).toList()));
        text.append(")");
      }
      text.append(", ").append(process.staying()).append(" will stay\n");
    }
    List<Instance> staying = instances().stream().filter(i -> !i.moves()).toList();
    if (!staying.isEmpty()) {
      text.append("\n**Staying where they are:**\n\n");
      staying.stream().limit(50).forEach(i -> text.append("- ").append(i.processKey()).append(" v").append(i.sourceVersion())
          .append(i.businessKey() == null ? "" : " of " + i.businessKey()).append(": ").append(i.reason()).append('\n'));
      if (staying.size() > 50) {
        text.append("- and ").append(staying.size() - 50).append(" more (GET /api/migrations/plan lists them all)\n");
      }
    }
    List<Instance> withDefaults = instances().stream().filter(i -> i.moves() && !i.defaults().isEmpty()).toList();
    if (!withDefaults.isEmpty()) {
      text.append("\n").append(withDefaults.size()).append(" instance(s) get defaults from the settings for variables the new version needs: ")
          .append(String.join(", ", withDefaults.stream().flatMap(i -> i.defaults().keySet().stream()).distinct().sorted().toList()))
          .append(".\n");
    }
    return text.toString();
  }
}
