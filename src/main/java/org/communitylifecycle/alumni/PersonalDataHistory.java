package org.communitylifecycle.alumni;

// History events have no public API: they are the engine's own extension point.
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.communitylifecycle.engine.HistoryRule;
import org.springframework.stereotype.Component;

/**
 * Keeps residents' personal data out of the engine's history. The engine writes every variable
 * and every submitted form field to its history tables, where nothing can be taken out of a list
 * of many people again. So for the alumni network:
 *
 * <ul>
 *   <li>the variables in {@link AlumniNetworkContract#PERSONAL} (the roster of the start form, the
 *       invitation links, the reunion contacts) are never written to history, and
 *   <li>submitted forms are recorded once, as the variable updates they cause, not a second time
 *       as form fields, so that erasing a variable's history erases all of it.
 * </ul>
 *
 * Every other process, and every other event of this one, is recorded as before.
 */
@Component
public class PersonalDataHistory implements HistoryRule {

  /** Whether the engine may record this event. */
  @Override
  public boolean recorded(HistoryEvent event) {
    if (!HistoryRule.ofProcess(event, AlumniNetworkContract.PROCESS_KEY)) {
      return true;
    }
    if (event instanceof HistoricFormPropertyEventEntity) {
      return false;
    }
    if (event instanceof HistoricVariableUpdateEventEntity variable) {
      return !AlumniNetworkContract.PERSONAL.contains(variable.getVariableName());
    }
    return true;
  }
}
