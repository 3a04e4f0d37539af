package benchmark.bare;

import benchmark.Engines;
import benchmark.Scenario;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;
import org.springframework.context.ApplicationContext;

/** A chain of five user tasks, each for the candidate group activators, due a week after the start. */
final class BareScenario implements Scenario {

  static final String KEY = "bench-chain";
  static final int TASKS = 5;
  static final String STALL_KEY = "bench-stall";
  static final String STALL_TIMER = "Timer_Stalled";
  static final String FOLLOW_UP = "Task_FollowUp";
  static final String USER = "benchactivator";
  static final List<String> GROUPS = List.of("activators");

  private final ProcessEngine engine;
  private final ApplicationContext context;
  private final long base = System.currentTimeMillis() + 7L * 24 * 3600 * 1000;

  BareScenario(ProcessEngine engine, ApplicationContext context) {
    this.engine = engine;
    this.context = context;
  }

  @Override
  public Map<String, String> describe() {
    List<String> product = Engines.productBeans(context);
    if (!product.isEmpty()) {
      throw new IllegalStateException("the bare app loaded beans of the product: " + product);
    }
    Map<String, String> about = Engines.describe(engine, context);
    if (about.get("plugins").contains("org.communitylifecycle")) {
      throw new IllegalStateException("the bare engine runs plugins of the product: " + about.get("plugins"));
    }
    return about;
  }

  @Override
  public void prepare() {
    AbstractFlowNodeBuilder<?, ?> chain = Bpmn.createExecutableProcess(KEY).camundaHistoryTimeToLive(180).startEvent();
    for (int i = 1; i <= TASKS; i++) {
      chain = chain.userTask("Task_" + i).name("Step " + i).camundaCandidateGroups("activators").camundaDueDate("${due}");
    }
    BpmnModelInstance model = chain.endEvent().done();
    // The stall burst's reference: a task with a non-interrupting timer that creates a follow-up task.
    BpmnModelInstance stall = Bpmn.createExecutableProcess(STALL_KEY).camundaHistoryTimeToLive(180).startEvent()
        .userTask("Task_Work").camundaCandidateGroups("activators").camundaDueDate("${due}")
        .boundaryEvent(STALL_TIMER).cancelActivity(false).timerWithDuration("P7D")
        .userTask(FOLLOW_UP).camundaCandidateGroups("activators").endEvent("EndEvent_FollowedUp")
        .moveToActivity("Task_Work").endEvent("EndEvent_Worked").done();
    engine.getRepositoryService().createDeployment().name(KEY).addModelInstance(KEY + ".bpmn", model)
        .addModelInstance(STALL_KEY + ".bpmn", stall).deploy();
    Engines.user(engine.getIdentityService(), USER, GROUPS.toArray(String[]::new));
  }

  @Override
  public void start(String businessKey, int index) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("due", new Date(base + index * 1000L));
    engine.getRuntimeService().startProcessInstanceByKey(KEY, businessKey, variables);
  }

  @Override
  public String stallProcessKey() {
    return STALL_KEY;
  }

  @Override
  public String stallTimer() {
    return STALL_TIMER;
  }

  @Override
  public String followUpTask() {
    return FOLLOW_UP;
  }

  @Override
  public void startStalling(String businessKey, int index) {
    engine.getRuntimeService().startProcessInstanceByKey(STALL_KEY, businessKey, Map.of("due", new Date(base + index * 1000L)));
  }

  @Override
  public int complete(String businessKey) {
    engine.getIdentityService().setAuthentication(USER, GROUPS);
    try {
      int done = 0;
      Task task;
      while ((task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(businessKey).singleResult()) != null) {
        engine.getTaskService().complete(task.getId());
        done++;
      }
      if (done != TASKS) {
        throw new IllegalStateException(businessKey + ": completed " + done + " tasks, expected " + TASKS);
      }
      return done;
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  @Override
  public long endedAsExpected(List<String> businessKeys) {
    String prefix = businessKeys.get(0).substring(0, businessKeys.get(0).lastIndexOf('-') + 1);
    List<String> ended = engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(KEY)
        .processInstanceBusinessKeyLike(prefix + "%").completed().list().stream()
        .filter(p -> p.getEndTime() != null).map(HistoricProcessInstance::getId).toList();
    Map<String, Integer> done = new HashMap<>();
    for (HistoricTaskInstance task : engine.getHistoryService().createHistoricTaskInstanceQuery().processDefinitionKey(KEY)
        .finished().taskDeleteReason("completed").list()) {
      done.merge(task.getProcessInstanceId(), 1, Integer::sum);
    }
    return ended.stream().filter(id -> done.getOrDefault(id, 0) == TASKS).count();
  }

  @Override
  public long openTasks() {
    return engine.getTaskService().createTaskQuery().processDefinitionKey(KEY).count();
  }

  @Override
  public Map<String, Supplier<Integer>> firstPages() {
    Map<String, Supplier<Integer>> pages = new LinkedHashMap<>();
    pages.put("group", () -> {
      engine.getIdentityService().setAuthentication(USER, GROUPS);
      try {
        return engine.getTaskService().createTaskQuery().taskCandidateGroupIn(GROUPS).includeAssignedTasks()
            .orderByDueDate().asc().listPage(0, 20).size();
      } finally {
        engine.getIdentityService().clearAuthentication();
      }
    });
    return pages;
  }
}
