package org.communitylifecycle.tasklist;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
// A BPMN parse listener, registered by an engine plugin, has no public API.
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * What a Tasklist list item shows besides the task's name: the community, the milestone, the
 * cohort, the hub or the ops jam it belongs to, copied onto each user task as it is created, as
 * task variables named {@code list...} that the filters' columns name ({@link TasklistFilters}).
 *
 * <p>Why copies: Tasklist reads a list's columns with a variable query, which the engine answers
 * for an activator only with variables of tasks they may read (their task's {@code READ_VARIABLE});
 * the process instance's own variables stay closed to them, so that no activator reads another
 * community's data. The copies carry their own names so that they never hide the process variable
 * of the same meaning from a form or a listener.
 */
@Component
class ListColumns extends AbstractProcessEnginePlugin {

  /** The task variables of the list columns, and the process variables they are copied from. */
  static final Map<String, String> COPIED = Map.of(
      "listCommunity", "communityName",
      "listMilestone", "milestoneName",
      "listCohort", "cohortName",
      "listHub", "hubName",
      "listJam", "jamName");
  static final String CHANGES = "listChanges";
  static final String DELIVERABLE = "listDeliverable";
  /** Every task variable this class writes. */
  static final Set<String> COLUMNS = Stream.concat(COPIED.keySet().stream(), Stream.of(CHANGES, DELIVERABLE))
      .collect(Collectors.toUnmodifiableSet());

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = new ArrayList<>();
    if (configuration.getCustomPostBPMNParseListeners() != null) {
      listeners.addAll(configuration.getCustomPostBPMNParseListeners());
    }
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
            .addTaskListener(TaskListener.EVENTNAME_CREATE, ListColumns::copy);
      }
    });
    configuration.setCustomPostBPMNParseListeners(listeners);
  }

  static void copy(DelegateTask task) {
    COPIED.forEach((column, source) -> {
      Object value = task.getVariable(source);
      if (value instanceof String text && !text.isBlank()) {
        task.setVariableLocal(column, text);
      }
    });
    // A deliverable back with changes requested says which; a review names what it reviews.
    if ("request-changes".equals(task.getVariable("reviewDecision")) && task.getVariable("reviewComment") instanceof String comment) {
      task.setVariableLocal(CHANGES, comment);
    }
    if (TasklistFilters.REVIEWS.contains(task.getTaskDefinitionKey()) && task.getVariable("deliverableUrl") instanceof String url) {
      task.setVariableLocal(DELIVERABLE, url);
    }
  }
}
