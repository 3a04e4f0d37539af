package org.communitylifecycle.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.communitylifecycle.testsupport.RestDeployment;
import org.communitylifecycle.testsupport.RunningApplication;
import org.communitylifecycle.testsupport.WebappSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.communitylifecycle.mentoring.MentoringCohortContract;

/**
 * Who may do what, asked through the doors a user has: the engine's REST API, the webapps' login
 * and the application's {@code /api}. Community A is the demo's SUMO Community (activator alice,
 * liaison bob), community B is Common Voice Kenya (activator bart, liaison bob); mina's standup is
 * in the demo mentoring cohort (mentors maya and mark), hana's task in the demo alumni cohort. Every cell is the
 * exact HTTP status; for a list, whether it shows A's data ("200 seen") or nothing ("200 none").
 * The expected table is the README's, Security section.
 */
class AuthorizationMatrixIT extends RunningApplication {

  static final String A = "sumo-community";
  static final String ANONYMOUS = "anonymous";
  /** activator of A, activator of B, liaison, community lead, designer, mentee, mentor, hub host. */
  static final List<String> PEOPLE = List.of("alice", "bart", "bob", "dave", "carol", "mateo", "maya", "hana", ANONYMOUS);

  static final Map<String, String> EXPECTED = table(
      "| resource                             | alice    | bart     | bob      | dave     | carol    | mateo    | maya     | hana     | anonymous |",
      "| A's Deliver task: read               | 200      | 404      | 200      | 200      | 404      | 404      | 404      | 404      | 401       |",
      "| A's Deliver task: claim              | 204      | 403      | 403      | 403      | 403      | 403      | 403      | 403      | 401       |",
      "| A's Deliver task: reassign           | 403      | 403      | 403      | 403      | 403      | 403      | 403      | 403      | 401       |",
      "| A's Deliver task: write variable     | 403      | 403      | 403      | 403      | 403      | 403      | 403      | 403      | 401       |",
      "| A's Deliver task: read variables     | 200      | 403      | 200      | 200      | 403      | 403      | 403      | 403      | 401       |",
      "| A's Deliver task: complete (bad URL) | 400      | 403      | 403      | 403      | 403      | 403      | 403      | 403      | 401       |",
      "| A's tasks: list                      | 200 seen | 200 none | 200 seen | 200 seen | 200 none | 200 none | 200 none | 200 none | 401       |",
      "| A's process variables: list          | 200 none | 200 none | 200 seen | 200 seen | 200 none | 200 none | 200 none | 200 none | 401       |",
      "| A's history: instances               | 200 none | 200 none | 200 seen | 200 seen | 200 none | 200 none | 200 none | 200 none | 401       |",
      "| A's history: tasks                   | 200 seen | 200 none | 200 seen | 200 seen | 200 none | 200 none | 200 none | 200 none | 401       |",
      "| A's history: variables               | 200 seen | 200 none | 200 seen | 200 seen | 200 none | 200 none | 200 none | 200 none | 401       |",
      "| Tasklist login                       | 200      | 200      | 200      | 200      | 200      | 200      | 200      | 200      | 401       |",
      "| Cockpit login                        | 403      | 403      | 200      | 200      | 200      | 403      | 403      | 403      | 401       |",
      "| Admin login                          | 403      | 403      | 403      | 403      | 403      | 403      | 403      | 403      | 401       |",
      "| deploy a model                       | 403      | 403      | 403      | 403      | 200      | 403      | 403      | 403      | 401       |",
      "| /api A's stages                      | 200      | 403      | 200      | 200      | 403      | 403      | 403      | 403      | 401       |",
      "| /api A's contributors                | 200      | 403      | 200      | 200      | 403      | 403      | 403      | 403      | 401       |",
      "| /api dashboard portfolio             | 403      | 403      | 200      | 200      | 403      | 403      | 403      | 403      | 401       |",
      "| /api mentoring cohorts               | 403      | 403      | 200      | 200      | 403      | 403      | 200      | 403      | 401       |",
      "| /api migration plan                  | 403      | 403      | 403      | 403      | 200      | 403      | 403      | 403      | 401       |",
      "| /api A's sources                     | 200      | 403      | 200      | 200      | 403      | 403      | 403      | 403      | 401       |",
      "| mina's standup: read                 | 404      | 404      | 200      | 200      | 404      | 404      | 200      | 404      | 401       |",
      "| mina's standup: claim                | 403      | 403      | 403      | 403      | 403      | 403      | 409      | 403      | 401       |",
      "| mina's standup: reassign             | 403      | 403      | 403      | 403      | 403      | 403      | 403      | 403      | 401       |",
      "| mina's standup: write variable       | 403      | 403      | 403      | 403      | 403      | 403      | 403      | 403      | 401       |",
      "| hana's alumni task: read             | 404      | 404      | 200      | 200      | 404      | 404      | 404      | 200      | 401       |");

  @Autowired TestRestTemplate rest;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;

  @Autowired ManagementService management;

  private Task deliver;
  private Task standup;
  private Task invitations;

  @BeforeEach
  void setUp() {
    PEOPLE.stream().filter(p -> !p.equals(ANONYMOUS)).forEach(identity::unlockUser);
    deliver = tasks.createTaskQuery().processInstanceBusinessKey(A).taskDefinitionKey("Task_DeliverMilestone")
        .taskAssignee("alice").orderByTaskId().asc().list().get(0);
    standup = minasStandup();
    invitations = tasks.createTaskQuery().taskDefinitionKey("Task_SendAlumniInvitations").taskAssignee("hana")
        .orderByTaskId().asc().list().get(0);
  }

  /** mina's update in the demo cohort; its first standup opens with the cohort's due timer, which the ITs run by hand. */
  private Task minasStandup() {
    for (int attempt = 0; attempt < 3; attempt++) {
      List<Task> open = tasks.createTaskQuery().taskDefinitionKey("Task_PostStandupUpdate").taskAssignee("mina")
          .orderByTaskId().asc().list();
      if (!open.isEmpty()) {
        return open.get(0);
      }
      management.createJobQuery().processDefinitionKey(MentoringCohortContract.PROCESS_KEY).timers().duedateLowerThan(
          ClockUtil.getCurrentTime()).list().forEach(job -> management.executeJob(job.getId()));
    }
    throw new AssertionError("the demo cohort opened no standup for mina");
  }

  @Test
  void everyRoleGetsExactlyWhatTheTableSays() {
    String task = "/engine-rest/task/" + deliver.getId();
    String instance = deliver.getProcessInstanceId();
    Map<String, Function<String, String>> probes = new LinkedHashMap<>();
    probes.put("A's Deliver task: read", user -> status(call(user, HttpMethod.GET, task, null)));
    probes.put("A's Deliver task: claim", user -> status(call(user, HttpMethod.POST, task + "/claim", Map.of("userId", user))));
    probes.put("A's Deliver task: reassign",
        user -> status(call(user, HttpMethod.POST, task + "/assignee", Map.of("userId", user))));
    probes.put("A's Deliver task: write variable", user -> status(call(user, HttpMethod.PUT, task + "/variables/probe",
        Map.of("value", "written by " + user, "type", "String"))));
    probes.put("A's Deliver task: read variables", user -> status(call(user, HttpMethod.GET, task + "/variables", null)));
    probes.put("A's Deliver task: complete (bad URL)", user -> status(call(user, HttpMethod.POST, task + "/submit-form",
        Map.of("variables", Map.of("deliverableUrl", Map.of("value", "our wiki"),
            "deliverableSummary", Map.of("value", "Tried by " + user))))));
    probes.put("A's tasks: list", user -> list(call(user, HttpMethod.GET, "/engine-rest/task?processInstanceBusinessKey=" + A, null)));
    // The process's own variables: a task's people also read the task's list columns (tasklist/ListColumns).
    probes.put("A's process variables: list", user -> processVariables(
        call(user, HttpMethod.GET, "/engine-rest/variable-instance?processInstanceIdIn=" + instance, null)));
    probes.put("A's history: instances", user -> list(call(user, HttpMethod.GET,
        "/engine-rest/history/process-instance?processInstanceBusinessKey=" + A, null)));
    probes.put("A's history: tasks",
        user -> list(call(user, HttpMethod.GET, "/engine-rest/history/task?processInstanceId=" + instance, null)));
    probes.put("A's history: variables", user -> list(call(user, HttpMethod.GET,
        "/engine-rest/history/variable-instance?processInstanceId=" + instance, null)));
    probes.put("Tasklist login", user -> login(user, "tasklist"));
    probes.put("Cockpit login", user -> login(user, "cockpit"));
    probes.put("Admin login", user -> login(user, "admin"));
    probes.put("deploy a model", user -> status(deploy(user)));
    probes.put("/api A's stages", user -> status(call(user, HttpMethod.GET, "/api/communities/" + A + "/stages", null)));
    probes.put("/api A's contributors",
        user -> status(call(user, HttpMethod.GET, "/api/communities/" + A + "/contributors", null)));
    probes.put("/api dashboard portfolio", user -> status(call(user, HttpMethod.GET, "/api/dashboard/portfolio", null)));
    probes.put("/api mentoring cohorts", user -> status(call(user, HttpMethod.GET, "/api/mentoring/cohorts", null)));
    probes.put("/api migration plan", user -> status(call(user, HttpMethod.GET, "/api/migrations/plan?processKey=milestone", null)));
    probes.put("/api A's sources", user -> status(call(user, HttpMethod.GET, "/api/communities/" + A + "/sources", null)));

    String minas = "/engine-rest/task/" + standup.getId();
    probes.put("mina's standup: read", user -> status(call(user, HttpMethod.GET, minas, null)));
    probes.put("mina's standup: claim", user -> status(call(user, HttpMethod.POST, minas + "/claim", Map.of("userId", user))));
    probes.put("mina's standup: reassign",
        user -> status(call(user, HttpMethod.POST, minas + "/assignee", Map.of("userId", user))));
    probes.put("mina's standup: write variable", user -> status(call(user, HttpMethod.PUT, minas + "/variables/probe",
        Map.of("value", "written by " + user, "type", "String"))));
    probes.put("hana's alumni task: read",
        user -> status(call(user, HttpMethod.GET, "/engine-rest/task/" + invitations.getId(), null)));

    Map<String, String> actual = new LinkedHashMap<>();
    actual.put("resource", String.join(",", PEOPLE));
    probes.forEach((name, probe) -> actual.put(name, String.join(",", PEOPLE.stream().map(probe).toList())));

    System.out.println(render(actual));
    assertThat(render(actual)).isEqualTo(render(EXPECTED));
    assertThat(tasks.createTaskQuery().taskId(deliver.getId()).singleResult().getAssignee())
        .as("nobody took alice's task").isEqualTo("alice");
    assertThat(tasks.getVariable(deliver.getId(), "probe")).as("nobody wrote its variables").isNull();
    assertThat(tasks.createTaskQuery().taskId(standup.getId()).singleResult().getAssignee())
        .as("nobody took mina's standup").isEqualTo("mina");
  }

  private ResponseEntity<String> call(String user, HttpMethod method, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    if (!user.equals(ANONYMOUS)) {
      headers.setBasicAuth(user, "demo");
    }
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.exchange(path, method, new HttpEntity<>(body, headers), String.class);
  }

  private ResponseEntity<String> deploy(String user) {
    String model = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_MatrixProbe"
            targetNamespace="http://community-lifecycle.org/test">
          <bpmn:process id="authorization-matrix-probe" isExecutable="true" camunda:historyTimeToLive="P1D">
            <bpmn:startEvent id="StartEvent_Probe" />
          </bpmn:process>
        </bpmn:definitions>""";
    return RestDeployment.create(rest, user.equals(ANONYMOUS) ? null : user, "authorization-matrix-" + UUID.randomUUID(),
        "authorization-matrix-probe.bpmn", model, String.class);
  }

  private String login(String user, String app) {
    return user.equals(ANONYMOUS) ? "401" : String.valueOf(WebappSession.loginStatus(rest, user, app).value());
  }

  private static String status(ResponseEntity<String> response) {
    return String.valueOf(response.getStatusCode().value());
  }

  /** The status of a list query, and whether it showed anything. */
  private static String list(ResponseEntity<String> response) {
    if (!response.getStatusCode().is2xxSuccessful()) {
      return status(response);
    }
    String body = response.getBody() == null ? "" : response.getBody().replaceAll("\\s", "");
    return status(response) + (body.equals("[]") ? " none" : " seen");
  }

  /** Like {@link #list}, counting only variables of the process, not those of one of its tasks. */
  private static String processVariables(ResponseEntity<String> response) {
    if (!response.getStatusCode().is2xxSuccessful()) {
      return status(response);
    }
    try {
      com.fasterxml.jackson.databind.JsonNode variables = new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.getBody());
      boolean seen = false;
      for (com.fasterxml.jackson.databind.JsonNode variable : variables) {
        seen |= variable.path("taskId").isNull() || variable.path("taskId").isMissingNode();
      }
      return status(response) + (seen ? " seen" : " none");
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(response.getBody(), e);
    }
  }

  /** The table as rows of cells, from the README's Markdown form. */
  private static Map<String, String> table(String... rows) {
    Map<String, String> table = new LinkedHashMap<>();
    for (String row : rows) {
      List<String> cells = new ArrayList<>();
      for (String cell : row.substring(1, row.length() - 1).split("\\|")) {
        cells.add(cell.trim());
      }
      table.put(cells.get(0), String.join(",", cells.subList(1, cells.size())));
    }
    return table;
  }

  /** The table in the README's Markdown form. */
  private static String render(Map<String, String> table) {
    StringBuilder out = new StringBuilder();
    table.forEach((row, cells) -> {
      out.append(String.format("| %-36s |", row));
      for (String cell : cells.split(",")) {
        out.append(String.format(" %-8s |", cell));
      }
      out.append('\n');
    });
    return out.toString();
  }
}
