package org.communitylifecycle.opsjam;

import java.time.LocalDate;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.communitylifecycle.engine.AppClock;
import org.communitylifecycle.engine.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * Roadmap items past their due date. The recurring check finds them; each is escalated to its
 * owner, and after a while to the branch lead, until one of them marks it done, reschedules it or
 * drops it. An item is escalated once at a time: it is marked while its escalation runs.
 */
@Component("overdueItems")
public class OverdueItems {

  static final String DONE = "done";
  static final String RESCHEDULED = "rescheduled";
  static final String DROPPED = "dropped";

  private final RoadmapItems items;

  public OverdueItems(RoadmapItems items) {
    this.items = items;
  }

  /** The recurring check: the keys of items newly overdue, for one escalation each. */
  public void find(DelegateExecution execution) {
    OpsJamContract jam = OpsJamContract.of(execution);
    jam.setOverdueItemKeys(items.escalateOverdue(jam.jamKey(), AppClock.today()));
  }

  /** Start of one item's escalation: who owns it and what it is, for the tasks. */
  public void open(DelegateExecution execution) {
    OpsJamContract jam = OpsJamContract.of(execution);
    String jamKey = jam.jamKey();
    String itemKey = jam.itemKey();
    RoadmapItems.Item item = items.find(jamKey, itemKey)
        .orElseThrow(() -> new IllegalStateException("No roadmap item " + itemKey + " in ops jam " + jamKey));
    jam.escalating(item);
  }

  /** Completion of the owner's or the branch lead's task: done, rescheduled or dropped. */
  public void resolved(DelegateTask task) {
    OpsJamContract jam = OpsJamContract.of(task);
    String jamKey = jam.jamKey();
    String itemKey = jam.itemKey();
    String action = jam.overdueAction();
    action = action == null ? null : action.toLowerCase(Locale.ROOT);
    if (DONE.equals(action)) {
      items.setStatus(jamKey, itemKey, ItemStatus.DONE.value());
    } else if (RESCHEDULED.equals(action)) {
      LocalDate due = jam.newDueDate();
      if (due == null) {
        throw new InvalidInputException("Give the new due date (newDueDate)");
      }
      if (!due.isAfter(AppClock.today())) {
        throw new InvalidInputException("The new due date " + due + " must be after today");
      }
      String owner = jam.newOwner();
      if (owner == null) {
        owner = jam.itemOwner();
      } else if (!People.known(task.getProcessEngineServices()).test(owner)) {
        throw new InvalidInputException("The new owner '" + owner + "' is not a known user");
      }
      items.reschedule(jamKey, itemKey, due, owner);
    } else if (DROPPED.equals(action)) {
      Inputs.required(jam.overdueNote(), OpsJamContract.OVERDUE_NOTE, "Say why the item is dropped",
          Inputs.TEXT_LENGTH);
      items.setStatus(jamKey, itemKey, ItemStatus.DROPPED.value());
    } else {
      throw new InvalidInputException(
          "overdueAction must be one of " + DONE + ", " + RESCHEDULED + ", " + DROPPED + ", got '" + action + "'");
    }
    Inputs.within(jam.overdueNote(), "Note", Inputs.TEXT_LENGTH);
  }

  /** End of one item's escalation, resolved or cancelled: the item may be escalated again later. */
  public void closed(DelegateExecution execution) {
    OpsJamContract jam = OpsJamContract.of(execution);
    items.clearEscalation(jam.jamKey(), jam.itemKey());
  }
}
