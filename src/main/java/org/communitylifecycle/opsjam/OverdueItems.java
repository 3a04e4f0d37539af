package org.communitylifecycle.opsjam;

import static org.communitylifecycle.opsjam.OpsJamVariables.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
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
    String jamKey = (String) execution.getVariable(JAM_KEY);
    execution.setVariableLocal(OVERDUE_ITEM_KEYS, new ArrayList<>(items.escalateOverdue(jamKey, Inputs.today())));
  }

  /** Start of one item's escalation: who owns it and what it is, for the tasks. */
  public void open(DelegateExecution execution) {
    String jamKey = (String) execution.getVariable(JAM_KEY);
    String itemKey = (String) execution.getVariable(ITEM_KEY);
    RoadmapItems.Item item = items.find(jamKey, itemKey)
        .orElseThrow(() -> new IllegalStateException("No roadmap item " + itemKey + " in ops jam " + jamKey));
    execution.setVariableLocal(ITEM_TITLE, item.title());
    execution.setVariableLocal(ITEM_OWNER, item.owner());
    execution.setVariableLocal(ITEM_DUE_DATE, String.valueOf(item.dueDate()));
  }

  /** Completion of the owner's or the branch lead's task: done, rescheduled or dropped. */
  public void resolved(DelegateTask task) {
    String jamKey = (String) task.getVariable(JAM_KEY);
    String itemKey = (String) task.getVariable(ITEM_KEY);
    String action = Inputs.text(task, OVERDUE_ACTION);
    action = action == null ? null : action.toLowerCase(Locale.ROOT);
    if (DONE.equals(action)) {
      items.setStatus(jamKey, itemKey, ItemStatus.DONE.value());
    } else if (RESCHEDULED.equals(action)) {
      LocalDate due = Inputs.day(task.getVariable(NEW_DUE_DATE), "The new due date");
      if (due == null) {
        throw new InvalidInputException("Give the new due date (newDueDate)");
      }
      if (!due.isAfter(Inputs.today())) {
        throw new InvalidInputException("The new due date " + due + " must be after today");
      }
      String owner = Inputs.text(task, NEW_OWNER);
      if (owner == null) {
        owner = (String) task.getVariable(ITEM_OWNER);
      } else if (!People.known(task.getProcessEngineServices()).test(owner)) {
        throw new InvalidInputException("The new owner '" + owner + "' is not a known user");
      }
      items.reschedule(jamKey, itemKey, due, owner);
    } else if (DROPPED.equals(action)) {
      Inputs.required(task, OVERDUE_NOTE, "Say why the item is dropped", Inputs.TEXT_LENGTH);
      items.setStatus(jamKey, itemKey, ItemStatus.DROPPED.value());
    } else {
      throw new InvalidInputException(
          "overdueAction must be one of " + DONE + ", " + RESCHEDULED + ", " + DROPPED + ", got '" + action + "'");
    }
    Inputs.optional(task, OVERDUE_NOTE, "Note", Inputs.TEXT_LENGTH);
  }

  /** End of one item's escalation, resolved or cancelled: the item may be escalated again later. */
  public void closed(DelegateExecution execution) {
    items.clearEscalation((String) execution.getVariable(JAM_KEY), (String) execution.getVariable(ITEM_KEY));
  }
}
