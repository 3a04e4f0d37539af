package org.communitylifecycle.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.communitylifecycle.testsupport.RunningApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.communitylifecycle.contributor.RecordContributorActivityContract;
import org.communitylifecycle.mentoring.MentoringCohortContract;
import org.communitylifecycle.lifecycle.ChangeCommunityStatusContract;
import org.communitylifecycle.alumni.AlumniNetworkContract;
import org.communitylifecycle.lifecycle.LifecycleContract;
import org.communitylifecycle.opsjam.OpsRequestContract;
import org.communitylifecycle.practice.PracticeMaturityContract;
import org.communitylifecycle.opsjam.OpsJamContract;
import org.communitylifecycle.milestone.MilestoneContract;

/**
 * Malformed input over every endpoint of /api, the public pages, and the /engine-rest endpoints
 * Tasklist, Cockpit and the Modeler call: malformed JSON, no body, the wrong content type, wrong JSON
 * types, unknown ids, missing required variables, oversized values, bad query parameters and callers
 * without the rights. A table of cases (endpoint, user, body): every answer must be a 4xx (or a 2xx
 * where the input is in fact acceptable) with a JSON body whose message says what to fix; a 5xx is
 * a bug. All cases run before anything is asserted, so that one run reports every 5xx.
 */
class MalformedInputIT extends RunningApplication {

  static final String LIFECYCLE = LifecycleContract.PROCESS_KEY;
  static final String STAGE = "learning-and-preparing-for-growth";
  static final String COMMUNITY_NAME = "Malformed Input";
  static final String COMMUNITY = "malformed-input";
  static final String JAM = "sourcecred-ecosystems";
  static final String COHORT = "kubernetes-sig-apps-reviewers";
  static final String PRACTICE = "keep-badges-weird";
  static final String K10 = "k".repeat(10_000);
  static final String K100 = "k".repeat(100_000);

  static final MediaType JSON = MediaType.APPLICATION_JSON;
  static final MediaType TEXT = MediaType.TEXT_PLAIN;
  static final MediaType CSV = new MediaType("text", "csv");
  static final MediaType FORM = MediaType.APPLICATION_FORM_URLENCODED;

  /** What an answer may be: a client error only, or a success too where the input is acceptable. */
  enum Expect { CLIENT_ERROR, SUCCESS_OR_CLIENT_ERROR }

  /** One request: the endpoint it exercises (method and path template), who sends what, and what may come back. */
  record Case(String endpoint, String method, String path, String user, MediaType type, Object body, Expect expect,
      boolean html) {

    @Override
    public String toString() {
      String shown = body == null ? "" : " " + abbreviate(String.valueOf(body));
      return method + " " + abbreviate(path) + " as " + user + (type == null ? "" : " [" + type + "]") + shown;
    }
  }

  @Autowired TestRestTemplate rest;

  private final ObjectMapper json = new ObjectMapper();
  private final List<Case> cases = new ArrayList<>();

  @Test
  void everyMalformedInputIsA4xxWithAMessage() throws Exception {
    String task = deliverTask();
    String instance = restGet("alice", "/engine-rest/task/" + task, Map.class).get("processInstanceId").toString();
    String definition = restGet("admin", "/engine-rest/process-definition/key/" + LIFECYCLE, Map.class).get("id").toString();
    List<Map> filters = List.of(restGet("alice", "/engine-rest/filter", Map[].class));
    String filter = filters.isEmpty() ? UUID.randomUUID().toString() : filters.get(0).get("id").toString();
    String deployment = restGet("admin", "/engine-rest/process-definition/" + definition, Map.class).get("deploymentId").toString();

    engineRestProcessDefinitions(definition);
    engineRestTasks(task);
    engineRestProcessInstances(instance);
    engineRestHistory(instance);
    engineRestRest(filter, deployment);
    api();
    publicPages();

    List<String> serverErrors = new ArrayList<>();
    List<String> unhelpful = new ArrayList<>();
    List<String> unexpected = new ArrayList<>();
    Map<Integer, Integer> byStatus = new TreeMap<>();
    long started = System.nanoTime();
    List<ResponseEntity<String>> answers = sendAll(task, instance);
    long seconds = (System.nanoTime() - started) / 1_000_000_000;
    for (int i = 0; i < cases.size(); i++) {
      Case c = cases.get(i);
      ResponseEntity<String> answer = answers.get(i);
      int status = answer.getStatusCode().value();
      byStatus.merge(status, 1, Integer::sum);
      String line = status + " " + c + " -> " + abbreviate(String.valueOf(answer.getBody()));
      if (status >= 500) {
        serverErrors.add(line);
      } else if (status >= 400) {
        String problem = c.html() ? htmlProblem(answer) : jsonProblem(answer);
        if (problem != null) {
          unhelpful.add(problem + ": " + line);
        }
      } else if (c.expect() == Expect.CLIENT_ERROR || status >= 300) {
        unexpected.add(line);
      }
    }
    Set<String> endpoints = cases.stream().map(Case::endpoint).collect(Collectors.toCollection(LinkedHashSet::new));
    System.out.println("MalformedInputIT: " + cases.size() + " requests over " + endpoints.size() + " endpoints ("
        + endpoints.stream().filter(e -> e.contains("/engine-rest/")).count() + " of /engine-rest, "
        + endpoints.stream().filter(e -> e.contains("/api/")).count() + " of /api, "
        + endpoints.stream().filter(e -> !e.contains("/engine-rest/") && !e.contains("/api/")).count()
        + " public pages) in " + seconds + " s; by status: " + byStatus);
    serverErrors.forEach(line -> System.out.println("5xx: " + line));
    unhelpful.forEach(line -> System.out.println("no message: " + line));
    unexpected.forEach(line -> System.out.println("accepted: " + line));

    assertThat(serverErrors).as("answers with a 5xx: a bug each").isEmpty();
    assertThat(unhelpful).as("client errors without a JSON message saying what to fix").isEmpty();
    assertThat(unexpected).as("malformed input accepted").isEmpty();
  }

  @Test
  void aQueryParameterOfTheWrongTypeIs400NamingIt() throws Exception {
    ResponseEntity<String> answer = rest.withBasicAuth("alice", "demo").getForEntity("/engine-rest/task?maxResults=abc", String.class);

    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(400);
    assertThat(json.readTree(answer.getBody()).get("message").asText()).contains("'maxResults' is 'abc'");
  }

  // --- /engine-rest: process definitions and starts ---

  private void engineRestProcessDefinitions(String definition) {
    String unknownId = UUID.randomUUID().toString();
    for (String query : badListQueries("key", "name")) {
      get("GET /engine-rest/process-definition", "/engine-rest/process-definition?" + query, "alice", Expect.SUCCESS_OR_CLIENT_ERROR);
    }
    for (String query : SHORT_QUERIES) {
      get("GET /engine-rest/process-definition/count", "/engine-rest/process-definition/count?" + query, "alice",
          Expect.SUCCESS_OR_CLIENT_ERROR);
    }
    for (String path : List.of("", "/form-variables", "/startForm", "/deployed-start-form", "/xml", "/form-variables?variableNames=a,b")) {
      String endpoint = "GET /engine-rest/process-definition/key/{key}" + path.replaceAll("\\?.*", "");
      get(endpoint, "/engine-rest/process-definition/key/no-such-process" + path, "alice", Expect.CLIENT_ERROR);
      get(endpoint, "/engine-rest/process-definition/key/" + K10.substring(0, 2000) + path, "alice", Expect.CLIENT_ERROR);
      get(endpoint.replace("key/{key}", "{id}"), "/engine-rest/process-definition/" + unknownId + path, "alice", Expect.CLIENT_ERROR);
    }
    // carol designs models and must not see people's data; mateo starts nothing.
    get("GET /engine-rest/process-definition/key/{key}/form-variables",
        "/engine-rest/process-definition/key/ecosystem-ops-jam/form-variables", "mateo", Expect.CLIENT_ERROR);

    for (String action : List.of("start", "submit-form")) {
      String endpoint = "POST /engine-rest/process-definition/key/{key}/" + action;
      String byId = "POST /engine-rest/process-definition/{id}/" + action;
      variableBodies(endpoint, "/engine-rest/process-definition/key/" + LIFECYCLE + "/" + action, "alice");
      standardBodies(byId, "/engine-rest/process-definition/" + definition + "/" + action, "alice", false);
      post(endpoint, "/engine-rest/process-definition/key/no-such-process/" + action, "alice", "{\"variables\": {}}");
      post(byId, "/engine-rest/process-definition/" + unknownId + "/" + action, "alice", "{\"variables\": {}}");
      post(endpoint, "/engine-rest/process-definition/key/" + LIFECYCLE + "/" + action, "alice",
          "{\"businessKey\": {\"a\": 1}, \"variables\": {}}");
      post(endpoint, "/engine-rest/process-definition/key/" + LIFECYCLE + "/" + action, "alice",
          "{\"businessKey\": \"" + K10 + "\", \"variables\": " + lifecycleInputs("Malformed Key", "alice") + "}",
          // The lifecycle's start listener names the instance after the community: the business key sent is not kept.
          Expect.SUCCESS_OR_CLIENT_ERROR);
      post(endpoint, "/engine-rest/process-definition/key/" + LIFECYCLE + "/" + action, "alice",
          "{\"withVariablesInReturn\": \"perhaps\", \"variables\": {}}");
      // Missing and wrong inputs of every process our users start (admin: rights are not the question here).
      for (String process : List.of(LIFECYCLE, STAGE, "starting", "scaling", "sustaining", "pre-work", MilestoneContract.PROCESS_KEY,
          ChangeCommunityStatusContract.PROCESS_KEY, RecordContributorActivityContract.PROCESS_KEY, PracticeMaturityContract.PROCESS_KEY,
          MentoringCohortContract.PROCESS_KEY, OpsJamContract.PROCESS_KEY, OpsRequestContract.PROCESS_KEY, AlumniNetworkContract.PROCESS_KEY)) {
        String path = "/engine-rest/process-definition/key/" + process + "/" + action;
        post(endpoint, path, "admin", action.equals("start") ? "{\"variables\": {}}" : "{}");
        if (action.equals("submit-form")) {
          post(endpoint, path, "admin", "{\"variables\": {\"communityKey\": {\"value\": 42, \"type\": \"Integer\"}}}");
        }
      }
      // Wrong values of the start forms' fields.
      String lifecycle = "/engine-rest/process-definition/key/" + LIFECYCLE + "/" + action;
      // A number for a name: the community is named "42".
      post(endpoint, lifecycle, "alice", "{\"variables\": " + variables(Map.of("communityName", 42 + action.length(),
          "activator", "alice", "liaison", "bob", "entryStage", STAGE)) + "}", Expect.SUCCESS_OR_CLIENT_ERROR);
      post(endpoint, lifecycle, "alice", "{\"variables\": " + variables(Map.of("communityName", "Malformed Stage",
          "activator", "alice", "liaison", "bob", "entryStage", "no-such-stage")) + "}");
      post(endpoint, lifecycle, "alice", "{\"variables\": " + variables(Map.of("communityName", "Malformed People",
          "activator", "nobody-by-that-name", "liaison", "alice", "entryStage", STAGE)) + "}");
      post(endpoint, lifecycle, "alice", "{\"variables\": " + lifecycleInputs(K10, "alice") + "}");
      post(endpoint, lifecycle, "alice", "{\"variables\": " + lifecycleInputs(K100, "alice") + "}");
      post(endpoint, lifecycle, "alice", "{\"variables\": " + variables(Map.of("communityName", "Malformed Activator",
          "activator", K10, "liaison", "bob", "entryStage", STAGE)) + "}");
      String milestone = "/engine-rest/process-definition/key/milestone/" + action;
      post(endpoint, milestone, "admin", "{\"variables\": " + variables(Map.of("milestoneKey", "probe", "milestoneName", "Probe",
          "deliverable", "A probe", "responsibleUser", "alice", "responsibleGroup", "activators", "supportUser", "bob",
          "supportGroup", "cbt-liaisons", "deliverStallPeriod", "soon")) + "}");
      post(endpoint, "/engine-rest/process-definition/key/record-contributor-activity/" + action, "alice",
          "{\"variables\": " + variables(Map.of("communityKey", COMMUNITY, "handle", "kiki", "activityDate", "yesterday",
              "activityKind", "code")) + "}");
      post(endpoint, "/engine-rest/process-definition/key/record-contributor-activity/" + action, "alice",
          "{\"variables\": " + variables(Map.of("communityKey", "no-such-community", "handle", "kiki",
              "activityDate", "2026-01-01", "activityKind", "no-such-kind")) + "}");
      post(endpoint, "/engine-rest/process-definition/key/change-community-status/" + action, "bob",
          "{\"variables\": " + variables(Map.of("communityKey", "no-such-community", "statusChange", "pause")) + "}");
      post(endpoint, "/engine-rest/process-definition/key/change-community-status/" + action, "bob",
          "{\"variables\": " + variables(Map.of("communityKey", COMMUNITY, "statusChange", "explode")) + "}");
      post(endpoint, "/engine-rest/process-definition/key/group-mentoring-cohort/" + action, "admin",
          "{\"variables\": " + variables(Map.of("cohortName", "Malformed Cohort", "goalRung", "nope", "mentors", "nobody",
              "mentees", "", "startDate", "soon", "plannedDuration", "forever")) + "}");
      post(endpoint, "/engine-rest/process-definition/key/alumni-network/" + action, "admin",
          "{\"variables\": " + variables(Map.of("hubName", "Malformed Hub", "cohortName", "Malformed", "residencyEndDate",
              "someday", "residents", "not; a, roster\n;;;")) + "}");
      post(endpoint, "/engine-rest/process-definition/key/ecosystem-ops-jam/" + action, "admin",
          "{\"variables\": " + variables(Map.of("jamName", "", "projectManager", "nobody", "branchLead", 7,
              "instanceManagers", "")) + "}");
      post(endpoint, "/engine-rest/process-definition/key/community-of-practice-maturity/" + action, "admin",
          "{\"variables\": " + variables(Map.of("communityName", "Malformed Practice", "liaison", "bob",
              "assessmentInterval", "every now and then")) + "}");
      post(endpoint, "/engine-rest/process-definition/key/add-ops-request/" + action, "alice",
          "{\"variables\": " + variables(Map.of("jamKey", "no-such-jam", "requestTitle", "A")) + "}");
      // Rights: mateo (a mentee) starts no lifecycle; alice starts no ops jam; carol starts nothing.
      post(endpoint, lifecycle, "mateo", "{\"variables\": " + lifecycleInputs("Malformed Mateo", "alice") + "}");
      post(endpoint, "/engine-rest/process-definition/key/ecosystem-ops-jam/" + action, "alice", "{\"variables\": {}}");
      post(endpoint, "/engine-rest/process-definition/key/milestone/" + action, "carol", "{\"variables\": {}}");
    }
  }

  // --- /engine-rest: tasks ---

  private void engineRestTasks(String task) {
    String unknown = UUID.randomUUID().toString();
    for (String query : badTaskQueries()) {
      get("GET /engine-rest/task", "/engine-rest/task?" + query, "alice", Expect.SUCCESS_OR_CLIENT_ERROR);
    }
    for (String query : List.of("maxResults=abc", "createdBefore=yesterday", "processVariables=a_zz_1",
        "candidateUser=alice&candidateGroup=activators", "includeAssignedTasks=true", "priority=high")) {
      get("GET /engine-rest/task/count", "/engine-rest/task/count?" + query, "alice", Expect.SUCCESS_OR_CLIENT_ERROR);
    }
    for (String endpoint : List.of("POST /engine-rest/task", "POST /engine-rest/task/count")) {
      String path = endpoint.substring(5);
      queryBodies(endpoint, path, "alice");
      for (String body : List.of("{\"processVariables\": [{\"name\": \"a\", \"operator\": \"zz\", \"value\": 1}]}",
          "{\"processVariables\": {\"name\": \"a\"}}", "{\"candidateGroups\": \"activators\"}", "{\"assignee\": {\"a\": 1}}",
          "{\"createdBefore\": \"yesterday\"}", "{\"dueAfter\": \"2026-13-45T99:00:00.000+0000\"}", "{\"priority\": \"high\"}",
          "{\"orQueries\": [{\"orQueries\": []}]}", "{\"orQueries\": \"x\"}", "{\"taskVariables\": [{\"name\": \"a\", \"operator\": \"like\", \"value\": {\"b\": 1}}]}",
          "{\"assigneeLike\": \"" + K10 + "\"}", "{\"nameLike\": \"" + K100 + "\"}", "{\"processInstanceIdIn\": [\"" + K10 + "\"]}")) {
        post(endpoint, path, "alice", body, Expect.SUCCESS_OR_CLIENT_ERROR);
      }
      post(endpoint, path + "?maxResults=-1", "alice", "{}", Expect.SUCCESS_OR_CLIENT_ERROR);
      post(endpoint, path + "?firstResult=abc", "alice", "{}", Expect.SUCCESS_OR_CLIENT_ERROR);
    }
    for (String path : List.of("", "/form-variables", "/variables", "/form", "/deployed-form", "/identity-links",
        "/comment", "/variables/deliverableUrl", "/rendered-form", "/localVariables", "/attachment")) {
      get("GET /engine-rest/task/{id}" + path, "/engine-rest/task/" + unknown + path, "alice", Expect.CLIENT_ERROR);
    }
    get("GET /engine-rest/task/{id}/variables/{name}", "/engine-rest/task/" + task + "/variables/no-such-variable", "alice",
        Expect.CLIENT_ERROR);
    get("GET /engine-rest/task/{id}/form-variables", "/engine-rest/task/" + task + "/form-variables?variableNames=" + K10.substring(0, 4000),
        "alice", Expect.SUCCESS_OR_CLIENT_ERROR);
    // Rights: carol (designer) reads no one's variables; mateo does not even see the task.
    get("GET /engine-rest/task/{id}/variables", "/engine-rest/task/" + task + "/variables", "carol", Expect.CLIENT_ERROR);
    get("GET /engine-rest/task/{id}/form-variables", "/engine-rest/task/" + task + "/form-variables", "carol", Expect.CLIENT_ERROR);
    get("GET /engine-rest/task/{id}", "/engine-rest/task/" + task, "mateo", Expect.CLIENT_ERROR);

    for (String action : List.of("complete", "submit-form")) {
      String endpoint = "POST /engine-rest/task/{id}/" + action;
      String path = "/engine-rest/task/" + task + "/" + action;
      variableBodies(endpoint, path, "alice");
      post(endpoint, "/engine-rest/task/" + unknown + "/" + action, "alice", "{\"variables\": {}}");
      post(endpoint, "/engine-rest/task/" + K10.substring(0, 3000) + "/" + action, "alice", "{\"variables\": {}}");
      // The delivery form's inputs: missing, of the wrong type, oversized.
      post(endpoint, path, "alice", "{}");
      post(endpoint, path, "alice", "{\"variables\": {}}");
      post(endpoint, path, "alice", "{\"variables\": " + variables(Map.of("deliverableUrl", 42, "deliverableSummary", true)) + "}");
      post(endpoint, path, "alice", "{\"variables\": " + variables(Map.of("deliverableUrl", "https://wiki.example.org/" + K10,
          "deliverableSummary", "ok")) + "}");
      post(endpoint, path, "alice", "{\"variables\": " + variables(Map.of("deliverableUrl", "https://wiki.example.org/ok",
          "deliverableSummary", K100)) + "}");
      post(endpoint, path, "alice", "{\"variables\": " + variables(Map.of("deliverableUrl", "https://wiki.example.org/ok",
          "deliverableSummary", "ok", "delegatedTo", K10)) + "}");
      post(endpoint, path, "alice", "{\"variables\": {\"deliverableUrl\": {\"value\": \"x\", \"type\": \"Date\"}}}");
      post(endpoint, path, "alice", "{\"withVariablesInReturn\": 7, \"variables\": {}}");
      // Rights: bob (the liaison) reads the task but does not do alice's work; carol sees nothing.
      post(endpoint, path, "bob", "{\"variables\": " + variables(Map.of("deliverableUrl", "https://wiki.example.org/bob",
          "deliverableSummary", "Bob's")) + "}");
      post(endpoint, path, "carol", "{\"variables\": {}}");
    }
    for (String action : List.of("claim", "unclaim", "assignee", "delegate", "resolve", "comment/create", "identity-links",
        "identity-links/delete", "variables")) {
      String endpoint = "POST /engine-rest/task/{id}/" + action;
      String path = "/engine-rest/task/" + unknown + "/" + action;
      standardBodies(endpoint, path, "alice", false);
      post(endpoint, path, "alice", "{\"userId\": \"alice\", \"message\": \"m\", \"type\": \"candidate\", \"modifications\": {}}");
    }
    // On alice's task: claimed by alice already, bodies of the wrong shape or size, callers without the right.
    String base = "/engine-rest/task/" + task;
    post("POST /engine-rest/task/{id}/claim", base + "/claim", "admin", "{\"userId\": \"admin\"}");
    post("POST /engine-rest/task/{id}/claim", base + "/claim", "bob", "{\"userId\": \"bob\"}");
    post("POST /engine-rest/task/{id}/claim", base + "/claim", "alice", "{\"userId\": {\"id\": \"alice\"}}");
    post("POST /engine-rest/task/{id}/claim", base + "/claim", "alice", "{\"userId\": \"" + K10 + "\"}");
    post("POST /engine-rest/task/{id}/claim", base + "/claim", "alice", "[\"alice\"]");
    post("POST /engine-rest/task/{id}/claim", base + "/claim", "alice", "{\"userId\": ");
    post("POST /engine-rest/task/{id}/unclaim", base + "/unclaim", "bob", null);
    post("POST /engine-rest/task/{id}/unclaim", base + "/unclaim", "carol", null);
    post("POST /engine-rest/task/{id}/assignee", base + "/assignee", "bob", "{\"userId\": \"bob\"}");
    post("POST /engine-rest/task/{id}/assignee", base + "/assignee", "alice", "{\"userId\": [1, 2]}");
    post("POST /engine-rest/task/{id}/assignee", base + "/assignee", "admin", "{\"userId\": \"" + K10 + "\"}");
    post("POST /engine-rest/task/{id}/delegate", base + "/delegate", "bob", "{\"userId\": \"bob\"}");
    post("POST /engine-rest/task/{id}/delegate", base + "/delegate", "admin", "{\"userId\": \"" + K10 + "\"}");
    post("POST /engine-rest/task/{id}/resolve", base + "/resolve", "alice", "{\"variables\": \"none\"}");
    post("POST /engine-rest/task/{id}/comment/create", base + "/comment/create", "alice", "{\"message\": {\"a\": 1}}");
    post("POST /engine-rest/task/{id}/comment/create", base + "/comment/create", "carol", "{\"message\": \"hi\"}");
    post("POST /engine-rest/task/{id}/comment/create", base + "/comment/create", "admin", "{\"message\": \"" + K100 + "\"}",
        Expect.SUCCESS_OR_CLIENT_ERROR);
    post("POST /engine-rest/task/{id}/identity-links", base + "/identity-links", "alice", "{\"groupId\": \"activators\", \"type\": \"candidate\"}");
    post("POST /engine-rest/task/{id}/identity-links", base + "/identity-links", "admin", "{\"groupId\": \"" + K10 + "\", \"type\": \"candidate\"}");
    post("POST /engine-rest/task/{id}/identity-links", base + "/identity-links", "admin", "{\"type\": \"candidate\"}");
    // Camunda takes any text as a link's type; an administrator may add one.
    post("POST /engine-rest/task/{id}/identity-links", base + "/identity-links", "admin", "{\"groupId\": \"activators\", \"type\": 5}",
        Expect.SUCCESS_OR_CLIENT_ERROR);
    post("POST /engine-rest/task/{id}/variables", base + "/variables", "alice", "{\"modifications\": {\"x\": {\"value\": \"y\"}}}");
    post("POST /engine-rest/task/{id}/variables", base + "/variables", "admin", "{\"modifications\": {\"x\": {\"value\": \"" + K100 + "\"}}}");
    post("POST /engine-rest/task/{id}/variables", base + "/variables", "admin", "{\"modifications\": {\"x\": {\"value\": \"a\", \"type\": \"Long\"}}}");
    post("POST /engine-rest/task/{id}/variables", base + "/variables", "admin", "{\"modifications\": [1], \"deletions\": \"x\"}");
    put("PUT /engine-rest/task/{id}/variables/{name}", base + "/variables/x", "alice", JSON, "{\"value\": \"y\"}");
    put("PUT /engine-rest/task/{id}/variables/{name}", base + "/variables/x", "admin", JSON, "{\"value\": \"" + K100 + "\"}");
    put("PUT /engine-rest/task/{id}/variables/{name}", base + "/variables/x", "admin", JSON, "{\"value\": \"a\", \"type\": \"Integer\"}");
    put("PUT /engine-rest/task/{id}/variables/{name}", base + "/variables/x", "admin", JSON, "{\"value\": ");
    put("PUT /engine-rest/task/{id}/variables/{name}", "/engine-rest/task/" + unknown + "/variables/x", "admin", JSON, "{\"value\": \"y\"}");
  }

  // --- /engine-rest: process instances ---

  private void engineRestProcessInstances(String instance) {
    String unknown = UUID.randomUUID().toString();
    for (String query : badListQueries("instanceId", "businessKey")) {
      get("GET /engine-rest/process-instance", "/engine-rest/process-instance?" + query, "bob", Expect.SUCCESS_OR_CLIENT_ERROR);
    }
    for (String query : SHORT_QUERIES) {
      get("GET /engine-rest/process-instance/count", "/engine-rest/process-instance/count?" + query, "bob",
          Expect.SUCCESS_OR_CLIENT_ERROR);
    }
    get("GET /engine-rest/process-instance", "/engine-rest/process-instance?variables=a_zz_1", "bob", Expect.SUCCESS_OR_CLIENT_ERROR);
    get("GET /engine-rest/process-instance", "/engine-rest/process-instance?variables=nonsense", "bob", Expect.SUCCESS_OR_CLIENT_ERROR);
    queryBodies("POST /engine-rest/process-instance", "/engine-rest/process-instance", "bob");
    queryBodies("POST /engine-rest/process-instance/count", "/engine-rest/process-instance/count", "bob");
    post("POST /engine-rest/process-instance", "/engine-rest/process-instance", "bob",
        "{\"variables\": [{\"name\": \"a\", \"operator\": \"zz\", \"value\": 1}]}", Expect.SUCCESS_OR_CLIENT_ERROR);
    post("POST /engine-rest/process-instance", "/engine-rest/process-instance", "bob",
        "{\"processInstanceIds\": \"x\"}", Expect.SUCCESS_OR_CLIENT_ERROR);
    for (String path : List.of("", "/variables", "/activity-instances", "/variables/communityKey", "/comment")) {
      get("GET /engine-rest/process-instance/{id}" + path, "/engine-rest/process-instance/" + unknown + path, "bob",
          Expect.CLIENT_ERROR);
    }
    get("GET /engine-rest/process-instance/{id}/variables/{name}", "/engine-rest/process-instance/" + instance
        + "/variables/no-such-variable", "bob", Expect.CLIENT_ERROR);
    get("GET /engine-rest/process-instance/{id}/variables", "/engine-rest/process-instance/" + instance + "/variables",
        "carol", Expect.CLIENT_ERROR);
    get("GET /engine-rest/process-instance/{id}/variables", "/engine-rest/process-instance/" + instance + "/variables",
        "mateo", Expect.CLIENT_ERROR);
    get("GET /engine-rest/process-instance/{id}/variables", "/engine-rest/process-instance/" + instance
        + "/variables?deserializeValues=maybe", "bob", Expect.SUCCESS_OR_CLIENT_ERROR);
    String base = "/engine-rest/process-instance/" + instance;
    standardBodies("POST /engine-rest/process-instance/{id}/variables", base + "/variables", "admin", true);
    post("POST /engine-rest/process-instance/{id}/variables", base + "/variables", "bob", "{\"modifications\": {\"x\": {\"value\": 1}}}");
    post("POST /engine-rest/process-instance/{id}/variables", base + "/variables", "admin",
        "{\"modifications\": {\"x\": {\"value\": \"" + K100 + "\"}}}");
    post("POST /engine-rest/process-instance/{id}/variables", base + "/variables", "admin",
        "{\"modifications\": {\"x\": {\"value\": \"b\", \"type\": \"Boolean\"}}}");
    post("POST /engine-rest/process-instance/{id}/variables", base + "/variables", "admin",
        "{\"modifications\": {\"x\": {\"value\": \"rO0ABXQAAWE=\", \"type\": \"Object\", \"valueInfo\": {\"objectTypeName\": "
            + "\"java.lang.String\", \"serializationDataFormat\": \"application/x-java-serialized-object\"}}}}");
    post("POST /engine-rest/process-instance/{id}/variables", "/engine-rest/process-instance/" + unknown + "/variables", "admin",
        "{\"modifications\": {\"x\": {\"value\": 1}}}");
    put("PUT /engine-rest/process-instance/{id}/variables/{name}", base + "/variables/x", "bob", JSON, "{\"value\": 1}");
    put("PUT /engine-rest/process-instance/{id}/variables/{name}", base + "/variables/x", "admin", JSON, "{\"value\": \"a\", \"type\": \"Double\"}");
    put("PUT /engine-rest/process-instance/{id}/variables/{name}", base + "/variables/x", "admin", TEXT, "plain");
    put("PUT /engine-rest/process-instance/{id}/suspended", base + "/suspended", "alice", JSON, "{\"suspended\": true}");
    put("PUT /engine-rest/process-instance/{id}/suspended", base + "/suspended", "admin", JSON, "{\"suspended\": \"sometimes\"}");
    put("PUT /engine-rest/process-instance/{id}/suspended", base + "/suspended", "admin", JSON, "{\"suspended\": ");
    // Camunda suspends every instance of that id: none, and answers 204.
    add("PUT /engine-rest/process-instance/{id}/suspended", "PUT", "/engine-rest/process-instance/" + unknown + "/suspended",
        "admin", JSON, "{\"suspended\": true}", Expect.SUCCESS_OR_CLIENT_ERROR);
    delete("DELETE /engine-rest/process-instance/{id}", base, "alice");
    delete("DELETE /engine-rest/process-instance/{id}", base, "bob");
    delete("DELETE /engine-rest/process-instance/{id}", "/engine-rest/process-instance/" + unknown, "admin");
    get("GET /engine-rest/execution", "/engine-rest/execution?maxResults=abc", "bob", Expect.SUCCESS_OR_CLIENT_ERROR);
    get("GET /engine-rest/variable-instance", "/engine-rest/variable-instance?variableValues=a_zz_1", "bob",
        Expect.SUCCESS_OR_CLIENT_ERROR);
    get("GET /engine-rest/variable-instance", "/engine-rest/variable-instance?maxResults=abc&sortBy=nope", "bob",
        Expect.SUCCESS_OR_CLIENT_ERROR);
    queryBodies("POST /engine-rest/variable-instance", "/engine-rest/variable-instance", "bob");
    get("GET /engine-rest/incident", "/engine-rest/incident?sortBy=nope&sortOrder=asc", "bob", Expect.SUCCESS_OR_CLIENT_ERROR);
    get("GET /engine-rest/incident", "/engine-rest/incident?maxResults=-5", "bob", Expect.SUCCESS_OR_CLIENT_ERROR);
    // Message correlation: the lifecycle's pause, resume and close messages.
    standardBodies("POST /engine-rest/message", "/engine-rest/message", "admin", false);
    for (String body : List.of("{}", "{\"messageName\": \"no-such-message\"}", "{\"messageName\": \"CommunityPaused\", "
        + "\"businessKey\": \"no-such-community\"}", "{\"messageName\": 5, \"all\": \"yes\"}",
        "{\"messageName\": \"CommunityPaused\", \"processInstanceId\": \"" + unknown + "\"}",
        "{\"messageName\": \"CommunityPaused\", \"correlationKeys\": \"x\"}",
        "{\"messageName\": \"" + K10 + "\"}")) {
      post("POST /engine-rest/message", "/engine-rest/message", "admin", body);
    }
    post("POST /engine-rest/message", "/engine-rest/message", "mateo",
        "{\"messageName\": \"CommunityClosed\", \"businessKey\": \"" + COMMUNITY + "\"}");
  }

  // --- /engine-rest: history ---

  private void engineRestHistory(String instance) {
    String unknown = UUID.randomUUID().toString();
    for (String resource : List.of("process-instance", "task", "activity-instance", "variable-instance", "detail",
        "user-operation", "decision-instance", "incident")) {
      String endpoint = "GET /engine-rest/history/" + resource;
      boolean main = resource.equals("process-instance") || resource.equals("task");
      for (String query : main ? badListQueries("startTime", "processInstanceId") : SHORT_QUERIES) {
        get(endpoint, "/engine-rest/history/" + resource + "?" + query, "bob", Expect.SUCCESS_OR_CLIENT_ERROR);
      }
      get(endpoint, "/engine-rest/history/" + resource + "?startedBefore=yesterday&finishedAfter=2026-02-30T00:00:00.000+0000",
          "bob", Expect.SUCCESS_OR_CLIENT_ERROR);
      get(endpoint + "/count", "/engine-rest/history/" + resource + "/count?maxResults=x&startedAfter=soon", "bob",
          Expect.SUCCESS_OR_CLIENT_ERROR);
    }
    for (String resource : List.of("process-instance", "task")) {
      queryBodies("POST /engine-rest/history/" + resource, "/engine-rest/history/" + resource, "bob");
    }
    post("POST /engine-rest/history/process-instance", "/engine-rest/history/process-instance", "bob",
        "{\"variables\": [{\"name\": \"a\", \"operator\": \"zz\", \"value\": 1}], \"startedBefore\": \"soon\"}",
        Expect.SUCCESS_OR_CLIENT_ERROR);
    get("GET /engine-rest/history/process-instance/{id}", "/engine-rest/history/process-instance/" + unknown, "bob", Expect.CLIENT_ERROR);
    get("GET /engine-rest/history/process-instance/{id}", "/engine-rest/history/process-instance/" + instance, "carol", Expect.CLIENT_ERROR);
    get("GET /engine-rest/history/variable-instance", "/engine-rest/history/variable-instance?processInstanceId=" + instance,
        "carol", Expect.SUCCESS_OR_CLIENT_ERROR);
    get("GET /engine-rest/history/task", "/engine-rest/history/task?processInstanceId=" + instance + "&taskVariables=a_zz_b",
        "bob", Expect.SUCCESS_OR_CLIENT_ERROR);
  }

  // --- /engine-rest: deployments, filters, identity, decisions ---

  private void engineRestRest(String filter, String deployment) {
    String unknown = UUID.randomUUID().toString();
    // The Modeler deploys with multipart/form-data.
    String create = "POST /engine-rest/deployment/create";
    add(create, "POST", "/engine-rest/deployment/create", "carol", JSON, "{\"deployment-name\": \"x\"}", Expect.CLIENT_ERROR);
    add(create, "POST", "/engine-rest/deployment/create", "carol", TEXT, "x", Expect.CLIENT_ERROR);
    add(create, "POST", "/engine-rest/deployment/create", "carol", MediaType.MULTIPART_FORM_DATA, null, Expect.CLIENT_ERROR);
    add(create, "POST", "/engine-rest/deployment/create", "carol", MediaType.MULTIPART_FORM_DATA,
        multipart(Map.of("deployment-name", "malformed"), "broken.bpmn", "<bpmn:definitions"), Expect.CLIENT_ERROR);
    add(create, "POST", "/engine-rest/deployment/create", "carol", MediaType.MULTIPART_FORM_DATA,
        multipart(Map.of("deployment-name", "malformed"), "empty.bpmn", ""), Expect.CLIENT_ERROR);
    add(create, "POST", "/engine-rest/deployment/create", "carol", MediaType.MULTIPART_FORM_DATA,
        multipart(Map.of("deployment-name", "malformed"), "not-a-form.form", "{\"components\": "), Expect.CLIENT_ERROR);
    add(create, "POST", "/engine-rest/deployment/create", "carol", MediaType.MULTIPART_FORM_DATA,
        multipart(Map.of("deployment-name", "malformed"), "script.bpmn", scriptModel()), Expect.CLIENT_ERROR);
    add(create, "POST", "/engine-rest/deployment/create", "carol", MediaType.MULTIPART_FORM_DATA,
        multipart(Map.of("deployment-name", K10, "enable-duplicate-filtering", "perhaps"), "broken.bpmn", "<x/>"),
        Expect.CLIENT_ERROR);
    add(create, "POST", "/engine-rest/deployment/create", "alice", MediaType.MULTIPART_FORM_DATA,
        multipart(Map.of("deployment-name", "malformed"), "script.bpmn", scriptModel()), Expect.CLIENT_ERROR);
    add(create, "POST", "/engine-rest/deployment/create", "carol", MediaType.MULTIPART_FORM_DATA,
        multipart(Map.of("deployment-name", "malformed", "deployment-activation-time", "tomorrow"), "script.bpmn", scriptModel()),
        Expect.CLIENT_ERROR);
    get("GET /engine-rest/deployment", "/engine-rest/deployment?maxResults=abc&sortBy=nope", "carol", Expect.SUCCESS_OR_CLIENT_ERROR);
    get("GET /engine-rest/deployment", "/engine-rest/deployment?after=yesterday", "carol", Expect.SUCCESS_OR_CLIENT_ERROR);
    get("GET /engine-rest/deployment/{id}", "/engine-rest/deployment/" + unknown, "carol", Expect.CLIENT_ERROR);
    get("GET /engine-rest/deployment/{id}/resources", "/engine-rest/deployment/" + unknown + "/resources", "carol", Expect.CLIENT_ERROR);
    get("GET /engine-rest/deployment/{id}/resources/{rid}/data", "/engine-rest/deployment/" + deployment + "/resources/"
        + unknown + "/data", "carol", Expect.CLIENT_ERROR);
    delete("DELETE /engine-rest/deployment/{id}", "/engine-rest/deployment/" + unknown, "carol");
    delete("DELETE /engine-rest/deployment/{id}", "/engine-rest/deployment/" + deployment, "alice");

    get("GET /engine-rest/filter", "/engine-rest/filter?resourceType=nope&maxResults=abc", "alice", Expect.SUCCESS_OR_CLIENT_ERROR);
    get("GET /engine-rest/filter", "/engine-rest/filter?itemCount=perhaps", "alice", Expect.SUCCESS_OR_CLIENT_ERROR);
    for (String path : List.of("", "/list", "/count", "/singleResult")) {
      get("GET /engine-rest/filter/{id}" + path, "/engine-rest/filter/" + unknown + path, "alice", Expect.CLIENT_ERROR);
    }
    for (String path : List.of("/list", "/count")) {
      String endpoint = "POST /engine-rest/filter/{id}" + path;
      queryBodies(endpoint, "/engine-rest/filter/" + filter + path, "alice");
      post(endpoint, "/engine-rest/filter/" + unknown + path, "alice", "{}");
      post(endpoint, "/engine-rest/filter/" + filter + path + "?firstResult=-3&maxResults=abc", "alice", "{}",
          Expect.SUCCESS_OR_CLIENT_ERROR);
      post(endpoint, "/engine-rest/filter/" + filter + path, "alice", "{\"processVariables\": [{\"name\": \"a\", "
          + "\"operator\": \"zz\", \"value\": 1}], \"createdBefore\": \"soon\"}", Expect.SUCCESS_OR_CLIENT_ERROR);
    }
    get("GET /engine-rest/filter/{id}/list", "/engine-rest/filter/" + filter + "/list?maxResults=-1&firstResult=abc", "alice",
        Expect.SUCCESS_OR_CLIENT_ERROR);
    post("POST /engine-rest/filter/create", "/engine-rest/filter/create", "alice", "{\"resourceType\": \"Task\", \"name\": \"x\", "
        + "\"query\": \"nope\"}");
    post("POST /engine-rest/filter/create", "/engine-rest/filter/create", "alice", "{\"resourceType\": \"Nope\", \"name\": \"x\", "
        + "\"query\": {}}");
    put("PUT /engine-rest/filter/{id}", "/engine-rest/filter/" + unknown, "admin", JSON, "{\"query\": {\"createdBefore\": \"soon\"}}");
    put("PUT /engine-rest/filter/{id}", "/engine-rest/filter/" + filter, "alice", JSON, "{\"query\": ");

    get("GET /engine-rest/user", "/engine-rest/user?maxResults=abc&sortBy=nope", "bob", Expect.SUCCESS_OR_CLIENT_ERROR);
    get("GET /engine-rest/user/{id}/profile", "/engine-rest/user/no-such-user/profile", "bob", Expect.CLIENT_ERROR);
    get("GET /engine-rest/user/{id}/profile", "/engine-rest/user/" + K10.substring(0, 3000) + "/profile", "bob", Expect.CLIENT_ERROR);
    get("GET /engine-rest/group", "/engine-rest/group?maxResults=abc&sortBy=nope", "bob", Expect.SUCCESS_OR_CLIENT_ERROR);
    get("GET /engine-rest/group/{id}", "/engine-rest/group/no-such-group", "bob", Expect.CLIENT_ERROR);
    get("GET /engine-rest/identity/groups", "/engine-rest/identity/groups", "alice", Expect.CLIENT_ERROR);
    get("GET /engine-rest/identity/groups", "/engine-rest/identity/groups?userId=no-such-user", "alice", Expect.SUCCESS_OR_CLIENT_ERROR);
    put("PUT /engine-rest/user/{id}/credentials", "/engine-rest/user/alice/credentials", "alice", JSON, "{\"password\": 5}");
    put("PUT /engine-rest/user/{id}/credentials", "/engine-rest/user/bob/credentials", "alice", JSON,
        "{\"password\": \"Another-long-password-1\", \"authenticatedUserPassword\": \"demo\"}");

    get("GET /engine-rest/decision-definition", "/engine-rest/decision-definition?maxResults=abc&sortBy=nope", "bob",
        Expect.SUCCESS_OR_CLIENT_ERROR);
    String evaluate = "POST /engine-rest/decision-definition/key/{key}/evaluate";
    standardBodies(evaluate, "/engine-rest/decision-definition/key/stage-exit-criteria/evaluate", "admin", true);
    // The table answers "not met" for inputs it does not know.
    post(evaluate, "/engine-rest/decision-definition/key/stage-exit-criteria/evaluate", "admin", "{\"variables\": {}}",
        Expect.SUCCESS_OR_CLIENT_ERROR);
    post(evaluate, "/engine-rest/decision-definition/key/stage-exit-criteria/evaluate", "admin",
        "{\"variables\": {\"stage\": {\"value\": 5, \"type\": \"Integer\"}}}", Expect.SUCCESS_OR_CLIENT_ERROR);
    post(evaluate, "/engine-rest/decision-definition/key/no-such-decision/evaluate", "admin", "{\"variables\": {}}");
    post(evaluate, "/engine-rest/decision-definition/key/stage-exit-criteria/evaluate", "alice", "{\"variables\": {}}");

    // Without credentials, or with wrong ones: of nobody, as a real user's wrong password would lock that user for
    // the tests that come after in this shared application (login throttling, which LoginThrottlingIT covers).
    add("GET /engine-rest/task", "GET", "/engine-rest/task", null, null, null, Expect.CLIENT_ERROR);
    add("GET /engine-rest/task", "GET", "/engine-rest/task", "no-such-user:wrong", null, null, Expect.CLIENT_ERROR);
    add("POST /engine-rest/process-definition/key/{key}/start", "POST", "/engine-rest/process-definition/key/" + LIFECYCLE
        + "/start", null, JSON, "{}", Expect.CLIENT_ERROR);
  }

  // --- /api and the public pages ---

  private void api() {
    String contributors = "/api/communities/" + COMMUNITY + "/contributors";
    String c = "/api/communities/{communityKey}/contributors";
    for (String query : List.of("?tier=nope", "?tier=" + K10.substring(0, 4000), "?tier=")) {
      get("GET " + c, contributors + query, "alice", Expect.SUCCESS_OR_CLIENT_ERROR);
    }
    get("GET " + c, "/api/communities/no-such-community/contributors", "alice", Expect.CLIENT_ERROR);
    get("GET " + c, "/api/communities/" + K10.substring(0, 4000) + "/contributors", "alice", Expect.CLIENT_ERROR);
    get("GET " + c, contributors, "mateo", Expect.CLIENT_ERROR);
    get("GET " + c, contributors, "carol", Expect.CLIENT_ERROR);
    add("GET " + c, "GET", contributors, null, null, null, Expect.CLIENT_ERROR);
    get("GET " + c + "/{handle}", contributors + "/no-such-handle", "bob", Expect.CLIENT_ERROR);
    get("GET " + c + "/{handle}", contributors + "/" + K10.substring(0, 4000), "bob", Expect.CLIENT_ERROR);
    standardBodies("POST " + c, contributors, "alice", false);
    // A number for a handle is taken as its text: "5" is a handle.
    post("POST " + c, contributors, "alice", "{\"handle\": 5}", Expect.SUCCESS_OR_CLIENT_ERROR);
    for (String body : List.of("{}", "{\"handle\": {\"a\": 1}}", "{\"handle\": [\"kiki\"]}",
        "{\"handle\": \"" + K10 + "\"}", "{\"handle\": \"kiki-long\", \"name\": \"" + K100 + "\"}",
        "{\"handle\": \"kiki-date\", \"joinedOn\": \"yesterday\"}", "{\"handle\": \"kiki-date2\", \"joinedOn\": \"2026-02-30\"}",
        "{\"handle\": \"not a handle!\"}", "{\"handle\": \"\"}")) {
      post("POST " + c, contributors, "alice", body);
    }
    post("POST " + c, "/api/communities/no-such-community/contributors", "alice", "{\"handle\": \"kiki\"}");
    post("POST " + c, contributors, "mateo", "{\"handle\": \"kiki\"}");
    // A contributor of the community for the activity and role cases.
    post("POST " + c, contributors, "alice", "{\"handle\": \"malformed-kiki\", \"joinedOn\": \"2026-01-05\"}",
        Expect.SUCCESS_OR_CLIENT_ERROR);
    for (String sub : List.of("activities", "roles")) {
      String endpoint = "POST " + c + "/{handle}/" + sub;
      String path = contributors + "/malformed-kiki/" + sub;
      standardBodies(endpoint, path, "alice", false);
      for (String body : List.of("{}", "{\"date\": \"yesterday\", \"kind\": \"code\"}", "{\"date\": 5, \"kind\": {}}",
          "{\"date\": \"2026-01-06\", \"kind\": \"code\", \"reference\": \""
              + K100 + "\"}", "{\"role\": \"" + K10 + "\", \"from\": \"2026-01-06\"}", "{\"role\": \"maintainer\", \"from\": \"soon\", "
              + "\"to\": \"later\"}", "{\"role\": \"maintainer\", \"from\": \"2026-03-01\", \"to\": \"2026-01-01\"}",
          "{\"role\": [1], \"from\": [2]}")) {
        post(endpoint, path, "alice", body);
      }
      // Kinds are free words (code, docs, ...): one the app has not seen is still a kind.
      post(endpoint, path, "alice", "{\"date\": \"2026-01-06\", \"kind\": \"no-such-kind\"}", Expect.SUCCESS_OR_CLIENT_ERROR);
      post(endpoint, contributors + "/no-such-handle/" + sub, "alice", "{\"date\": \"2026-01-06\", \"kind\": \"code\", "
          + "\"role\": \"maintainer\", \"from\": \"2026-01-06\"}");
      post(endpoint, path, "mateo", "{\"date\": \"2026-01-06\", \"kind\": \"code\"}");
    }
    for (String query : List.of("?since=yesterday", "?until=2026-13-01", "?since=2026-05-01&until=2026-01-01",
        "?since=" + K10.substring(0, 4000))) {
      get("GET " + c + "/conversions", contributors + "/conversions" + query, "alice", Expect.SUCCESS_OR_CLIENT_ERROR);
    }
    get("GET " + c + "/conversions", contributors + "/conversions", "mateo", Expect.CLIENT_ERROR);
    for (String query : List.of("", "?since=", "?since=yesterday", "?since=2026-01-01&asOf=later", "?since=99999-01-01",
        "?since=2026-01-01&asOf=1900-01-01")) {
      get("GET " + c + "/figures", contributors + "/figures" + query, "alice",
          query.isEmpty() || query.equals("?since=") ? Expect.CLIENT_ERROR : Expect.SUCCESS_OR_CLIENT_ERROR);
    }
    String importPath = contributors + "/import";
    String importEndpoint = "POST " + c + "/import";
    add(importEndpoint, "POST", importPath, "alice", CSV, null, Expect.CLIENT_ERROR);
    add(importEndpoint, "POST", importPath, "alice", JSON, "{\"handle\": \"kiki\"}", Expect.CLIENT_ERROR);
    add(importEndpoint, "POST", importPath, "alice", CSV, "not,a,header\n\"unterminated", Expect.CLIENT_ERROR);
    add(importEndpoint, "POST", importPath, "alice", CSV, "handle,name,joinedOn\nkiki,Kiki,yesterday\n", Expect.CLIENT_ERROR);
    add(importEndpoint, "POST", importPath, "alice", CSV, "handle,name,joinedOn\n" + K10 + ",Kiki,2026-01-01\n", Expect.CLIENT_ERROR);
    add(importEndpoint, "POST", importPath, "alice", TEXT, "handle\n" + ("x,y,z,w\n".repeat(15_000)), Expect.CLIENT_ERROR);
    add(importEndpoint, "POST", importPath, "mateo", CSV, "handle\nkiki\n", Expect.CLIENT_ERROR);

    String d = "/api/dashboard";
    for (String path : List.of("/portfolio", "/stalled", "/programs", "/handoff-health", "/communities/" + COMMUNITY,
        "/communities/" + COMMUNITY + "/handoffs.csv", "/communities/" + COMMUNITY + "/handoffs.json")) {
      String endpoint = "GET " + d + path.replace(COMMUNITY, "{key}");
      get(endpoint, d + path, "mateo", Expect.CLIENT_ERROR);
      get(endpoint, d + path, "alice", Expect.CLIENT_ERROR);
      add(endpoint, "GET", d + path, null, null, null, Expect.CLIENT_ERROR);
    }
    for (String path : List.of("/communities/no-such-community", "/communities/no-such-community/handoffs.csv",
        "/communities/no-such-community/handoffs.json", "/communities/" + K10.substring(0, 4000))) {
      get("GET " + d + path.replaceAll("/communities/[^/]+", "/communities/{key}"), d + path, "bob", Expect.CLIENT_ERROR);
    }
    for (String query : List.of("?sort=nope", "?order=sideways", "?sort=community&order=", "?liaison=" + K10.substring(0, 4000))) {
      get("GET " + d + "/stalled", d + "/stalled" + query, "bob", Expect.SUCCESS_OR_CLIENT_ERROR);
    }
    get("GET " + d + "/portfolio", d + "/portfolio?liaison=" + K10.substring(0, 4000), "bob", Expect.SUCCESS_OR_CLIENT_ERROR);

    String j = "/api/ops-jams/{key}";
    for (String path : List.of("/roadmap", "/roadmap.md", "/roadmap.csv", "/themes")) {
      get("GET " + j + path, "/api/ops-jams/no-such-jam" + path, "alice", Expect.CLIENT_ERROR);
      get("GET " + j + path, "/api/ops-jams/" + K10.substring(0, 4000) + path, "alice", Expect.CLIENT_ERROR);
      add("GET " + j + path, "GET", "/api/ops-jams/" + JAM + path, null, null, null, Expect.CLIENT_ERROR);
    }
    String requests = "/api/ops-jams/" + JAM + "/requests";
    standardBodies("POST " + j + "/requests", requests, "alice", false);
    for (String body : List.of("{}", "{\"title\": {\"a\": 1}}", "{\"title\": [\"a\"]}", "{\"title\": \"\"}",
        "{\"title\": \"" + K10 + "\"}", "{\"title\": \"Malformed tags\", \"tags\": {\"a\": 1}}",
        "{\"title\": \"Malformed tags\", \"tags\": [1, {}, null]}", "{\"title\": \"Malformed description\", \"description\": \""
            + K100 + "\"}", "{\"title\": \"Malformed tags\", \"tags\": \"" + K10 + "\"}")) {
      post("POST " + j + "/requests", requests, "alice", body);
    }
    post("POST " + j + "/requests", "/api/ops-jams/no-such-jam/requests", "alice", "{\"title\": \"A\"}");
    add("POST " + j + "/requests", "POST", requests, null, JSON, "{\"title\": \"A\"}", Expect.CLIENT_ERROR);

    String m = "/api/mentoring/cohorts";
    get("GET " + m, m, "alice", Expect.CLIENT_ERROR);
    get("GET " + m, m + "?maxResults=abc", "mateo", Expect.CLIENT_ERROR);
    add("GET " + m, "GET", m, null, null, null, Expect.CLIENT_ERROR);
    get("GET " + m + "/{key}", m + "/no-such-cohort", "admin", Expect.CLIENT_ERROR);
    get("GET " + m + "/{key}", m + "/no-such-cohort", "maya", Expect.CLIENT_ERROR);
    get("GET " + m + "/{key}", m + "/" + COHORT, "alice", Expect.CLIENT_ERROR);
    get("GET " + m + "/{key}", m + "/" + K10.substring(0, 4000), "bob", Expect.CLIENT_ERROR);

    String s = "/api/communities/{key}/stages";
    get("GET " + s, "/api/communities/no-such-community/stages", "bob", Expect.CLIENT_ERROR);
    get("GET " + s, "/api/communities/" + COMMUNITY + "/stages", "mateo", Expect.CLIENT_ERROR);
    get("GET " + s, "/api/communities/" + K10.substring(0, 4000) + "/stages", "bob", Expect.CLIENT_ERROR);
    add("GET " + s, "GET", "/api/communities/" + COMMUNITY + "/stages", null, null, null, Expect.CLIENT_ERROR);

    String a = "/api/communities-of-practice/{key}/assessments";
    get("GET " + a, "/api/communities-of-practice/no-such-practice/assessments", "bob", Expect.CLIENT_ERROR);
    get("GET " + a, "/api/communities-of-practice/no-such-practice/assessments", "mateo", Expect.CLIENT_ERROR);
    get("GET " + a, "/api/communities-of-practice/" + PRACTICE + "/assessments", "mateo", Expect.CLIENT_ERROR);
    get("GET " + a, "/api/communities-of-practice/" + K10.substring(0, 4000) + "/assessments", "bob", Expect.CLIENT_ERROR);
    add("GET " + a, "GET", "/api/communities-of-practice/" + PRACTICE + "/assessments", null, null, null, Expect.CLIENT_ERROR);

    String p = "/api/me/mail-preferences";
    add("GET " + p, "GET", p, null, null, null, Expect.CLIENT_ERROR);
    add("GET " + p, "GET", p, "no-such-user:wrong", null, null, Expect.CLIENT_ERROR);
    standardBodies("PUT " + p, p, "alice", false);
    for (String body : List.of("{\"digest\": \"yes\"}", "{\"nope\": true}", "{\"" + K10 + "\": true}", "{\"digest\": null}",
        "{\"digest\": {\"a\": true}}", "{\"digest\": \"" + K100 + "\"}")) {
      put("PUT " + p, p, "alice", JSON, body);
    }
    add("PUT " + p, "PUT", p, null, JSON, "{\"digest\": false}", Expect.CLIENT_ERROR);
    // An unknown path and a method an endpoint does not take.
    get("GET /api/{unknown}", "/api/no-such-endpoint", "alice", Expect.CLIENT_ERROR);
    add("DELETE /api/me/mail-preferences", "DELETE", p, "alice", null, null, Expect.CLIENT_ERROR);
    add("POST /api/dashboard/portfolio", "POST", d + "/portfolio", "bob", JSON, "{}", Expect.CLIENT_ERROR);
  }

  private void publicPages() {
    String token = "not-a-token-" + UUID.randomUUID();
    html("GET /alumni/{hub}", "GET", "/alumni/no-such-hub", null, null, Expect.CLIENT_ERROR);
    html("GET /alumni/{hub}", "GET", "/alumni/" + K10.substring(0, 4000), null, null, Expect.CLIENT_ERROR);
    html("GET /alumni/{hub}", "GET", "/alumni/UPPER%20case", null, null, Expect.CLIENT_ERROR);
    html("GET /alumni", "GET", "/alumni?page=abc", null, null, Expect.SUCCESS_OR_CLIENT_ERROR);
    html("GET /alumni/feedback/{token}", "GET", "/alumni/feedback/" + token, null, null, Expect.CLIENT_ERROR);
    html("GET /alumni/feedback/{token}", "GET", "/alumni/feedback/" + K10.substring(0, 4000), null, null, Expect.CLIENT_ERROR);
    html("POST /alumni/feedback/{token}", "POST", "/alumni/feedback/" + token, FORM, "store=maybe&upTo=" + K10, Expect.CLIENT_ERROR);
    html("POST /alumni/feedback/{token}", "POST", "/alumni/feedback/" + token, JSON, "{\"store\": ", Expect.CLIENT_ERROR);
    html("POST /alumni/feedback/{token}", "POST", "/alumni/feedback/" + token, null, null, Expect.CLIENT_ERROR);
    html("GET /alumni/withdraw/{token}", "GET", "/alumni/withdraw/" + token, null, null, Expect.CLIENT_ERROR);
    html("POST /alumni/withdraw/{token}", "POST", "/alumni/withdraw/" + token, FORM, "formToken=" + K10, Expect.CLIENT_ERROR);
    html("POST /alumni/withdraw/{token}", "POST", "/alumni/withdraw/" + token, TEXT, "x", Expect.CLIENT_ERROR);
    html("GET /mail/unsubscribe", "GET", "/mail/unsubscribe", null, null, Expect.CLIENT_ERROR);
    html("GET /mail/unsubscribe", "GET", "/mail/unsubscribe?token=" + token, null, null, Expect.CLIENT_ERROR);
    html("GET /mail/unsubscribe", "GET", "/mail/unsubscribe?token=" + K10.substring(0, 4000), null, null, Expect.CLIENT_ERROR);
    html("POST /mail/unsubscribe", "POST", "/mail/unsubscribe?token=" + token, FORM, "x=" + K100, Expect.CLIENT_ERROR);
    html("POST /mail/unsubscribe", "POST", "/mail/unsubscribe", JSON, "{\"token\": ", Expect.CLIENT_ERROR);
  }

  // --- the standard sets of bad input ---

  /** Bodies no endpoint taking a JSON object accepts; no body at all where the body is optional. */
  private void standardBodies(String endpoint, String path, String user, boolean optional) {
    add(endpoint, method(endpoint), path, user, JSON, "{\"variables\": {", Expect.CLIENT_ERROR);
    add(endpoint, method(endpoint), path, user, JSON, "{'single': 'quotes'}", Expect.CLIENT_ERROR);
    add(endpoint, method(endpoint), path, user, JSON, null, optional ? Expect.SUCCESS_OR_CLIENT_ERROR : Expect.CLIENT_ERROR);
    add(endpoint, method(endpoint), path, user, TEXT, "variables=none", Expect.CLIENT_ERROR);
    add(endpoint, method(endpoint), path, user, MediaType.APPLICATION_XML, "<variables/>", Expect.CLIENT_ERROR);
    add(endpoint, method(endpoint), path, user, JSON, "[{\"variables\": {}}]", Expect.CLIENT_ERROR);
    add(endpoint, method(endpoint), path, user, JSON, "\"variables\"", Expect.CLIENT_ERROR);
    add(endpoint, method(endpoint), path, user, JSON, "42", Expect.CLIENT_ERROR);
  }

  /** The standard bodies, and variables of the wrong shape, type or size. */
  private void variableBodies(String endpoint, String path, String user) {
    standardBodies(endpoint, path, user, false);
    for (String body : List.of(
        "{\"variables\": \"communityName=x\"}",
        "{\"variables\": [{\"name\": \"communityName\", \"value\": \"x\"}]}",
        "{\"variables\": {\"communityName\": \"not an object\"}}",
        "{\"variables\": {\"communityName\": [1, 2]}}",
        "{\"variables\": {\"communityName\": {\"value\": \"abc\", \"type\": \"Integer\"}}}",
        "{\"variables\": {\"communityName\": {\"value\": \"abc\", \"type\": \"NoSuchType\"}}}",
        "{\"variables\": {\"communityName\": {\"value\": \"2026-99-99\", \"type\": \"Date\"}}}",
        "{\"variables\": {\"communityName\": {\"value\": \"{\", \"type\": \"Json\"}}}",
        "{\"variables\": {\"communityName\": {\"value\": \"<a>\", \"type\": \"Xml\"}}}",
        "{\"variables\": {\"communityName\": {\"value\": 1, \"valueInfo\": \"x\"}}}",
        "{\"variables\": {\"communityName\": {\"value\": \"rO0ABXQAAWE=\", \"type\": \"Object\", \"valueInfo\": {\"objectTypeName\": "
            + "\"java.lang.String\", \"serializationDataFormat\": \"application/x-java-serialized-object\"}}}}",
        "{\"variables\": {\"communityName\": {\"value\": \"{}\", \"type\": \"Object\", \"valueInfo\": {\"objectTypeName\": "
            + "\"java.lang.ProcessBuilder\", \"serializationDataFormat\": \"application/json\"}}}}",
        "{\"variables\": {\"communityName\": {\"value\": \"x\", \"type\": \"File\", \"valueInfo\": {\"filename\": 5}}}}",
        "{\"variables\": {\"" + K10 + "\": {\"value\": \"x\"}}}",
        "{\"variables\": {\"communityName\": {\"value\": \"" + K100 + "\"}}}",
        "{\"variables\": {\"communityName\": {\"value\": 1e400, \"type\": \"Double\"}}}",
        "{\"variables\": {\"communityName\": {\"value\": 99999999999999999999, \"type\": \"Long\"}}}",
        "{\"variables\": {\"communityName\": {\"value\": 99999999999, \"type\": \"Integer\"}}}",
        "{\"variables\": {\"communityName\": {\"value\": 1.5, \"type\": \"Short\"}}}",
        "{\"variables\": {\"communityName\": {\"value\": \"yes\", \"type\": \"Boolean\"}}}",
        "{\"variables\": {\"communityName\": {\"value\": \"%%%\", \"type\": \"Bytes\"}}}")) {
      post(endpoint, path, user, body);
    }
  }

  /** Bodies of a query of the wrong shape; a query with unknown or odd criteria may be answered 200. */
  private void queryBodies(String endpoint, String path, String user) {
    standardBodies(endpoint, path, user, true);
    for (String body : List.of("{\"sorting\": \"created\"}", "{\"sorting\": [{\"sortBy\": \"nope\", \"sortOrder\": \"asc\"}]}",
        "{\"sorting\": [{\"sortBy\": \"created\", \"sortOrder\": \"sideways\"}]}", "{\"sorting\": [{\"sortBy\": \"created\"}]}",
        "{\"sorting\": [{\"sortBy\": \"processVariable\", \"sortOrder\": \"asc\", \"parameters\": {\"variable\": \"a\", \"type\": \"Nope\"}}]}",
        "{\"processInstanceIds\": \"x\", \"processInstanceId\": [1]}")) {
      post(endpoint, path, user, body, Expect.SUCCESS_OR_CLIENT_ERROR);
    }
  }

  /** A few of them, for the lists' counts and the less used lists. */
  static final List<String> SHORT_QUERIES = List.of("maxResults=abc", "firstResult=-5&maxResults=2", "sortBy=nope&sortOrder=asc",
      "startedBefore=yesterday");

  /** Query strings that are wrong in type or range; engine queries may ignore some (200). */
  private static List<String> badListQueries(String... sortBys) {
    return List.of("maxResults=-1", "maxResults=abc", "firstResult=abc", "firstResult=-5&maxResults=2",
        "maxResults=99999999999", "maxResults=2147483647", "sortBy=nope&sortOrder=asc", "sortBy=" + sortBys[0],
        "sortOrder=sideways&sortBy=" + sortBys[0], "sortBy=" + sortBys[0] + "&sortOrder=asc&sortBy=" + sortBys[1],
        "latestVersion=perhaps&active=maybe", "processDefinitionKeyIn=" + K10.substring(0, 4000), "startedBefore=yesterday",
        "tenantIdIn=,,,");
  }

  private static List<String> badTaskQueries() {
    return List.of("maxResults=-1", "maxResults=abc", "firstResult=-5&maxResults=1", "maxResults=99999999999",
        "sortBy=nope&sortOrder=asc", "sortBy=created", "sortBy=created&sortOrder=sideways", "createdBefore=yesterday",
        "dueDate=2026-13-45T00:00:00.000+0000", "dueBefore=not-a-date", "followUpAfter=2026-01-01", "processVariables=a_zz_1",
        "processVariables=nonsense", "taskVariables=a_eq_", "priority=high", "maxPriority=1e99", "assigned=perhaps",
        "candidateGroups=" + K10.substring(0, 4000), "nameLike=" + K10.substring(0, 4000), "assigneeIn=,,",
        "withCandidateGroups=true&withoutCandidateGroups=true", "candidateUser=alice&candidateGroup=activators",
        "includeAssignedTasks=true", "variableNamesIgnoreCase=x", "sortBy=processVariable&sortOrder=asc");
  }

  // --- cases and requests ---

  private void get(String endpoint, String path, String user, Expect expect) {
    add(endpoint, "GET", path, user, null, null, expect);
  }

  private void post(String endpoint, String path, String user, String body) {
    add(endpoint, "POST", path, user, body == null ? null : JSON, body, Expect.CLIENT_ERROR);
  }

  private void post(String endpoint, String path, String user, String body, Expect expect) {
    add(endpoint, "POST", path, user, JSON, body, expect);
  }

  private void put(String endpoint, String path, String user, MediaType type, String body) {
    add(endpoint, "PUT", path, user, type, body, Expect.CLIENT_ERROR);
  }

  private void delete(String endpoint, String path, String user) {
    add(endpoint, "DELETE", path, user, null, null, Expect.CLIENT_ERROR);
  }

  private void add(String endpoint, String method, String path, String user, MediaType type, Object body, Expect expect) {
    cases.add(new Case(endpoint, method, path, user, type, body, expect, false));
  }

  private void html(String endpoint, String method, String path, MediaType type, Object body, Expect expect) {
    cases.add(new Case(endpoint, method, path, null, type, body, expect, true));
  }

  private static String method(String endpoint) {
    return endpoint.substring(0, endpoint.indexOf(' '));
  }

  /**
   * Every case's answer, in the order of the cases. The cases on the test's own task and instance
   * go one after the other, in their order; the rest three at a time, to keep the test short.
   */
  private List<ResponseEntity<String>> sendAll(String task, String instance) throws Exception {
    List<ResponseEntity<String>> answers = new ArrayList<>(java.util.Collections.nCopies(cases.size(), null));
    List<Integer> fixture = new ArrayList<>();
    List<Integer> rest = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      (cases.get(i).path().contains(task) || cases.get(i).path().contains(instance) ? fixture : rest).add(i);
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> done = new ArrayList<>();
      done.add(pool.submit(() -> fixture.forEach(index -> answers.set(index, send(cases.get(index))))));
      for (int index : rest) {
        done.add(pool.submit(() -> answers.set(index, send(cases.get(index)))));
      }
      for (Future<?> future : done) {
        future.get();
      }
    } finally {
      pool.shutdownNow();
    }
    return answers;
  }

  private ResponseEntity<String> send(Case c) {
    HttpHeaders headers = new HttpHeaders();
    if (c.type() != null) {
      headers.setContentType(c.type());
    }
    headers.setAccept(c.html() ? List.of(MediaType.TEXT_HTML) : List.of(MediaType.APPLICATION_JSON, MediaType.ALL));
    TestRestTemplate client = rest;
    if (c.user() != null) {
      String[] credentials = c.user().split(":", 2);
      client = rest.withBasicAuth(credentials[0], credentials.length > 1 ? credentials[1] : "demo");
    }
    URI uri = URI.create(rest.getRootUri() + c.path());
    try {
      return client.exchange(uri, HttpMethod.valueOf(c.method()), new HttpEntity<>(c.body(), headers), String.class);
    } catch (RuntimeException e) {
      // A reset connection or the like: as bad as a 5xx.
      return ResponseEntity.status(599).body(e.toString());
    }
  }

  /** Why a client error's answer does not help the caller, or null if it says what to fix in JSON. */
  private String jsonProblem(ResponseEntity<String> answer) {
    MediaType type = answer.getHeaders().getContentType();
    if (type == null || !(type.isCompatibleWith(JSON) || type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))) {
      return "not JSON (" + type + ")";
    }
    try {
      JsonNode body = json.readTree(answer.getBody() == null ? "" : answer.getBody());
      String message = body == null ? null : body.hasNonNull("message") ? body.get("message").asText()
          : body.hasNonNull("detail") ? body.get("detail").asText() : null;
      return message == null || message.isBlank() ? "no message" : null;
    } catch (Exception e) {
      return "unreadable JSON";
    }
  }

  /** The public pages answer people in HTML: a page that says what happened. */
  private static String htmlProblem(ResponseEntity<String> answer) {
    MediaType type = answer.getHeaders().getContentType();
    if (type == null || !type.isCompatibleWith(MediaType.TEXT_HTML)) {
      return "not HTML (" + type + ")";
    }
    return answer.getBody() == null || answer.getBody().isBlank() ? "empty page" : null;
  }

  // --- fixtures ---

  /** Starts a lifecycle for the test's own community and returns alice's first delivery task in it. */
  private String deliverTask() {
    ResponseEntity<Map> started = rest.withBasicAuth("alice", "demo").postForEntity(
        "/engine-rest/process-definition/key/" + LIFECYCLE + "/submit-form",
        Map.of("variables", json(lifecycleInputs(COMMUNITY_NAME, "alice"))), Map.class);
    assertThat(started.getStatusCode()).as("%s", started.getBody()).isEqualTo(HttpStatus.OK);
    List<Map<String, Object>> tasks = restTasks("alice", "processInstanceBusinessKey=" + COMMUNITY
        + "&taskDefinitionKey=Task_DeliverMilestone&assignee=alice&sortBy=created&sortOrder=asc");
    assertThat(tasks).isNotEmpty();
    return tasks.get(0).get("id").toString();
  }

  private static String lifecycleInputs(String name, String activator) {
    return variables(Map.of("communityName", name, "activator", activator, "liaison", "bob", "entryStage", STAGE));
  }

  private Map<?, ?> json(String text) {
    try {
      return json.readValue(text, Map.class);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String variables(Map<String, Object> values) {
    try {
      Map<String, Object> variables = new TreeMap<>();
      values.forEach((k, v) -> variables.put(k, Map.of("value", v)));
      return new ObjectMapper().writeValueAsString(variables);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static MultiValueMap<String, Object> multipart(Map<String, String> fields, String fileName, String content) {
    MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    fields.forEach(parts::add);
    parts.add(fileName, new org.springframework.core.io.ByteArrayResource(content.getBytes()) {
      @Override
      public String getFilename() {
        return fileName;
      }
    });
    return parts;
  }

  private static String scriptModel() {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">
          <bpmn:process id="malformed-script" isExecutable="true">
            <bpmn:startEvent id="s"/>
            <bpmn:scriptTask id="t" scriptFormat="groovy"><bpmn:script>1</bpmn:script></bpmn:scriptTask>
          </bpmn:process>
        </bpmn:definitions>
        """;
  }

  private static String abbreviate(String text) {
    String line = text.replace('\n', ' ');
    return line.length() > 300 ? line.substring(0, 300) + "...(" + line.length() + " chars)" : line;
  }
}
