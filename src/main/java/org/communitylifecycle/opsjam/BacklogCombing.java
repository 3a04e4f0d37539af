package org.communitylifecycle.opsjam;

import static org.communitylifecycle.opsjam.OpsJamVariables.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/**
 * Combing the backlog: the project manager and the branch lead give every item an owner, a
 * priority, its dependencies and optionally a due date. The form shows the backlog as it stands in
 * the roadmap tables; nothing is stored until every item passes the rules.
 */
@Component("backlogCombing")
public class BacklogCombing {

  private final OpsJams jams;
  private final RoadmapItems items;

  public BacklogCombing(OpsJams jams, RoadmapItems items) {
    this.jams = jams;
    this.items = items;
  }

  /**
   * Input of the task: the backlog as it stands, for the form to show. Kept on the task's own
   * scope, where both Tasklist's form submission and a plain completion write the edited list.
   */
  public TypedValue snapshot(DelegateExecution execution) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (RoadmapItems.Item item : items.list((String) execution.getVariable(JAM_KEY))) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("key", item.key());
      row.put("kind", item.kind());
      row.put("requestedBy", item.requestedBy());
      row.put("title", item.title());
      row.put("tags", String.join(", ", item.tags()));
      row.put("description", item.description());
      row.put("owner", item.owner());
      row.put("priority", item.priority());
      row.put("dependsOn", String.join(", ", item.dependsOn()));
      row.put("dueDate", item.dueDate() == null ? null : item.dueDate().toString());
      rows.add(row);
    }
    return JsonRows.write(rows);
  }

  /** Creation of the task: requests from the community close while the backlog is combed. */
  public void prepare(DelegateTask task) {
    jams.setPhase((String) task.getVariable(JAM_KEY), OpsJams.COMBING);
  }

  /** Completion: every item passes the rules, then the combed backlog is stored. */
  public void combed(DelegateTask task) {
    String jamKey = (String) task.getVariable(JAM_KEY);
    Map<String, RoadmapItems.Item> existing = new LinkedHashMap<>();
    items.list(jamKey).forEach(item -> existing.put(item.key(), item));
    Predicate<String> knownUser = People.known(task.getProcessEngineServices());

    List<String> problems = new ArrayList<>();
    Map<String, RoadmapItems.Combed> combed = new LinkedHashMap<>();
    for (Map<String, Object> row : JsonRows.read(task.getVariable(BACKLOG), "Backlog")) {
      String key = BacklogRules.itemKey(String.valueOf(row.get("key")));
      RoadmapItems.Item item = key == null ? null : existing.get(key);
      if (item == null) {
        problems.add("'" + row.get("key") + "' is not an item of this ops jam");
        continue;
      }
      if (combed.containsKey(key)) {
        problems.add(key + " appears twice");
        continue;
      }
      String label = key + " (" + item.title() + ")";
      String title = BacklogRules.title(label, row.get("title"), problems);
      List<String> tags = BacklogRules.tags(label, row.get("tags"), problems);
      BacklogRules.Plan plan = BacklogRules.plan(label, row, key, existing.keySet(), knownUser, problems);
      combed.put(key, new RoadmapItems.Combed(key, title, tags, plan.owner(), plan.priority(), plan.dueDate(),
          plan.dependsOn()));
    }
    Set<String> missing = new LinkedHashSet<>(existing.keySet());
    missing.removeAll(combed.keySet());
    for (String key : missing) {
      problems.add(key + " (" + existing.get(key).title() + ") is missing; every item needs an owner and a priority");
    }
    if (problems.isEmpty()) {
      Map<String, List<String>> graph = new LinkedHashMap<>();
      combed.values().forEach(c -> graph.put(c.key(), c.dependsOn()));
      String circle = BacklogRules.circle(graph);
      if (circle != null) {
        problems.add("the dependencies go round in a circle: " + circle);
      }
    }
    BacklogRules.reject("The backlog is not ready", problems);

    combed.values().forEach(c -> items.comb(jamKey, c));
  }
}
