package org.communitylifecycle.opsjam;

import static org.communitylifecycle.opsjam.OpsJamVariables.*;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Completion of an instance manager's input at the jam: their workflow, and their pain points and
 * wishlist items, one a line ("title | tags | description"), which join the backlog.
 */
@Component("instanceInput")
public class InstanceInput {

  /** What the lists of the form start with: how to write an item. */
  static final String ITEM_HEADER = "# title | tags | description";

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
    raised.addAll(read(task, PAIN_POINTS, "Pain points", "Pain point", RoadmapItems.PAIN_POINT, instanceManager, problems));
    raised.addAll(read(task, WISHLIST, "Wishlist", "Wish", RoadmapItems.WISHLIST, instanceManager, problems));
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

  /** The items of one list, "title | tags | description" a line. */
  private static List<RoadmapItems.NewItem> read(DelegateTask task, String variable, String list, String what,
      String kind, String instanceManager, List<String> problems) {
    List<RoadmapItems.NewItem> found = new ArrayList<>();
    for (TextLines.Line line : TextLines.read(task, variable, list, 3, false)) {
      String label = what + " on line " + line.number();
      String title = BacklogRules.title(label, line.field(0), problems);
      List<String> tags = BacklogRules.tags(label, line.field(1), problems);
      String description = BacklogRules.description(label, line.field(2), problems);
      found.add(new RoadmapItems.NewItem(kind, title, description, instanceManager, tags, null, null,
          ItemStatus.REQUESTED.value(), null, List.of()));
    }
    return found;
  }
}
