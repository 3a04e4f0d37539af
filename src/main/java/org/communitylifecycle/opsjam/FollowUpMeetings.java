package org.communitylifecycle.opsjam;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.communitylifecycle.engine.AppClock;
import org.communitylifecycle.engine.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * Completion of "Record follow-up meeting": who was met and when, and the items that came up, one
 * a line, which go onto the roadmap with their owner and priority straight away.
 */
@Component("followUpMeetings")
public class FollowUpMeetings {

  /** What the list of new items starts with: how to write one. */
  static final String ITEM_HEADER = "# title | tags | owner | priority | depends on | due date | description";

  private final OpsJams jams;
  private final RoadmapItems items;

  public FollowUpMeetings(OpsJams jams, RoadmapItems items) {
    this.jams = jams;
    this.items = items;
  }

  public void recorded(DelegateTask task) {
    OpsJamContract jam = OpsJamContract.of(task);
    String jamKey = jam.jamKey();
    String metWith = Inputs.required(jam.metWith(), OpsJamContract.MET_WITH, "Say which instance manager you met",
        Inputs.NAME_LENGTH);
    LocalDate metOn = jam.metOn();
    if (metOn == null) {
      throw new InvalidInputException("Give the date of the meeting (metOn)");
    }
    if (metOn.isAfter(AppClock.today())) {
      throw new InvalidInputException("The meeting date " + metOn + " is in the future; record meetings once held");
    }
    String notes = Inputs.within(jam.followUpNotes(), "Notes", Inputs.TEXT_LENGTH);

    Set<String> existingKeys = new LinkedHashSet<>();
    items.list(jamKey).forEach(item -> existingKeys.add(item.key()));
    Predicate<String> knownUser = People.known(task.getProcessEngineServices());
    List<String> problems = new ArrayList<>();
    List<RoadmapItems.NewItem> raised = new ArrayList<>();
    for (TextLines.Line line : TextLines.read(jam.newItems(), "New roadmap items", 7, false)) {
      String label = "New item on line " + line.number();
      String title = BacklogRules.title(label, line.field(0), problems);
      if (title != null) {
        label += " (" + title + ")";
      }
      List<String> tags = BacklogRules.tags(label, line.field(1), problems);
      BacklogRules.Plan plan = BacklogRules.plan(label, line.field(2), line.field(3), line.field(4), line.field(5),
          null, existingKeys, knownUser, problems);
      String description = BacklogRules.description(label, line.field(6), problems);
      raised.add(new RoadmapItems.NewItem(RoadmapItems.FOLLOW_UP, title, description, metWith, tags, plan.owner(),
          plan.priority(), ItemStatus.PLANNED.value(), plan.dueDate(), plan.dependsOn()));
    }
    BacklogRules.reject("The follow-up cannot be recorded", problems);

    String recordedBy = Inputs.actor(task.getProcessEngineServices(), jam.projectManager());
    jams.recordFollowUp(jamKey, new OpsJams.FollowUp(metWith, metOn, notes, recordedBy));
    // New items depend only on items that exist already, so no circle can form.
    for (RoadmapItems.NewItem item : raised) {
      items.add(jamKey, jams.nextItemNumber(jamKey), item);
    }
    jam.countFollowUp();
  }
}
