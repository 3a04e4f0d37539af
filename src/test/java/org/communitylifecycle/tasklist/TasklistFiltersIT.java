package org.communitylifecycle.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.communitylifecycle.identity.Groups;
import org.communitylifecycle.identity.Teams;
import org.communitylifecycle.testsupport.RunningApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.communitylifecycle.milestone.MilestoneContract;

/**
 * The Tasklist filters each role finds, in the order Tasklist shows them, and what each holds:
 * the soonest milestone first, a delivery waiting for its liaison's review and back with changes,
 * stalled steps in the communities a liaison supports and in no other.
 */
class TasklistFiltersIT extends RunningApplication {

  @Autowired TestRestTemplate rest;
  @Autowired FilterService filters;
  @Autowired IdentityService identity;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired org.camunda.bpm.engine.HistoryService history;
  @Autowired TasklistFilters seeding;

  private final List<String> started = new ArrayList<>();
  private final List<String> users = new ArrayList<>();
  private final List<String> groups = new ArrayList<>();

  @BeforeEach
  void liaisonOfAnotherCommunity() {
    createUser("lena", Groups.CBT_LIAISONS);
  }

  @AfterEach
  void cleanUp() {
    identity.clearAuthentication();
    started.forEach(id -> runtime.deleteProcessInstance(id, "TasklistFiltersIT", true, true));
    users.forEach(identity::deleteUser);
    groups.forEach(identity::deleteGroup);
  }

  @Test
  void eachRoleFindsItsOwnFiltersFirstInTasklistsOrder() {
    assertThat(filterNames("alice")).containsExactly("Due soon", "Changes requested", "Delegated", "My tasks", "My group tasks");
    assertThat(filterNames("bob"))
        .containsExactly("Waiting for my review", "Stalled in my communities", "My follow-ups", "My tasks", "My group tasks");
    assertThat(filterNames("dave")).containsExactly("Escalated to leads", "My tasks", "My group tasks");
    assertThat(filterNames("maya")).containsExactly("My cohorts", "My tasks", "My group tasks");
    assertThat(filterNames("mina")).containsExactly("My standups", "My tasks", "My group tasks");
    assertThat(filterNames("hana")).containsExactly("My alumni network", "My tasks", "My group tasks");
    for (String opsJamPerson : List.of("paula", "bruno", "ines")) {
      assertThat(filterNames(opsJamPerson)).as(opsJamPerson).containsExactly("My ops jam work", "My tasks", "My group tasks");
    }
    // The items name the community and the milestone, not only the task.
    Map<String, Object> properties = filter("Due soon").getProperties();
    assertThat(properties.get("variables").toString()).contains("listCommunity", "Community", "listMilestone", "Milestone");
  }

  @Test
  void dueSoonListsOnlyMyDeliverStepsSoonestFirstWhateverTasklistSortsBy() {
    List<Task> dueSoon = listAs("alice", "Due soon");
    assertThat(dueSoon).isNotEmpty();
    assertThat(dueSoon).allSatisfy(task -> {
      assertThat(task.getTaskDefinitionKey()).isEqualTo("Task_DeliverMilestone");
      assertThat(task.getAssignee()).isEqualTo("alice");
      assertThat(task.getDueDate()).isNotNull();
    });
    // Tasklist asks for "created, newest first": the filter's due date comes before that.
    List<Map<String, Object>> asTasklistAsks = rest.withBasicAuth("alice", "demo").exchange(
        "/engine-rest/filter/" + filter("Due soon").getId() + "/list", HttpMethod.POST,
        new org.springframework.http.HttpEntity<>(Map.of("sorting", List.of(Map.of("sortBy", "created", "sortOrder", "desc")))),
        new ParameterizedTypeReference<List<Map<String, Object>>>() {}).getBody();
    List<String> due = asTasklistAsks.stream().map(task -> (String) task.get("due")).toList();
    assertThat(due).hasSize(dueSoon.size()).isSortedAccordingTo(Comparator.naturalOrder());
    assertThat(countAs("alice", "Due soon")).isEqualTo(dueSoon.size());
    assertThat(listAs("bart", "Due soon")).extracting(Task::getAssignee).containsOnly("bart");
  }

  @Test
  void aDeliveryWaitsForItsLiaisonsReviewAndComesBackWithTheChangesRequested() {
    String instance = startMilestone("bob");
    Task deliver = tasks.createTaskQuery().processInstanceId(instance).singleResult();
    assertThat(listAs("alice", "Due soon")).extracting(Task::getId).contains(deliver.getId());
    long waitingBefore = countAs("bob", "Waiting for my review");

    tasks.complete(deliver.getId(), Map.of("deliverableUrl", "https://wiki.example.org/filters-check",
        "deliverableSummary", "The checklist, written up"));
    Task review = tasks.createTaskQuery().processInstanceId(instance).singleResult();
    assertThat(review.getTaskDefinitionKey()).isEqualTo("Task_ReviewDeliverable");
    assertThat(listAs("bob", "Waiting for my review")).extracting(Task::getId).contains(review.getId());
    assertThat(countAs("bob", "Waiting for my review")).isEqualTo(waitingBefore + 1);
    assertThat(listAs("lena", "Waiting for my review")).extracting(Task::getId).doesNotContain(review.getId());
    assertThat(listAs("alice", "Changes requested")).extracting(Task::getProcessInstanceId).doesNotContain(instance);

    // What Tasklist shows in bob's list item, read as Tasklist reads it.
    assertThat(columnsAs("bob", "Waiting for my review").get(review.getId())).containsEntry("listCommunity", "Filters Check " + key(instance))
        .containsEntry("listMilestone", "Check the filters").containsEntry("listDeliverable", "https://wiki.example.org/filters-check");

    tasks.complete(review.getId(), Map.of("reviewDecision", "request-changes", "reviewComment", "Link the sign-up sheet too"));
    Task again = tasks.createTaskQuery().processInstanceId(instance).singleResult();
    assertThat(again.getTaskDefinitionKey()).isEqualTo("Task_DeliverMilestone");
    assertThat(listAs("alice", "Changes requested")).extracting(Task::getId).contains(again.getId());
    assertThat(columnsAs("alice", "Changes requested").get(again.getId()))
        .containsEntry("listMilestone", "Check the filters").containsEntry("listChanges", "Link the sign-up sheet too");
    // The copies are the task's own: the process's variables are what the form and the listeners change.
    assertThat(runtime.getVariable(instance, "reviewComment")).isEqualTo("Link the sign-up sheet too");
    tasks.complete(again.getId(), Map.of("deliverableUrl", "https://wiki.example.org/filters-check-2",
        "deliverableSummary", "With the sign-up sheet"));
    assertThat(runtime.getVariable(instance, "reviewComment")).isNull();
    assertThat(listAs("bob", "Waiting for my review")).extracting(Task::getId).doesNotContain(review.getId());
    // The copies live while their task does; the history keeps their sources only (ListColumnsHistory).
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance).list())
        .extracting(org.camunda.bpm.engine.history.HistoricVariableInstance::getName)
        .contains("communityName", "milestoneName", "deliverableUrl")
        .doesNotContainAnyElementsOf(ListColumns.COLUMNS);
  }

  @Test
  void aStalledStepShowsToTheLiaisonsOfItsCommunityAndToNoOtherLiaison() {
    String bobs = startMilestone("bob");
    String lenas = startMilestone("lena");
    Task bobsDeliver = tasks.createTaskQuery().processInstanceId(bobs).singleResult();
    Task lenasDeliver = tasks.createTaskQuery().processInstanceId(lenas).singleResult();
    assertThat(listAs("bob", "Stalled in my communities")).extracting(Task::getId)
        .doesNotContain(bobsDeliver.getId(), lenasDeliver.getId());

    Date yesterday = new Date(ClockUtil.getCurrentTime().getTime() - 24 * 3600 * 1000L);
    tasks.setDueDate(bobsDeliver.getId(), yesterday);
    tasks.setDueDate(lenasDeliver.getId(), yesterday);
    assertThat(listAs("bob", "Stalled in my communities")).extracting(Task::getId)
        .contains(bobsDeliver.getId()).doesNotContain(lenasDeliver.getId());
    assertThat(listAs("lena", "Stalled in my communities")).extracting(Task::getId).containsExactly(lenasDeliver.getId());
    // Activators have no such filter: it is the liaisons' (403 from the REST API, nothing from the service).
    assertThat(filterNames("alice")).doesNotContain("Stalled in my communities");
  }

  @Test
  void seedingAgainAddsNothingAndBringsAnOlderRevisionUpToDate() throws Exception {
    Filter dueSoon = filter("Due soon");
    dueSoon.setProperties(new HashMap<>(Map.of("description", "old", "priority", 7,
        TasklistFilters.REVISION_PROPERTY, TasklistFilters.REVISION - 1)));
    filters.saveFilter(dueSoon);
    Filter mine = filters.newTaskFilter("Due soon").setOwner("alice").setQuery(tasks.createTaskQuery());
    filters.saveFilter(mine);
    try {
      seeding.run(new DefaultApplicationArguments());
      seeding.run(new DefaultApplicationArguments());
      Filter updated = filters.getFilter(dueSoon.getId());
      assertThat(updated.getProperties()).containsEntry("priority", -60)
          .containsEntry(TasklistFilters.REVISION_PROPERTY, TasklistFilters.REVISION);
      for (TasklistFilters.Definition definition : seeding.definitions()) {
        assertThat(filters.createFilterQuery().filterName(definition.name()).list())
            .filteredOn(f -> f.getOwner() == null).as(definition.name()).hasSize(1);
      }
      assertThat(filters.createFilterQuery().filterName("Due soon").count()).isEqualTo(2);
      assertThat(filters.getFilter(mine.getId()).getProperties()).doesNotContainKey(TasklistFilters.REVISION_PROPERTY);
    } finally {
      filters.deleteFilter(mine.getId());
    }
  }

  /** A milestone of a community of its own whose activator is alice and whose liaison is the given one. */
  private String startMilestone(String liaison) {
    String key = "filters-" + UUID.randomUUID().toString().substring(0, 8);
    String activatorTeam = Teams.ensure(identity, Teams.Kind.ACTIVATORS, key, "Filters Check", List.of("alice"));
    String liaisonTeam = Teams.ensure(identity, Teams.Kind.LIAISONS, key, "Filters Check", List.of(liaison));
    groups.add(activatorTeam);
    groups.add(liaisonTeam);
    Map<String, Object> variables = new HashMap<>();
    variables.put("milestoneKey", "filters-check");
    variables.put("milestoneName", "Check the filters");
    variables.put("stage", "starting");
    variables.put("deliverable", "A written checklist");
    variables.put("communityName", "Filters Check " + key);
    variables.put("responsibleUser", "alice");
    variables.put("responsibleGroup", activatorTeam);
    variables.put("supportUser", liaison);
    variables.put("supportGroup", liaisonTeam);
    // What a stage holds about its community, and what "Stalled in my communities" reads.
    variables.put("activatorTeam", activatorTeam);
    variables.put("liaisonTeam", liaisonTeam);
    String id = runtime.startProcessInstanceByKey(MilestoneContract.PROCESS_KEY, key, variables).getId();
    started.add(id);
    return id;
  }

  private void createUser(String id, String group) {
    if (identity.createUserQuery().userId(id).count() > 0) {
      return;
    }
    User user = identity.newUser(id);
    user.setFirstName("Lena");
    user.setLastName("Liaison");
    user.setPassword("a-long-test-password-" + UUID.randomUUID());
    identity.saveUser(user);
    identity.createMembership(id, group);
    users.add(id);
  }

  private List<String> filterNames(String user) {
    List<Map<String, Object>> visible = restGet(user, "/engine-rest/filter?resourceType=Task", List.class);
    return visible.stream()
        .sorted(Comparator.comparing(f -> ((Number) ((Map<?, ?>) f.get("properties")).get("priority")).intValue()))
        .map(f -> (String) f.get("name"))
        .toList();
  }

  /** The list items' variables by task id, as Tasklist asks for them (HAL, the filter's columns). */
  @SuppressWarnings("unchecked")
  private Map<String, Map<String, Object>> columnsAs(String user, String filterName) {
    org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
    headers.set("Accept", "application/hal+json");
    headers.set("Content-Type", "application/json");
    Map<String, Object> hal = rest.withBasicAuth(user, "demo").exchange("/engine-rest/filter/" + filter(filterName).getId()
        + "/list?firstResult=0&maxResults=200", HttpMethod.POST, new org.springframework.http.HttpEntity<>("{}", headers),
        Map.class).getBody();
    Map<String, Object> embedded = (Map<String, Object>) hal.get("_embedded");
    Map<String, Map<String, Object>> columns = new HashMap<>();
    for (Map<String, Object> task : (List<Map<String, Object>>) embedded.get("task")) {
      Map<String, Object> values = new HashMap<>();
      Map<String, Object> ofTask = (Map<String, Object>) task.get("_embedded");
      List<Map<String, Object>> variables = ofTask == null ? List.of() : (List<Map<String, Object>>) ofTask.get("variable");
      for (Map<String, Object> variable : variables == null ? List.<Map<String, Object>>of() : variables) {
        values.put((String) variable.get("name"), variable.get("value"));
      }
      columns.put((String) task.get("id"), values);
    }
    return columns;
  }

  private String key(String instance) {
    return runtime.createProcessInstanceQuery().processInstanceId(instance).singleResult().getBusinessKey();
  }

  private Filter filter(String name) {
    return filters.createFilterQuery().filterName(name).orderByFilterId().asc().list().stream()
        .filter(f -> f.getOwner() == null).findFirst().orElseThrow();
  }

  private List<Task> listAs(String user, String filterName) {
    authenticate(user);
    try {
      return filters.list(filter(filterName).getId());
    } finally {
      identity.clearAuthentication();
    }
  }

  private long countAs(String user, String filterName) {
    authenticate(user);
    try {
      return filters.count(filter(filterName).getId());
    } finally {
      identity.clearAuthentication();
    }
  }

  private void authenticate(String user) {
    List<String> memberOf = identity.createGroupQuery().groupMember(user).list().stream().map(g -> g.getId()).toList();
    identity.setAuthentication(user, memberOf);
  }
}
