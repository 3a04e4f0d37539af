package org.communitylifecycle.tasklist;

// History events have no public API: they are the engine's own extension point.
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.communitylifecycle.engine.HistoryRule;
import org.springframework.stereotype.Component;

/**
 * The list columns' task variables ({@link ListColumns}) are copies, made for Tasklist's list while
 * the task is open; their sources stay in the history. The engine writes none of them to its history
 * tables (up to five rows per milestone, and their updates when the instance ends).
 */
@Component
class ListColumnsHistory implements HistoryRule {

  @Override
  public boolean recorded(HistoryEvent event) {
    return !(event instanceof HistoricVariableUpdateEventEntity variable && variable.getTaskId() != null
        && ListColumns.COLUMNS.contains(variable.getVariableName()));
  }
}
