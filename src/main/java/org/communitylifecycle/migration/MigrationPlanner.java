package org.communitylifecycle.migration;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
// Planning reads every instance of a key whoever asks (the caller's right to migrate is checked
// before): the public API has no way to run queries without authorization but inside a command.
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationInstructionValidationReport;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanBuilder;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.communitylifecycle.engine.AppClock;
import org.communitylifecycle.engine.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * Makes the plan of a migration: which running instances of the scope's processes can move to the
 * latest version, and why the others stay. It changes nothing, and is asked again when the
 * migration starts, so what moves is what can move then.
 *
 * <p>The engine's own mapping decides: activities with the same id (and those a process's
 * {@link MigrationDefaults} renamed) map; an instance moves when every activity it is in maps. Timers
 * keep their due dates (no event trigger is updated). Called instances join their callers: when a
 * stage moves, so do its milestones on earlier versions; when it stays, they stay.
 */
@Component
public class MigrationPlanner {

  private static final String MULTI_INSTANCE_BODY = "#multiInstanceBody";
  private static final int IDS_PER_QUERY = 500;

  private final ProcessEngineConfigurationImpl configuration;
  private final RuntimeService runtime;
  private final RepositoryService repository;
  private final Map<String, MigrationDefaults> defaults;

  public MigrationPlanner(ProcessEngine engine, List<MigrationDefaults> defaults) {
    this.configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    this.runtime = engine.getRuntimeService();
    this.repository = engine.getRepositoryService();
    this.defaults = defaults.stream().collect(Collectors.toMap(MigrationDefaults::processKey, Function.identity()));
  }

  /** The plan for the scope; the caller's right to migrate is checked before, by {@link Migrations}. */
  public Plan plan(MigrationScope scope) {
    return asSystem(() -> new Planning(scope).run());
  }

  /** The process keys the scope names: the one key, or those of the last deployment with processes. */
  List<String> keys(MigrationScope scope) {
    return asSystem(() -> keysOf(scope));
  }

  /** The engine's migration plan from one version to another, as the plan maps them. */
  MigrationPlan enginePlan(String sourceDefinitionId, String targetDefinitionId) {
    return asSystem(() -> mapping(sourceDefinitionId, targetDefinitionId).plan());
  }

  private List<String> keysOf(MigrationScope scope) {
    if (!scope.lastDeployment()) {
      if (repository.createProcessDefinitionQuery().processDefinitionKey(scope.processKey()).count() == 0) {
        throw new InvalidInputException("There is no process with the key '" + scope.processKey()
            + "'; name a deployed process key (for example milestone), or " + MigrationScope.LAST_DEPLOYMENT);
      }
      return List.of(scope.processKey());
    }
    for (Deployment deployment : repository.createDeploymentQuery().orderByDeploymentTime().desc().listPage(0, 50)) {
      List<String> keys = repository.createProcessDefinitionQuery().deploymentId(deployment.getId()).list().stream()
          .map(ProcessDefinition::getKey).distinct().sorted().toList();
      if (!keys.isEmpty()) {
        return keys;
      }
    }
    return List.of();
  }

  /** One planning: the definitions, mappings and instances it has looked at. */
  private final class Planning {

    private final MigrationScope scope;
    private final Map<String, ProcessDefinition> latestByKey = new HashMap<>();
    private final Map<String, ProcessDefinition> definitions = new HashMap<>();
    private final Map<String, Mapping> mappings = new HashMap<>();
    private final Map<String, Boolean> callsOthers = new HashMap<>();
    /** Every planned instance by id, in the order planned: callers before the instances they called. */
    private final Map<String, Plan.Instance> planned = new LinkedHashMap<>();

    Planning(MigrationScope scope) {
      this.scope = scope;
    }

    Plan run() {
      for (String key : keysOf(scope)) {
        List<ProcessInstance> instances = runtime.createProcessInstanceQuery().processDefinitionKey(key).list();
        planAll(instances.stream().filter(i -> !isLatest(i)).toList(), Map.of());
      }
      // The instances the planned ones called, level by level, with their callers' fate.
      List<Plan.Instance> callers = List.copyOf(planned.values());
      while (!callers.isEmpty()) {
        Map<String, Plan.Instance> callerOf = new LinkedHashMap<>();
        List<ProcessInstance> called = new ArrayList<>();
        for (Plan.Instance caller : callers) {
          if (!callsOthers(caller.sourceDefinitionId())) {
            continue;
          }
          for (ProcessInstance sub : runtime.createProcessInstanceQuery().superProcessInstanceId(caller.processInstanceId()).list()) {
            if (!isLatest(sub)) {
              called.add(sub);
              callerOf.put(sub.getId(), caller);
            }
          }
        }
        callers = planAll(called, callerOf);
      }
      Map<String, List<Plan.Instance>> byKey = new LinkedHashMap<>();
      planned.values().forEach(i -> byKey.computeIfAbsent(i.processKey(), k -> new ArrayList<>()).add(i));
      List<Plan.Process> processes = callersFirst(byKey.keySet()).stream().map(key -> Map.entry(key, byKey.get(key))).map(e -> {
        ProcessDefinition latest = latest(e.getKey());
        return new Plan.Process(e.getKey(), latest.getName() == null ? e.getKey() : latest.getName(), latest.getVersion(),
            List.copyOf(e.getValue()));
      }).toList();
      return new Plan(scope.label(), scope.includeSuspended(), AppClock.now(), processes);
    }

    /** The keys, each before the keys its latest version calls, directly or not. */
    private List<String> callersFirst(Collection<String> keys) {
      List<String> ordered = new ArrayList<>();
      Set<String> visiting = new HashSet<>();
      for (String key : keys) {
        visit(key, keys, ordered, visiting);
      }
      java.util.Collections.reverse(ordered);
      return ordered;
    }

    /** Depth first: a key goes after everything it calls; the list is reversed at the end. */
    private void visit(String key, Collection<String> keys, List<String> ordered, Set<String> visiting) {
      if (ordered.contains(key) || !visiting.add(key)) {
        return;
      }
      for (CallActivity call : repository.getBpmnModelInstance(latest(key).getId()).getModelElementsByType(CallActivity.class)) {
        String called = call.getCalledElement();
        if (called != null && keys.contains(called)) {
          visit(called, keys, ordered, visiting);
        }
      }
      ordered.add(key);
    }

    /** Plans the instances; returns the new entries. */
    private List<Plan.Instance> planAll(List<ProcessInstance> instances, Map<String, Plan.Instance> callerOf) {
      Map<String, Set<String>> presentVariables = presentVariables(instances);
      List<Plan.Instance> added = new ArrayList<>();
      for (ProcessInstance instance : instances) {
        Plan.Instance caller = callerOf.get(instance.getId());
        Plan.Instance entry = planOne(instance, presentVariables.getOrDefault(instance.getId(), Set.of()), caller);
        Plan.Instance before = planned.put(instance.getId(), entry);
        if (before == null) {
          added.add(entry);
        } else {
          // Planned for its own key before: it stays with a caller that stays.
          planned.put(instance.getId(), caller != null && !caller.moves() ? entry : before);
        }
      }
      return added;
    }

    private Plan.Instance planOne(ProcessInstance instance, Set<String> present, Plan.Instance caller) {
      ProcessDefinition source = definition(instance.getProcessDefinitionId());
      ProcessDefinition target = latest(source.getKey());
      Mapping mapping = mapping(source.getId(), target.getId());
      ActivityInstance tree = runtime.getActivityInstance(instance.getId());
      Map<String, String> activities = new LinkedHashMap<>();
      List<String> waitingIn = new ArrayList<>();
      collect(tree, activities, waitingIn, true);
      Plan.Instance moving = new Plan.Instance(instance.getId(), instance.getBusinessKey(), source.getKey(), source.getId(),
          source.getVersion(), target.getId(), target.getVersion(), List.copyOf(waitingIn), instance.isSuspended(), true, null,
          Map.of(), caller == null ? null : caller.processInstanceId());
      if (caller != null && !caller.moves()) {
        return moving.staying("called by a " + caller.processKey() + " instance that stays on version " + caller.sourceVersion());
      }
      if (instance.isSuspended() && !scope.includeSuspended()) {
        return moving.staying("paused (suspended); include paused instances to move it");
      }
      for (Map.Entry<String, String> activity : activities.entrySet()) {
        String why = mapping.whyNot(activity.getKey());
        if (why != null) {
          return moving.staying("waiting in '" + activity.getValue() + "' (" + activity.getKey() + "), " + why);
        }
      }
      MigrationDefaults hook = defaults.get(source.getKey());
      if (hook == null) {
        return moving;
      }
      Map<String, Object> given = new TreeMap<>();
      Map<String, Object> variables = null;
      for (String name : hook.neededVariables()) {
        if (present.contains(name)) {
          continue;
        }
        if (variables == null) {
          variables = runtime.getVariables(instance.getId());
        }
        Optional<Object> value = hook.defaultValue(name, variables);
        if (value.isEmpty()) {
          return moving.staying("lacks the variable '" + name + "', which version " + target.getVersion()
              + " needs, and the settings give it no default");
        }
        given.put(name, value.get());
      }
      return given.isEmpty() ? moving : new Plan.Instance(moving.processInstanceId(), moving.businessKey(), moving.processKey(),
          moving.sourceDefinitionId(), moving.sourceVersion(), moving.targetDefinitionId(), moving.targetVersion(),
          moving.waitingIn(), moving.suspended(), true, null, Map.copyOf(given), moving.callerId());
    }

    /** The process-level variables, of those some hook needs, that each instance has. */
    private Map<String, Set<String>> presentVariables(List<ProcessInstance> instances) {
      Map<String, Set<String>> present = new HashMap<>();
      Map<String, List<String>> idsByKey = new HashMap<>();
      for (ProcessInstance instance : instances) {
        String key = definition(instance.getProcessDefinitionId()).getKey();
        if (defaults.containsKey(key)) {
          idsByKey.computeIfAbsent(key, k -> new ArrayList<>()).add(instance.getId());
        }
      }
      idsByKey.forEach((key, ids) -> {
        String[] names = defaults.get(key).neededVariables().toArray(String[]::new);
        if (names.length == 0) {
          return;
        }
        for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
          String[] chunk = ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY)).toArray(String[]::new);
          for (VariableInstance v : runtime.createVariableInstanceQuery().processInstanceIdIn(chunk).variableNameIn(names)
              .disableBinaryFetching().disableCustomObjectDeserialization().list()) {
            if (v.getProcessInstanceId().equals(v.getExecutionId())) {
              present.computeIfAbsent(v.getProcessInstanceId(), k -> new HashSet<>()).add(v.getName());
            }
          }
        }
      });
      return present;
    }

    private boolean isLatest(ProcessInstance instance) {
      ProcessDefinition definition = definition(instance.getProcessDefinitionId());
      return latest(definition.getKey()).getId().equals(definition.getId());
    }

    private ProcessDefinition definition(String id) {
      return definitions.computeIfAbsent(id, repository::getProcessDefinition);
    }

    private ProcessDefinition latest(String key) {
      return latestByKey.computeIfAbsent(key, k -> repository.createProcessDefinitionQuery().processDefinitionKey(k)
          .withoutTenantId().latestVersion().singleResult());
    }

    private Mapping mapping(String source, String target) {
      return mappings.computeIfAbsent(source + ">" + target, k -> MigrationPlanner.this.mapping(source, target));
    }

    private boolean callsOthers(String definitionId) {
      return callsOthers.computeIfAbsent(definitionId,
          id -> !repository.getBpmnModelInstance(id).getModelElementsByType(CallActivity.class).isEmpty());
    }
  }

  /** Each activity (id to name) the instance is in, and the names of those it waits in (the leaves). */
  private static void collect(ActivityInstance instance, Map<String, String> activities, List<String> waitingIn, boolean root) {
    if (!root) {
      activities.put(instance.getActivityId(), name(instance.getActivityName(), instance.getActivityId()));
    }
    for (TransitionInstance transition : instance.getChildTransitionInstances()) {
      activities.put(transition.getActivityId(), name(transition.getActivityName(), transition.getActivityId()));
      waitingIn.add(name(transition.getActivityName(), transition.getActivityId()));
    }
    if (instance.getChildActivityInstances().length == 0 && instance.getChildTransitionInstances().length == 0 && !root) {
      waitingIn.add(name(instance.getActivityName(), instance.getActivityId()));
    }
    for (ActivityInstance child : instance.getChildActivityInstances()) {
      collect(child, activities, waitingIn, false);
    }
  }

  private static String name(String name, String id) {
    return name == null || name.isBlank() ? id : name.replaceAll("\\s+", " ");
  }

  /**
   * The engine's mapping from one version to another: same ids and the hook's renames, less the
   * instructions the engine refuses, with each refused activity's reason.
   */
  private Mapping mapping(String sourceId, String targetId) {
    ProcessDefinition source = repository.getProcessDefinition(sourceId);
    BpmnModelInstance sourceModel = repository.getBpmnModelInstance(sourceId);
    BpmnModelInstance targetModel = repository.getBpmnModelInstance(targetId);
    int targetVersion = repository.getProcessDefinition(targetId).getVersion();
    MigrationPlanBuilder builder = runtime.createMigrationPlan(sourceId, targetId).mapEqualActivities();
    MigrationDefaults hook = defaults.get(source.getKey());
    if (hook != null) {
      for (Map.Entry<String, String> rename : hook.renamedActivities().entrySet()) {
        if (sourceModel.getModelElementById(rename.getKey()) instanceof FlowNode
            && targetModel.getModelElementById(rename.getValue()) instanceof FlowNode) {
          builder = builder.mapActivities(rename.getKey(), rename.getValue());
        }
      }
    }
    Map<String, String> refused = new HashMap<>();
    MigrationPlan plan = null;
    for (int attempt = 0; plan == null; attempt++) {
      try {
        plan = builder.build();
      } catch (MigrationPlanValidationException e) {
        if (attempt > 5) {
          throw e;
        }
        Set<String> failing = new HashSet<>();
        for (MigrationInstructionValidationReport report : e.getValidationReport().getInstructionReports()) {
          String activity = report.getMigrationInstruction().getSourceActivityId();
          failing.add(activity);
          refused.put(activity, "which the engine cannot map to version " + targetVersion + ": "
              + String.join("; ", report.getFailures()));
        }
        builder = runtime.createMigrationPlan(sourceId, targetId);
        for (MigrationInstruction instruction : e.getValidationReport().getMigrationPlan().getInstructions()) {
          if (!failing.contains(instruction.getSourceActivityId())) {
            builder = builder.mapActivities(instruction.getSourceActivityId(), instruction.getTargetActivityId());
          }
        }
      }
    }
    Set<String> mapped = plan.getInstructions().stream().map(MigrationInstruction::getSourceActivityId).collect(Collectors.toSet());
    return new Mapping(plan, mapped, refused, targetModel, targetVersion);
  }

  /** The engine's plan between two versions and what it leaves out. */
  private record Mapping(MigrationPlan plan, Set<String> mapped, Map<String, String> refused, BpmnModelInstance target,
      int targetVersion) {

    /** Why an instance in this activity cannot move, or null when it can. */
    String whyNot(String activityId) {
      String id = activityId.endsWith(MULTI_INSTANCE_BODY)
          ? activityId.substring(0, activityId.length() - MULTI_INSTANCE_BODY.length()) : activityId;
      if (mapped.contains(id)) {
        return null;
      }
      if (refused.containsKey(id)) {
        return refused.get(id);
      }
      if (target.getModelElementById(id) == null) {
        return "which version " + targetVersion + " no longer has";
      }
      return "which moved to another scope in version " + targetVersion + " and so does not map by its id";
    }
  }

  /** Runs the work without authorization checks: in the current command, or in a new one. */
  <T> T asSystem(Supplier<T> work) {
    CommandContext context = Context.getCommandContext();
    if (context != null) {
      return context.runWithoutAuthorization(work::get);
    }
    return configuration.getCommandExecutorTxRequired().execute(c -> c.runWithoutAuthorization(work::get));
  }
}
