package org.communitylifecycle.engine;

import java.util.ArrayList;
import java.util.List;
// History event handlers and engine plugins have no public API: they are the engine's own extension points.
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * The engine writes its history through one database handler that asks the modules' {@link
 * HistoryRule}s first: the engine's own handler is replaced by the same handler behind them. With no
 * rule, or for every process no rule names, history is written as the engine would.
 */
@Component
public class HistoryRecording extends AbstractProcessEnginePlugin {

  private final List<HistoryRule> rules;

  public HistoryRecording(List<HistoryRule> rules) {
    this.rules = List.copyOf(rules);
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setEnableDefaultDbHistoryEventHandler(false);
    List<HistoryEventHandler> handlers = new ArrayList<>();
    handlers.add(new RuledHandler(rules));
    if (configuration.getCustomHistoryEventHandlers() != null) {
      handlers.addAll(configuration.getCustomHistoryEventHandlers());
    }
    configuration.setCustomHistoryEventHandlers(handlers);
  }

  static final class RuledHandler extends DbHistoryEventHandler {

    private final List<HistoryRule> rules;

    RuledHandler(List<HistoryRule> rules) {
      this.rules = rules;
    }

    @Override
    public void handleEvent(HistoryEvent event) {
      if (rules.stream().allMatch(rule -> rule.recorded(event))) {
        super.handleEvent(event);
      }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
      events.forEach(this::handleEvent);
    }

    @Override
    protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity change) {
      return super.shouldWriteHistoricDetail(change) && rules.stream().allMatch(rule -> rule.detailRecorded(change));
    }
  }
}
