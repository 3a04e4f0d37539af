package org.communitylifecycle.opsjam;

import static org.communitylifecycle.opsjam.OpsJamVariables.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.communitylifecycle.engine.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * The recurring roadmap check-in: the branch lead reviews where each item stands, updates the
 * statuses, and decides whether to keep the rhythm or close the roadmap.
 */
@Component("checkIns")
public class CheckIns {

  private final OpsJams jams;
  private final RoadmapItems items;

  public CheckIns(OpsJams jams, RoadmapItems items) {
    this.jams = jams;
    this.items = items;
  }

  /** Input of the task: the roadmap as it stands, for the branch lead to update. */
  public TypedValue snapshot(DelegateExecution execution) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (RoadmapItems.Item item : items.list((String) execution.getVariable(JAM_KEY))) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("key", item.key());
      row.put("title", item.title());
      row.put("owner", item.owner());
      row.put("priority", item.priority());
      row.put("dueDate", item.dueDate() == null ? null : item.dueDate().toString());
      row.put("status", item.status());
      rows.add(row);
    }
    return JsonRows.write(rows);
  }

  /** Creation of the task: the previous check-in's decision is in the history; this one starts blank. */
  public void prepare(DelegateTask task) {
    task.getExecution().removeVariable(CHECK_IN_DECISION);
  }

  /** Completion: the new statuses are stored and the check-in is recorded. */
  public void held(DelegateTask task) {
    String jamKey = (String) task.getVariable(JAM_KEY);
    String decision = Inputs.text(task, CHECK_IN_DECISION);
    if (!KEEP_TRACKING.equals(decision) && !CLOSE.equals(decision)) {
      throw new InvalidInputException(
          "checkInDecision must be '" + KEEP_TRACKING + "' or '" + CLOSE + "', got '" + decision + "'");
    }
    String notes = Inputs.optional(task, CHECK_IN_NOTES, "Notes", Inputs.TEXT_LENGTH);
    Map<String, RoadmapItems.Item> existing = new LinkedHashMap<>();
    items.list(jamKey).forEach(item -> existing.put(item.key(), item));

    List<String> problems = new ArrayList<>();
    Map<String, String> changes = new LinkedHashMap<>();
    Set<String> seen = new LinkedHashSet<>();
    for (Map<String, Object> row : JsonRows.read(task.getVariable(ROADMAP), "Roadmap")) {
      String key = BacklogRules.itemKey(String.valueOf(row.get("key")));
      RoadmapItems.Item item = key == null ? null : existing.get(key);
      if (item == null) {
        problems.add("'" + row.get("key") + "' is not an item of this ops jam");
        continue;
      }
      if (!seen.add(key)) {
        problems.add(key + " appears twice");
        continue;
      }
      String text = Inputs.text(row.get("status"));
      ItemStatus status = text == null ? null : ItemStatus.find(text.toLowerCase(Locale.ROOT));
      if (status == null || !ItemStatus.ON_ROADMAP.contains(status)) {
        problems.add(key + " (" + item.title() + "): status must be one of " + ItemStatus.allowedOnRoadmap()
            + ", got '" + text + "'");
      } else if (!status.value().equals(item.status())) {
        changes.put(key, status.value());
      }
    }
    BacklogRules.reject("The check-in cannot be recorded", problems);

    changes.forEach((key, status) -> items.setStatus(jamKey, key, status));
    String heldBy = Inputs.actor(task.getProcessEngineServices(), (String) task.getVariable(BRANCH_LEAD));
    jams.recordCheckIn(jamKey, new OpsJams.CheckIn(Inputs.today(), heldBy, notes, decision));
    Object count = task.getVariable(CHECK_IN_COUNT);
    task.setVariable(CHECK_IN_COUNT, (count instanceof Number n ? n.intValue() : 0) + 1);
  }
}
