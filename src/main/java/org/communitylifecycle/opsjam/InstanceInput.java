package org.communitylifecycle.opsjam;

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
    OpsJamContract jam = OpsJamContract.of(task);
    String jamKey = jam.jamKey();
    String instanceManager = jam.instanceManager();
    String workflow =
        Inputs.required(jam.workflow(), OpsJamContract.WORKFLOW, "Describe your workflow", Inputs.TEXT_LENGTH);
    List<String> problems = new ArrayList<>();
    List<RoadmapItems.NewItem> raised = new ArrayList<>();
    raised.addAll(
        read(jam.painPoints(), "Pain points", "Pain point", RoadmapItems.PAIN_POINT, instanceManager, problems));
    raised.addAll(read(jam.wishlist(), "Wishlist", "Wish", RoadmapItems.WISHLIST, instanceManager, problems));
    BacklogRules.reject("Your input is not complete", problems);

    jams.recordSubmission(jamKey, instanceManager, workflow,
        Inputs.actor(task.getProcessEngineServices(), instanceManager));
    for (RoadmapItems.NewItem item : raised) {
      items.add(jamKey, jams.nextItemNumber(jamKey), item);
    }
    OpsJamContract.of(task.getExecution().getProcessInstance()).setSubmissions(jam.submissions() + 1);
  }

  /** The items of one list, "title | tags | description" a line. */
  private static List<RoadmapItems.NewItem> read(String text, String list, String what, String kind,
      String instanceManager, List<String> problems) {
    List<RoadmapItems.NewItem> found = new ArrayList<>();
    for (TextLines.Line line : TextLines.read(text, list, 3, false)) {
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
