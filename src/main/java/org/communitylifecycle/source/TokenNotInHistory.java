package org.communitylifecycle.source;

// History events have no public API: they are the engine's own extension point.
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.communitylifecycle.engine.HistoryRule;
import org.springframework.stereotype.Component;

/**
 * A source's token typed into "Add a contribution source" is never history: not as a variable,
 * not as a submitted form field. (The service task removes it from the instance at once.)
 */
@Component
public class TokenNotInHistory implements HistoryRule {

  @Override
  public boolean recorded(HistoryEvent event) {
    if (event instanceof HistoricVariableUpdateEventEntity variable) {
      return !AddContributionSource.TOKEN.equals(variable.getVariableName());
    }
    if (event instanceof HistoricFormPropertyEventEntity field) {
      return !AddContributionSource.TOKEN.equals(field.getPropertyId());
    }
    return true;
  }
}
