package org.communitylifecycle.alumni;

import java.util.ArrayList;
import java.util.List;
// History event handlers and engine plugins have no public API: they are the engine's own extension points.
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
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
public class PersonalDataHistory extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    // The engine's own database handler is replaced by the same handler behind the filter.
    configuration.setEnableDefaultDbHistoryEventHandler(false);
    List<HistoryEventHandler> handlers = new ArrayList<>();
    handlers.add(new WithoutPersonalData());
    if (configuration.getCustomHistoryEventHandlers() != null) {
      handlers.addAll(configuration.getCustomHistoryEventHandlers());
    }
    configuration.setCustomHistoryEventHandlers(handlers);
  }

  /** Whether the engine may record this event. */
  static boolean recorded(HistoryEvent event) {
    if (!ofAlumniNetwork(event)) {
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

  private static boolean ofAlumniNetwork(HistoryEvent event) {
    if (event.getProcessDefinitionKey() != null) {
      return AlumniNetworkContract.PROCESS_KEY.equals(event.getProcessDefinitionKey());
    }
    // Process definition ids are "key:version:id".
    String definitionId = event.getProcessDefinitionId();
    return definitionId != null && definitionId.startsWith(AlumniNetworkContract.PROCESS_KEY + ":");
  }

  static final class WithoutPersonalData extends DbHistoryEventHandler {

    @Override
    public void handleEvent(HistoryEvent event) {
      if (recorded(event)) {
        super.handleEvent(event);
      }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
      events.forEach(this::handleEvent);
    }
  }
}
