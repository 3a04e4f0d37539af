package org.communitylifecycle.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.communitylifecycle.testsupport.RunningApplication;
import org.communitylifecycle.testsupport.WebappSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.communitylifecycle.lifecycle.LifecycleContract;

/**
 * Every client error on /engine-rest and /api is a 4xx with a JSON body that says what to fix;
 * races included: simultaneous completions of one task and simultaneous starts of one community.
 */
class ClientErrorsIT extends RunningApplication {

  static final String LIFECYCLE = LifecycleContract.PROCESS_KEY;
  static final String STAGE = "learning-and-preparing-for-growth";

  @Autowired TestRestTemplate rest;

  // --- /engine-rest ---

  @Test
  void startingAMilestoneWithoutItsInputsIs400NamingTheInput() {
    ResponseEntity<Map> answer = post("admin", "/engine-rest/process-definition/key/milestone/start",
        Map.of("variables", variables(Map.of("milestoneKey", "probe"))));

    assertError(answer, 400, "A milestone needs the input variable 'milestoneName'");
  }

  @Test
  void aStallPeriodOfSoonIs400() {
    Map<String, Object> inputs = milestoneInputs();
    inputs.put("deliverStallPeriod", "soon");

    ResponseEntity<Map> answer = post("admin", "/engine-rest/process-definition/key/milestone/start",
        Map.of("variables", variables(inputs)));

    assertError(answer, 400, "soon");
  }

  @Test
  void aVariableAnExpressionNeedsIs400NamingIt() {
    Map<String, Object> inputs = milestoneInputs();
    inputs.remove("responsibleUser");

    ResponseEntity<Map> answer = post("admin", "/engine-rest/process-definition/key/milestone/start",
        Map.of("variables", variables(inputs)));

    assertError(answer, 400, "The variable 'responsibleUser' is missing");
  }

  @Test
  void completingAnUnknownTaskIs404() {
    ResponseEntity<Map> answer = post("alice", "/engine-rest/task/no-such-task/complete", Map.of("variables", Map.of()));

    assertError(answer, 404, "no-such-task");
  }

  @Test
  void variablesOfAnUnknownInstanceAre404() {
    ResponseEntity<Map> answer = rest.withBasicAuth("bob", "demo")
        .getForEntity("/engine-rest/process-instance/no-such-instance/variables", Map.class);

    assertError(answer, 404, "no-such-instance");
  }

  @Test
  void tooLongTextIs400NamingTheVariable() {
    String deliver = deliverTask("Client Errors Long Text");

    ResponseEntity<Map> link = post("alice", "/engine-rest/task/" + deliver + "/complete", Map.of("variables",
        variables(Map.of("deliverableUrl", "https://wiki.example.org/" + "x".repeat(10_000), "deliverableSummary", "ok"))));
    ResponseEntity<Map> summary = post("alice", "/engine-rest/task/" + deliver + "/complete", Map.of("variables",
        variables(Map.of("deliverableUrl", "https://wiki.example.org/ok", "deliverableSummary", "y".repeat(100_000)))));

    assertError(link, 400, "'deliverableUrl' is 10025 characters long; at most 4000 fit");
    assertError(summary, 400, "'deliverableSummary' is 100000 characters long; at most 4000 fit");
    assertThat(restGet("alice", "/engine-rest/task/" + deliver, Map.class).get("id")).as("the task is still open").isEqualTo(deliver);
  }

  @Test
  void aRefusedFormSaysWhatToFixWithoutTheTaskIdPrefix() {
    String deliver = deliverTask("Client Errors Prefix");
    Map<String, Object> notALink = Map.of("variables",
        variables(Map.of("deliverableUrl", "wiki page", "deliverableSummary", "Done")));
    String expected = "Link to the deliverable: give a web address such as https://wiki.example.org/page; 'wiki page' is not one";

    ResponseEntity<Map> submitted = post("alice", "/engine-rest/task/" + deliver + "/submit-form", notALink);
    ResponseEntity<Map> completed = post("alice", "/engine-rest/task/" + deliver + "/complete", notALink);
    ResponseEntity<Map> started = post("alice", "/engine-rest/process-definition/key/" + LIFECYCLE + "/submit-form",
        Map.of("variables", variables(Map.of("communityName", "Client Errors Prefix", "activator", "alice",
            "liaison", "bob", "entryStage", STAGE))));

    // Tasklist submits through the webapps' own engine API, with the session of alice's login.
    WebappSession.Session tasklist = WebappSession.login(rest, "alice", "tasklist");
    ResponseEntity<Map> inTasklist = rest.exchange("/camunda/api/engine/engine/default/task/" + deliver + "/submit-form",
        HttpMethod.POST, tasklist.entity(notALink), Map.class);

    for (ResponseEntity<Map> answer : List.of(submitted, completed, inTasklist)) {
      assertError(answer, 400, expected);
      assertThat(answer.getBody().get("message")).as("Tasklist shows the message as it is").isEqualTo(expected);
      assertThat(answer.getBody().get("type")).isEqualTo("InvalidInputException");
    }
    assertError(started, 400, "already has a running lifecycle");
    assertThat(started.getBody().get("message").toString()).doesNotStartWith("Cannot instantiate process definition");
    assertThat(restGet("alice", "/engine-rest/task/" + deliver, Map.class).get("id")).as("the task is still open").isEqualTo(deliver);
  }

  @Test
  void tenSimultaneousCompletionsOfOneTaskCompleteItOnce() throws Exception {
    String deliver = deliverTask("Client Errors Race");
    String milestone = restGet("alice", "/engine-rest/task/" + deliver, Map.class).get("processInstanceId").toString();
    Map<String, Object> body = Map.of("variables",
        variables(Map.of("deliverableUrl", "https://wiki.example.org/race", "deliverableSummary", "Raced")));

    List<ResponseEntity<Map>> answers = simultaneously(10, () -> post("alice", "/engine-rest/task/" + deliver + "/complete", body));

    assertThat(answers).extracting(a -> a.getStatusCode().value()).filteredOn(s -> s == 204).hasSize(1);
    for (ResponseEntity<Map> answer : answers) {
      if (answer.getStatusCode().value() != 204) {
        assertThat(answer.getStatusCode().value()).as("%s", answer.getBody()).isIn(404, 409);
        assertThat(answer.getBody().get("message").toString()).isNotBlank();
      }
    }
    assertThat(restTasks("bob", "processInstanceId=" + milestone)).extracting(t -> t.get("taskDefinitionKey"))
        .containsExactly("Task_ReviewDeliverable");
  }

  @Test
  void twentySimultaneousStartsOfOneNewCommunityMakeOneLifecycle() throws Exception {
    List<ResponseEntity<Map>> answers = simultaneously(20, () -> startCommunity("Client Errors Twenty"));

    assertThat(answers).extracting(a -> a.getStatusCode().value()).filteredOn(s -> s == 200).hasSize(1);
    for (ResponseEntity<Map> answer : answers) {
      if (answer.getStatusCode().value() != 200) {
        assertThat(answer.getStatusCode().value()).as("%s", answer.getBody()).isIn(400, 409);
        assertThat(answer.getBody().get("message").toString()).as("%s", answer.getBody())
            .containsAnyOf("'client-errors-twenty' already has a running lifecycle", "Someone");
      }
    }
    assertThat(restGet("bob", "/engine-rest/process-instance/count?processDefinitionKey=" + LIFECYCLE
        + "&businessKey=client-errors-twenty", Map.class).get("count")).isEqualTo(1);
    assertThat(restGet("bob", "/engine-rest/process-instance/count?processDefinitionKey=" + STAGE
        + "&businessKey=client-errors-twenty", Map.class).get("count")).isEqualTo(1);
  }

  // --- /api ---

  @Test
  void malformedMissingOrMistypedBodiesOfTheApiAre4xxProblems() {
    ResponseEntity<Map> malformed = put("/api/me/mail-preferences", "{\"taskAssigned\": tru", MediaType.APPLICATION_JSON);
    ResponseEntity<Map> missing = put("/api/me/mail-preferences", null, MediaType.APPLICATION_JSON);
    ResponseEntity<Map> text = put("/api/me/mail-preferences", "taskAssigned=true", MediaType.TEXT_PLAIN);

    assertProblem(malformed, 400, "The body must be a JSON object such as {\"digest\": false}");
    assertProblem(missing, 400, "The body must be a JSON object");
    assertProblem(text, 415, "application/json");
  }

  // --- helpers ---

  private static void assertError(ResponseEntity<Map> answer, int status, String message) {
    assertThat(answer.getStatusCode().value()).as("%s", answer.getBody()).isEqualTo(status);
    assertThat(answer.getHeaders().getContentType()).isNotNull();
    assertThat(answer.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
    assertThat(answer.getBody()).containsKeys("type", "message");
    assertThat(answer.getBody().get("message").toString()).contains(message);
  }

  private static void assertProblem(ResponseEntity<Map> answer, int status, String detail) {
    assertThat(answer.getStatusCode().value()).as("%s", answer.getBody()).isEqualTo(status);
    assertThat(answer.getBody()).as("a problem detail").containsKeys("title", "detail", "status");
    assertThat(answer.getBody().get("detail").toString()).contains(detail);
  }

  private Map<String, Object> milestoneInputs() {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("milestoneKey", "probe");
    inputs.put("milestoneName", "Probe");
    inputs.put("deliverable", "A probe");
    inputs.put("responsibleUser", "alice");
    inputs.put("responsibleGroup", "activators");
    inputs.put("supportUser", "bob");
    inputs.put("supportGroup", "cbt-liaisons");
    return inputs;
  }

  /** Starts a lifecycle for the community and returns alice's first delivery task in it. */
  private String deliverTask(String community) {
    assertThat(startCommunity(community).getStatusCode()).isEqualTo(HttpStatus.OK);
    String key = community.toLowerCase().replace(' ', '-');
    List<Map<String, Object>> tasks = restTasks("alice", "processInstanceBusinessKey=" + key
        + "&taskDefinitionKey=Task_DeliverMilestone&assignee=alice&sortBy=created&sortOrder=asc");
    assertThat(tasks).isNotEmpty();
    return tasks.get(0).get("id").toString();
  }

  private ResponseEntity<Map> startCommunity(String name) {
    return post("alice", "/engine-rest/process-definition/key/" + LIFECYCLE + "/submit-form", Map.of("variables",
        variables(Map.of("communityName", name, "activator", "alice", "liaison", "bob", "entryStage", STAGE))));
  }

  private static Map<String, Object> variables(Map<String, Object> values) {
    Map<String, Object> variables = new HashMap<>();
    values.forEach((k, v) -> variables.put(k, Map.of("value", v)));
    return variables;
  }

  private ResponseEntity<Map> post(String user, String path, Object body) {
    return rest.withBasicAuth(user, "demo").postForEntity(path, body, Map.class);
  }

  private ResponseEntity<Map> put(String path, String body, MediaType type) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(type);
    return rest.withBasicAuth("alice", "demo").exchange(path, HttpMethod.PUT, new HttpEntity<>(body, headers), Map.class);
  }

  private static <T> List<T> simultaneously(int callers, java.util.concurrent.Callable<T> call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < callers; i++) {
        futures.add(pool.submit(() -> {
          go.await();
          return call.call();
        }));
      }
      go.countDown();
      List<T> answers = new ArrayList<>();
      for (Future<T> future : futures) {
        answers.add(future.get());
      }
      return answers;
    } finally {
      pool.shutdownNow();
    }
  }
}
