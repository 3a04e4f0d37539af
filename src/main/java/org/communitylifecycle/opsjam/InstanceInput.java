package org.communitylifecycle.opsjam;

import static org.communitylifecycle.opsjam.OpsJamVariables.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Completion of an instance manager's input at the jam: their workflow, and their pain points and
 * wishlist items, which join the backlog as items with a title, tags and a description.
 */
@Component("instanceInput")
public class InstanceInput {

  private final OpsJams jams;
  private final RoadmapItems items;

  public InstanceInput(OpsJams jams, RoadmapItems items) {
    this.jams = jams;
    this.items = items;
  }

  public void submitted(DelegateTask task) {
    String jamKey = (String) task.getVariable(JAM_KEY);
    String instanceManager = (String) task.getVariable(INSTANCE_MANAGER);
    String workflow = Inputs.required(task, WORKFLOW, "Describe your workflow", Inputs.TEXT_LENGTH);
    List<String> problems = new ArrayList<>();
    List<RoadmapItems.NewItem> raised = new ArrayList<>();
    raised.addAll(read(task.getVariable(PAIN_POINTS), "Pain points", "Pain point", RoadmapItems.PAIN_POINT, instanceManager, problems));
    raised.addAll(read(task.getVariable(WISHLIST), "Wishlist", "Wishlist item", RoadmapItems.WISHLIST, instanceManager, problems));
    BacklogRules.reject("Your input is not complete", problems);

    jams.recordSubmission(jamKey, instanceManager, workflow,
        Inputs.actor(task.getProcessEngineServices(), instanceManager));
    for (RoadmapItems.NewItem item : raised) {
      items.add(jamKey, jams.nextItemNumber(jamKey), item);
    }
    Object submissions = task.getVariable(SUBMISSIONS);
    task.getExecution().getProcessInstance()
        .setVariable(SUBMISSIONS, (submissions instanceof Number n ? n.intValue() : 0) + 1);
  }

  /** The filled-in rows of one list; a row left empty is skipped. */
  private static List<RoadmapItems.NewItem> read(
      Object value, String list, String what, String kind, String instanceManager, List<String> problems) {
    List<RoadmapItems.NewItem> found = new ArrayList<>();
    List<Map<String, Object>> rows = JsonRows.read(value, list);
    for (int i = 0; i < rows.size(); i++) {
      Map<String, Object> row = rows.get(i);
      if (Inputs.text(row.get("title")) == null && Inputs.text(row.get("description")) == null
          && Inputs.text(row.get("tags")) == null) {
        continue;
      }
      String label = what + " " + (i + 1);
      String title = BacklogRules.title(label, row.get("title"), problems);
      List<String> tags = BacklogRules.tags(label, row.get("tags"), problems);
      String description = BacklogRules.description(label, row.get("description"), problems);
      found.add(new RoadmapItems.NewItem(kind, title, description, instanceManager, tags, null, null,
          ItemStatus.REQUESTED.value(), null, List.of()));
    }
    return found;
  }
}
