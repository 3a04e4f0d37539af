package org.communitylifecycle.opsjam;

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
 * priority, its dependencies and optionally a due date. The form shows the backlog as a table and
 * the plan as text, one line an item ("OPS-2 | ivan | high | OPS-1 | 2026-04-30"); nothing is
 * stored until every item passes the rules.
 */
@Component("backlogCombing")
public class BacklogCombing {

  static final String PLAN_HEADER = "# key | owner | priority (high, medium, low) | depends on | due date";

  private final OpsJams jams;
  private final RoadmapItems items;

  public BacklogCombing(OpsJams jams, RoadmapItems items) {
    this.jams = jams;
    this.items = items;
  }

  /** Input of the task: the backlog for the form's table. */
  public TypedValue backlog(DelegateExecution execution) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (RoadmapItems.Item item : items.list(OpsJamContract.of(execution).jamKey())) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("key", item.key());
      row.put("kind", item.kind());
      row.put("requestedBy", item.requestedBy());
      row.put("title", item.title());
      row.put("tags", String.join(", ", item.tags()));
      row.put("description", item.description());
      rows.add(row);
    }
    return JsonRows.write(rows);
  }

  /** Input of the task: the plan to fill in, one line an item, with what is known already. */
  public String plan(DelegateExecution execution) {
    List<String> lines = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (RoadmapItems.Item item : items.list(OpsJamContract.of(execution).jamKey())) {
      lines.add(String.join(" | ", item.key(), blank(item.owner()), blank(item.priority()),
          String.join(", ", item.dependsOn()), item.dueDate() == null ? "" : item.dueDate().toString()));
      notes.add(TextLines.note(item.title()));
    }
    return TextLines.write(PLAN_HEADER, lines, notes);
  }

  /** Creation of the task: requests from the community close while the backlog is combed. */
  public void prepare(DelegateTask task) {
    jams.setPhase(OpsJamContract.of(task).jamKey(), OpsJams.COMBING);
  }

  /** Completion: every item passes the rules, then the combed backlog is stored. */
  public void combed(DelegateTask task) {
    OpsJamContract jam = OpsJamContract.of(task);
    String jamKey = jam.jamKey();
    Map<String, RoadmapItems.Item> existing = new LinkedHashMap<>();
    items.list(jamKey).forEach(item -> existing.put(item.key(), item));
    Predicate<String> knownUser = People.known(task.getProcessEngineServices());

    List<String> problems = new ArrayList<>();
    Map<String, RoadmapItems.Combed> combed = new LinkedHashMap<>();
    for (BacklogRules.ItemLine entry
        : BacklogRules.itemLines(TextLines.read(jam.plan(), "The plan", 5, true), existing, problems)) {
      TextLines.Line line = entry.line();
      String key = entry.key();
      String label = key + " (" + entry.item().title() + ")";
      BacklogRules.Plan plan = BacklogRules.plan(label, line.field(1), line.field(2), line.field(3), line.field(4),
          key, existing.keySet(), knownUser, problems);
      combed.put(key, new RoadmapItems.Combed(key, plan.owner(), plan.priority(), plan.dueDate(), plan.dependsOn()));
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

  private static String blank(String value) {
    return value == null ? "" : value;
  }
}
