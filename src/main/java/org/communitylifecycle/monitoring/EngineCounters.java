package org.communitylifecycle.monitoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
// Engine plugins and BPMN parse listeners exist only in the engine's impl packages; there is no public API for them.
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Counts user tasks created and completed and process instances started and ended, since the
 * application started, per process key of processes/*.bpmn (other processes count as
 * {@value #OTHER}). An engine plugin adds the listeners to every process as the engine parses it,
 * as the mail's plugin does; they run in the engine's command, so a command that rolls back has
 * counted all the same (Prometheus' rate() does not mind). The engine's own metrics
 * ({@code ManagementService.createMetricsQuery()}) are flushed to the database only every few
 * minutes and have no task counts, hence listeners.
 */
@Component
class EngineCounters extends AbstractProcessEnginePlugin {

  static final String OTHER = "other";

  enum Kind { TASK_CREATED, TASK_COMPLETED, INSTANCE_STARTED, INSTANCE_ENDED }

  private final Set<String> processKeys;
  private final Map<Kind, Map<String, LongAdder>> counts = new ConcurrentHashMap<>();

  // Not EngineFigures, which needs the engine's services: the engine needs its plugins first.
  @Autowired
  EngineCounters() {
    this(EngineFigures.shippedProcessKeys());
  }

  EngineCounters(Set<String> processKeys) {
    this.processKeys = Set.copyOf(processKeys);
    for (Kind kind : Kind.values()) {
      Map<String, LongAdder> perKey = new ConcurrentHashMap<>();
      for (String key : processKeys) {
        perKey.put(key, new LongAdder());
      }
      perKey.put(OTHER, new LongAdder());
      counts.put(kind, perKey);
    }
  }

  /** Every tag value a counter has: the shipped process keys and {@value #OTHER}. */
  Set<String> tags(Kind kind) {
    return counts.get(kind).keySet();
  }

  long count(Kind kind, String tag) {
    return counts.get(kind).get(tag).sum();
  }

  void add(Kind kind, String processKey) {
    counts.get(kind).get(processKeys.contains(processKey) ? processKey : OTHER).increment();
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = new ArrayList<>();
    if (configuration.getCustomPostBPMNParseListeners() != null) {
      listeners.addAll(configuration.getCustomPostBPMNParseListeners());
    }
    listeners.add(new Counting());
    configuration.setCustomPostBPMNParseListeners(listeners);
  }

  private final class Counting extends AbstractBpmnParseListener {

    @Override
    public void parseProcess(Element element, ProcessDefinitionEntity process) {
      String key = process.getKey();
      process.addListener(ExecutionListener.EVENTNAME_START, execution -> add(Kind.INSTANCE_STARTED, key));
      process.addListener(ExecutionListener.EVENTNAME_END, execution -> add(Kind.INSTANCE_ENDED, key));
    }

    @Override
    public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
      String key = ((ProcessDefinitionEntity) activity.getProcessDefinition()).getKey();
      TaskDefinition definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
      definition.addTaskListener(TaskListener.EVENTNAME_CREATE, task -> add(Kind.TASK_CREATED, key));
      definition.addTaskListener(TaskListener.EVENTNAME_COMPLETE, task -> add(Kind.TASK_COMPLETED, key));
    }
  }
}
