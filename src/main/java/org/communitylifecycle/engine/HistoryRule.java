package org.communitylifecycle.engine;

// History events have no public API: they are the engine's own extension point.
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;

/**
 * What a module keeps out of the engine's history (a Spring bean; {@link HistoryRecording} asks
 * every one). The history level stays {@code full}: a rule leaves out what nobody reads, or what
 * must not be kept, for its own processes only.
 */
public interface HistoryRule {

  /** Whether the engine writes the event at all. */
  default boolean recorded(HistoryEvent event) {
    return true;
  }

  /**
   * Whether a variable's change gets a row of its own in ACT_HI_DETAIL. The variable's last value
   * stays in ACT_HI_VARINST either way.
   */
  default boolean detailRecorded(HistoricVariableUpdateEventEntity change) {
    return true;
  }

  /** Whether the event belongs to an instance of the process with this key. */
  static boolean ofProcess(HistoryEvent event, String processKey) {
    if (event.getProcessDefinitionKey() != null) {
      return processKey.equals(event.getProcessDefinitionKey());
    }
    // Process definition ids are "key:version:id".
    String definitionId = event.getProcessDefinitionId();
    return definitionId != null && definitionId.startsWith(processKey + ":");
  }
}
