package org.communitylifecycle.notification;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.TaskListener;
// Engine plugins and BPMN parse listeners exist only in the engine's impl packages; there is no public API for them.
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseUtil;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Adds {@link TaskMailListener} to every user task of every process, as the engine parses it.
 *
 * <p>Why an engine plugin with a parse listener rather than the Spring Boot starter's event bridge
 * ({@code camunda.bpm.eventing.task}): the mark that makes a task an escalation, the extension
 * property {@code notification="escalation"}, is read once per task definition at parse time here,
 * instead of looking up the BPMN model instance on every task event; a typo in it fails the
 * deployment with a message, as a wrong form reference does; and mail keeps working whatever an
 * operator sets for the starter's eventing, which has other listeners' costs attached. Both run
 * inside the engine's command, in its transaction, which is what the outbox needs.
 */
@Component
class MailEnginePlugin extends AbstractProcessEnginePlugin {

  /** The extension property that marks a user task, and the value that makes it an escalation. */
  static final String PROPERTY = "notification";

  private final TaskMails mails;

  MailEnginePlugin(TaskMails mails) {
    this.mails = mails;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = new ArrayList<>();
    if (configuration.getCustomPostBPMNParseListeners() != null) {
      listeners.addAll(configuration.getCustomPostBPMNParseListeners());
    }
    // Post-parse: the model's own create listeners (which add the community to the task's name) come first.
    listeners.add(new MarkedTasks(mails));
    configuration.setCustomPostBPMNParseListeners(listeners);
  }

  /** Gives every user task the mail listener, for escalation or for assignment as its mark says. */
  static final class MarkedTasks extends AbstractBpmnParseListener {

    private final TaskMails mails;

    MarkedTasks(TaskMails mails) {
      this.mails = mails;
    }

    @Override
    public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
      MailKind kind = kindOf(activity.getId(), BpmnParseUtil.parseCamundaExtensionProperties(element));
      TaskDefinition definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
      TaskListener listener = new TaskMailListener(kind, mails);
      definition.addTaskListener(TaskListener.EVENTNAME_CREATE, listener);
      definition.addTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, listener);
    }

    static MailKind kindOf(String taskId, Map<String, String> properties) {
      String mark = properties == null ? null : properties.get(PROPERTY);
      if (mark == null) {
        return MailKind.ASSIGNMENT;
      }
      if (MailKind.ESCALATION.key().equals(mark.trim())) {
        return MailKind.ESCALATION;
      }
      throw new ProcessEngineException("User task " + taskId + " has the extension property " + PROPERTY + "='" + mark
          + "'; the only value it takes is '" + MailKind.ESCALATION.key() + "' (leave it out for an ordinary task)");
    }
  }
}
