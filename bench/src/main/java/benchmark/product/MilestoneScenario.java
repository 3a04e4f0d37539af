package benchmark.product;

import benchmark.Engines;
import benchmark.Scenario;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationContext;

/**
 * The real milestone process (processes/milestone.bpmn) as a stage starts it: an activator of one of
 * ten community teams delivers, a CBT liaison reviews and accepts. Tasks are found by business key
 * and completed as Tasklist does: through the engine API, authenticated as the user with their groups,
 * the authorization checks on.
 */
final class MilestoneScenario implements Scenario {

  static final String KEY = "milestone";
  static final String ACTIVATOR = "benchactivator";
  static final String LIAISON = "benchliaison";
  static final int TEAMS = 10;
  static final String DELIVER = "Task_DeliverMilestone";
  static final String REVIEW = "Task_ReviewDeliverable";

  private final ProcessEngine engine;
  private final ApplicationContext context;
  private final List<String> activatorGroups = new ArrayList<>();
  private final List<String> liaisonGroups = List.of("cbt-liaisons");
  private final Map<String, String> filters = new java.util.concurrent.ConcurrentHashMap<>();

  MilestoneScenario(ProcessEngine engine, ApplicationContext context) {
    this.engine = engine;
    this.context = context;
    activatorGroups.add("activators");
    for (int t = 0; t < TEAMS; t++) {
      activatorGroups.add(team(t));
    }
  }

  private static String team(int t) {
    return "bench-community-" + t + "-activators";
  }

  @Override
  public Map<String, String> describe() {
    Map<String, String> about = Engines.describe(engine, context);
    if (!about.get("plugins").contains("org.communitylifecycle")) {
      throw new IllegalStateException("the product engine runs none of the product's plugins: " + about.get("plugins"));
    }
    if (!Boolean.parseBoolean(about.get("authorization"))) {
      throw new IllegalStateException("the product runs without authorization");
    }
    return about;
  }

  @Override
  public void prepare() {
    Engines.user(engine.getIdentityService(), ACTIVATOR, activatorGroups.toArray(String[]::new));
    Engines.user(engine.getIdentityService(), LIAISON, liaisonGroups.toArray(String[]::new));
    if (engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(KEY).count() == 0) {
      throw new IllegalStateException("the product did not deploy processes/milestone.bpmn");
    }
  }

  @Override
  public void start(String businessKey, int index) {
    int community = index % TEAMS;
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("milestoneKey", "bench-milestone");
    inputs.put("milestoneName", "Benchmark milestone " + index);
    inputs.put("stage", "starting");
    inputs.put("deliverable", "A written plan");
    inputs.put("communityName", "Bench community " + community);
    inputs.put("responsibleUser", ACTIVATOR);
    inputs.put("responsibleGroup", team(community));
    inputs.put("supportUser", LIAISON);
    inputs.put("supportGroup", "cbt-liaisons");
    engine.getRuntimeService().startProcessInstanceByKey(KEY, businessKey, inputs);
  }

  @Override
  public String stallProcessKey() {
    return KEY;
  }

  @Override
  public String stallTimer() {
    return "Timer_DeliveryStalled";
  }

  @Override
  public String followUpTask() {
    return "Task_FollowUpStalledDelivery";
  }

  @Override
  public void startStalling(String businessKey, int index) {
    start(businessKey, index);
  }

  @Override
  public int complete(String businessKey) {
    completeAs(ACTIVATOR, activatorGroups, businessKey, DELIVER,
        Map.of("deliverableUrl", "https://wiki.example.org/" + businessKey, "deliverableSummary", "The plan"));
    completeAs(LIAISON, liaisonGroups, businessKey, REVIEW, Map.of("reviewDecision", "accept"));
    return 2;
  }

  private void completeAs(String user, List<String> groups, String businessKey, String step, Map<String, Object> form) {
    engine.getIdentityService().setAuthentication(user, groups);
    try {
      Task task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(businessKey).singleResult();
      if (task == null || !step.equals(task.getTaskDefinitionKey())) {
        throw new IllegalStateException(businessKey + ": expected " + step + " for " + user + ", found "
            + (task == null ? "no task" : task.getTaskDefinitionKey()));
      }
      engine.getTaskService().complete(task.getId(), form);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  @Override
  public long endedAsExpected(List<String> businessKeys) {
    String prefix = businessKeys.get(0).substring(0, businessKeys.get(0).lastIndexOf('-') + 1);
    Set<String> ended = new HashSet<>(engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(KEY).processInstanceBusinessKeyLike(prefix + "%").completed().list().stream()
        .filter(p -> p.getEndTime() != null).map(HistoricProcessInstance::getId).toList());
    return engine.getHistoryService().createHistoricVariableInstanceQuery().processDefinitionKey(KEY)
        .variableValueEquals("milestoneOutcome", "accepted").disableBinaryFetching().list().stream()
        .map(HistoricVariableInstance::getProcessInstanceId).distinct().filter(ended::contains).count();
  }

  @Override
  public long openTasks() {
    return engine.getTaskService().createTaskQuery().processDefinitionKey(KEY).count();
  }

  @Override
  public Map<String, Supplier<Integer>> firstPages() {
    Map<String, Supplier<Integer>> pages = new LinkedHashMap<>();
    // Tasklist's "My group tasks": the candidate groups of the user (incl. their community teams), by due date.
    pages.put("group", () -> filterPage("My group tasks"));
    // Tasklist's "Due soon": the activator's Deliver steps, soonest first.
    pages.put("due-soon", () -> filterPage("Due soon"));
    return pages;
  }

  private int filterPage(String name) {
    String filter = filters.computeIfAbsent(name, n -> engine.getFilterService().createFilterQuery().filterName(n).list()
        .stream().filter(f -> f.getOwner() == null).map(Filter::getId).findFirst()
        .orElseThrow(() -> new IllegalStateException("no shared Tasklist filter '" + n + "'")));
    engine.getIdentityService().setAuthentication(ACTIVATOR, activatorGroups);
    try {
      return engine.getFilterService().listPage(filter, 0, 20).size();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }
}
