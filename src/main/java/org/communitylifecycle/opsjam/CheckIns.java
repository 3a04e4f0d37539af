package org.communitylifecycle.opsjam;

import static org.communitylifecycle.opsjam.OpsJamContract.CLOSE;
import static org.communitylifecycle.opsjam.OpsJamContract.KEEP_TRACKING;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.communitylifecycle.engine.AppClock;
import org.communitylifecycle.engine.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * The recurring roadmap check-in: the branch lead reviews where each item stands, updates the
 * statuses (one line an item, "OPS-2 | in-progress"), and decides whether to keep the rhythm or
 * close the roadmap. Items the lines leave out keep their status.
 */
@Component("checkIns")
public class CheckIns {

  /** What the list of statuses starts with: how to write a line. */
  static final String STATUS_HEADER = "# key | status (planned, in-progress, blocked, done, dropped)";

  private final OpsJams jams;
  private final RoadmapItems items;

  public CheckIns(OpsJams jams, RoadmapItems items) {
    this.jams = jams;
    this.items = items;
  }

  /** Input of the task: the roadmap as it stands, for the form's table. */
  public TypedValue roadmap(DelegateExecution execution) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (RoadmapItems.Item item : items.list(OpsJamContract.of(execution).jamKey())) {
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

  /** Input of the task: the statuses to update, one line an item. */
  public String statuses(DelegateExecution execution) {
    List<String> lines = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (RoadmapItems.Item item : items.list(OpsJamContract.of(execution).jamKey())) {
      lines.add(item.key() + " | " + item.status());
      notes.add(TextLines.note(item.title()));
    }
    return TextLines.write(STATUS_HEADER, lines, notes);
  }

  /** Creation of the task: the previous check-in's decision is in the history; this one starts blank. */
  public void prepare(DelegateTask task) {
    OpsJamContract.of(task.getExecution()).clearCheckInDecision();
  }

  /** Completion: the new statuses are stored and the check-in is recorded. */
  public void held(DelegateTask task) {
    OpsJamContract jam = OpsJamContract.of(task);
    String jamKey = jam.jamKey();
    String decision = jam.checkInDecision();
    if (!KEEP_TRACKING.equals(decision) && !CLOSE.equals(decision)) {
      throw new InvalidInputException(
          "checkInDecision must be '" + KEEP_TRACKING + "' or '" + CLOSE + "', got '" + decision + "'");
    }
    String notes = Inputs.within(jam.checkInNotes(), "Notes", Inputs.TEXT_LENGTH);
    Map<String, RoadmapItems.Item> existing = new LinkedHashMap<>();
    items.list(jamKey).forEach(item -> existing.put(item.key(), item));

    List<String> problems = new ArrayList<>();
    Map<String, String> changes = new LinkedHashMap<>();
    for (BacklogRules.ItemLine entry
        : BacklogRules.itemLines(TextLines.read(jam.statuses(), "The statuses", 2, true), existing, problems)) {
      String key = entry.key();
      RoadmapItems.Item item = entry.item();
      String text = entry.line().field(1);
      ItemStatus status = text == null ? null : ItemStatus.find(text.toLowerCase(Locale.ROOT));
      if (status == null || !ItemStatus.ON_ROADMAP.contains(status)) {
        problems.add(key + " (" + item.title() + "): status must be one of " + ItemStatus.allowedOnRoadmap()
            + ", got '" + (text == null ? "" : text) + "'");
      } else if (!status.value().equals(item.status())) {
        changes.put(key, status.value());
      }
    }
    BacklogRules.reject("The check-in cannot be recorded", problems);

    changes.forEach((key, status) -> items.setStatus(jamKey, key, status));
    String heldBy = Inputs.actor(task.getProcessEngineServices(), jam.branchLead());
    jams.recordCheckIn(jamKey, new OpsJams.CheckIn(AppClock.today(), heldBy, notes, decision));
    jam.countCheckIn();
  }
}
