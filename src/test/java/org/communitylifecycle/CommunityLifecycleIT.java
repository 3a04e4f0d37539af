package org.communitylifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.communitylifecycle.milestone.MilestoneContract;
import org.communitylifecycle.milestone.MilestoneResult;
import org.communitylifecycle.testsupport.RunningApplication;
import org.communitylifecycle.testsupport.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.communitylifecycle.lifecycle.LifecycleContract;

/**
 * The whole application on a random port, used through the REST API the way Tasklist and the
 * demo users use it. Jobs do not run by themselves: the test moves the clock and runs them.
 */
class CommunityLifecycleIT extends RunningApplication {

  static final String STAGE = "learning-and-preparing-for-growth";
  static final String LIFECYCLE = LifecycleContract.PROCESS_KEY;

  @Autowired TestRestTemplate rest;
  @Autowired ManagementService management;
  @Autowired IdentityService identity;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void anonymousCallersGet401() {
    ResponseEntity<String> response = rest.getForEntity("/engine-rest/task", String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
    // A user of this test's own: a wrong password locks the user for some seconds, and the other
    // integration tests in this JVM log in as the demo users.
    TestUsers.user(identity, "wrong-password-probe", "community-leads");
    assertThat(rest.withBasicAuth("wrong-password-probe", "wrong").getForEntity("/engine-rest/task", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void activatorsGet403OnDeploymentAndCockpit() {
    MultiValueMap<String, Object> deployment = new LinkedMultiValueMap<>();
    deployment.add("deployment-name", "alice-was-here");
    deployment.add("data", new FileSystemResource("processes/milestone.bpmn"));
    HttpHeaders multipart = new HttpHeaders();
    multipart.setContentType(MediaType.MULTIPART_FORM_DATA);
    ResponseEntity<String> deploy = rest.withBasicAuth("alice", "demo")
        .postForEntity("/engine-rest/deployment/create", new HttpEntity<>(deployment, multipart), String.class);
    assertThat(deploy.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

    assertThat(webappLogin("alice", "cockpit").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(webappLoginWithoutCsrfToken("bob", "cockpit").getStatusCode())
        .as("the webapps keep their CSRF protection").isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(webappLogin("alice", "tasklist").getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(webappLogin("bob", "cockpit").getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(webappLogin("carol", "cockpit").getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void aliceStartsACommunityDeliversAndBobRequestsChangesThenAccepts() {
    String lifecycle = startCommunity("Rust Berlin", "alice", "bob").getBody().get("id").toString();
    assertThat(restGet("bob", "/engine-rest/process-instance/" + lifecycle, Map.class).get("businessKey")).isEqualTo("rust-berlin");
    String stage = stageInstance("rust-berlin", STAGE);

    List<Map<String, Object>> aliceTasks = restTasks("alice", "assignee=alice&processInstanceBusinessKey=rust-berlin");
    assertThat(aliceTasks).hasSize(6).allSatisfy(t -> assertThat(t.get("name").toString()).startsWith("Deliver milestone: ").endsWith(" (Rust Berlin)"));
    String deliver = taskFor("alice", "rust-berlin", "documentPractices", MilestoneContract.TASK_DELIVER);

    ResponseEntity<String> badLink = submit("alice", deliver, Map.of("deliverableUrl", "our wiki", "deliverableSummary", "x"));
    assertThat(badLink.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(badLink.getBody()).contains("Link to the deliverable: give a web address such as https://wiki.example.org/page; 'our wiki' is not one");

    assertThat(submit("alice", deliver, Map.of("deliverableUrl", "https://wiki.example.org/rust-berlin/practices",
        "deliverableSummary", "How we run meetups", "delegatedTo", "ferris")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    String review = taskFor("bob", "rust-berlin", "documentPractices", MilestoneContract.TASK_REVIEW);
    assertThat(submit("alice", review, Map.of("reviewDecision", "accept")).getStatusCode())
        .as("alice may not review her own deliverable").isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
    assertThat(submit("bob", review, Map.of("reviewDecision", "request-changes", "reviewComment", "Add the code of conduct"))
        .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

    String again = taskFor("alice", "rust-berlin", "documentPractices", MilestoneContract.TASK_DELIVER);
    Map<?, ?> formVariables = restGet("alice", "/engine-rest/task/" + again + "/form-variables", Map.class);
    assertThat(((Map<?, ?>) formVariables.get("reviewComment")).get("value")).isEqualTo("Add the code of conduct");
    submit("alice", again, Map.of("deliverableUrl", "https://wiki.example.org/rust-berlin/practices-v2", "deliverableSummary", "With CoC"));
    submit("bob", taskFor("bob", "rust-berlin", "documentPractices", MilestoneContract.TASK_REVIEW), Map.of("reviewDecision", "accept"));

    // Serialized: the Json result as its text, as Cockpit reads it.
    Map<?, ?> variables = restGet("bob", "/engine-rest/process-instance/" + stage + "/variables?deserializeValues=false", Map.class);
    Map<String, Object> values = new java.util.HashMap<>();
    variables.keySet().forEach(name -> values.put(name.toString(), value(variables, name.toString())));
    MilestoneResult practices = MilestoneContract.resultOf(values, "documentPractices");
    assertThat(practices.outcome()).isEqualTo("accepted");
    assertThat(practices.acceptedBy()).isEqualTo("bob");
    assertThat(practices.reviewRounds()).isEqualTo(2);
    assertThat(practices.delegatedTo()).isEqualTo("ferris");
  }

  @Test
  void startingIsRefusedForADuplicateCommunityOrAPersonOutsideTheRole() {
    assertThat(startCommunity("Localization Hub", "alice", "bob").getStatusCode()).isEqualTo(HttpStatus.OK);

    ResponseEntity<Map> duplicate = startCommunity("localization hub", "alice", "bob");
    assertThat(duplicate.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(duplicate.getBody().get("message").toString()).contains("'localization-hub' already has a running lifecycle");

    ResponseEntity<Map> wrongRole = startCommunity("Add-ons Reviewers", "dave", "bob");
    assertThat(wrongRole.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(wrongRole.getBody().get("message").toString()).isEqualTo("The activator 'dave' is not in the group 'activators'");
    assertThat(restGet("bob", "/engine-rest/process-instance/count?businessKey=add-ons-reviewers", Map.class).get("count")).isEqualTo(0);
  }

  @Test
  void aStalledDeliveryEscalatesToBob() {
    startCommunity("WebCompat Reporters", "alice", "bob");
    String deliver = taskFor("alice", "webcompat-reporters", "trackConversionPoints", MilestoneContract.TASK_DELIVER);
    String milestone = restGet("alice", "/engine-rest/task/" + deliver, Map.class).get("processInstanceId").toString();

    Job stalled = management.createJobQuery().processInstanceId(milestone).activityId("Timer_DeliveryStalled").singleResult();
    assertThat(stalled.getDuedate()).isAfter(Date.from(new Date().toInstant().plus(Duration.ofDays(13))));
    ClockUtil.setCurrentTime(stalled.getDuedate());
    management.executeJob(stalled.getId());

    List<Map<String, Object>> followUps = restTasks("bob", "assignee=bob&processInstanceId=" + milestone);
    assertThat(followUps).extracting(t -> t.get("taskDefinitionKey")).containsExactly("Task_FollowUpStalledDelivery");
    assertThat(restTasks("alice", "assignee=bob&processInstanceId=" + milestone)).as("alice cannot see bob's tasks").isEmpty();
    assertThat(submit("bob", followUps.get(0).get("id").toString(), Map.of("followUpAction", "nudged")).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(management.createJobQuery().processInstanceId(milestone).activityId("Timer_DeliveryStillStalled").count()).isEqualTo(1);
  }

  // --- the lifecycle ---

  @Test
  void demoSeedsFiveCommunitiesEachInItsStage() {
    Map<String, String> seeded = Map.of(
        "firefox-nightly-testers", "pre-work", "mozfest-volunteers", "starting", "sumo-community", STAGE,
        "common-voice-kenya", "scaling", "mdn-localization", "sustaining");

    seeded.forEach((community, stage) -> {
      stageInstance(community, stage);
      assertThat(restGet("bob", "/engine-rest/process-instance/count?processDefinitionKey=" + LIFECYCLE + "&businessKey=" + community,
          Map.class).get("count")).as("lifecycle of %s", community).isEqualTo(1);
    });
    taskFor("bob", "sumo-community", "identifyGaps", MilestoneContract.TASK_REVIEW);
  }

  @Test
  void bobPausesResumesAndClosesACommunityFromTasklist() {
    assertThat(startCommunity("bob", "Rust Hamburg", "alice", "bob").getStatusCode())
        .as("liaisons may start a lifecycle too").isEqualTo(HttpStatus.OK);
    String deliver = taskFor("alice", "rust-hamburg", "documentPractices", MilestoneContract.TASK_DELIVER);

    assertThat(changeStatus("bob", "rust-hamburg", "pause", "Meetup venue closed for renovation").getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(count("bob", "businessKey=rust-hamburg&suspended=true")).as("the stage and its six milestones").isEqualTo(7);
    ResponseEntity<String> paused = submit("alice", deliver, Map.of("deliverableUrl", "https://wiki.example.org/rust-hamburg/practices",
        "deliverableSummary", "Practices"));
    assertThat(paused.getStatusCode()).as("a paused milestone cannot be delivered").isEqualTo(HttpStatus.CONFLICT);
    assertThat(paused.getBody()).contains("This work is paused");

    assertThat(changeStatus("bob", "rust-hamburg", "resume", null).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(count("bob", "businessKey=rust-hamburg&suspended=true")).isZero();

    ResponseEntity<String> noReason = changeStatus("bob", "rust-hamburg", "close", " ");
    assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(noReason.getBody()).contains("Give a reason for closing the community (statusChangeReason)");
    assertThat(count("bob", "businessKey=rust-hamburg")).isEqualTo(8);

    assertThat(changeStatus("bob", "rust-hamburg", "close", "The organisers moved to Berlin").getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(count("bob", "businessKey=rust-hamburg")).as("lifecycle, stage and milestones ended").isZero();
    assertThat(changeStatus("alice", "rust-hamburg", "pause", null).getStatusCode())
        .as("activators may not even see the status change").isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void adminPausesAndClosesThroughTheMessageApi() {
    startCommunity("Rust Vienna", "alice", "bob");

    assertThat(message("alice", Map.of("messageName", "CommunityPaused", "businessKey", "rust-vienna")).getStatusCode())
        .as("an activator may not correlate").isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(message("admin", Map.of("messageName", "CommunityPaused", "businessKey", "rust-vienna")).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(count("bob", "businessKey=rust-vienna&suspended=true")).isEqualTo(7);

    ResponseEntity<String> noReason = message("admin", Map.of("messageName", "CommunityClosed", "businessKey", "rust-vienna"));
    assertThat(noReason.getStatusCode().is2xxSuccessful()).isFalse();
    assertThat(noReason.getBody()).contains("Give a reason for closing the community (closeReason)");

    assertThat(message("admin", Map.of("messageName", "CommunityClosed", "businessKey", "rust-vienna",
        "processVariables", Map.of("closeReason", Map.of("value", "Merged into Rust Austria")))).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(count("bob", "businessKey=rust-vienna")).isZero();
  }

  @Test
  void stageHistoryNeedsAnAuthenticatedCaller() {
    assertThat(rest.getForEntity("/api/communities/sumo-community/stages", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  // --- helpers ---

  private ResponseEntity<String> changeStatus(String user, String community, String change, String reason) {
    Map<String, Object> variables = new java.util.HashMap<>();
    variables.put("communityKey", Map.of("value", community));
    variables.put("statusChange", Map.of("value", change));
    if (reason != null) {
      variables.put("statusChangeReason", Map.of("value", reason));
    }
    return rest.withBasicAuth(user, "demo").postForEntity(
        "/engine-rest/process-definition/key/change-community-status/submit-form", Map.of("variables", variables), String.class);
  }

  private ResponseEntity<String> message(String user, Map<String, Object> body) {
    return rest.withBasicAuth(user, "demo").postForEntity("/engine-rest/message", body, String.class);
  }

  private int count(String user, String query) {
    return ((Number) restGet(user, "/engine-rest/process-instance/count?" + query, Map.class).get("count")).intValue();
  }

  /** alice, or another user, starts a community's lifecycle in the growth stage, as from Tasklist. */
  private ResponseEntity<Map> startCommunity(String name, String activator, String liaison) {
    return startCommunity("alice", name, activator, liaison);
  }

  private ResponseEntity<Map> startCommunity(String user, String name, String activator, String liaison) {
    Map<String, Object> body = Map.of("variables", Map.of(
        "communityName", Map.of("value", name), "activator", Map.of("value", activator), "liaison", Map.of("value", liaison),
        "entryStage", Map.of("value", STAGE)));
    return rest.withBasicAuth(user, "demo")
        .postForEntity("/engine-rest/process-definition/key/" + LIFECYCLE + "/submit-form", body, Map.class);
  }

  /** The id of the community's running instance of a stage. */
  private String stageInstance(String community, String stage) {
    List<Map<String, Object>> found = rest.withBasicAuth("bob", "demo").exchange(
        "/engine-rest/process-instance?processDefinitionKey=" + stage + "&businessKey=" + community, HttpMethod.GET, null,
        new ParameterizedTypeReference<List<Map<String, Object>>>() {}).getBody();
    assertThat(found).as("%s of %s", stage, community).hasSize(1);
    return found.get(0).get("id").toString();
  }

  private ResponseEntity<String> submit(String user, String taskId, Map<String, Object> values) {
    Map<String, Object> variables = new java.util.HashMap<>();
    values.forEach((k, v) -> variables.put(k, Map.of("value", v)));
    return rest.withBasicAuth(user, "demo")
        .postForEntity("/engine-rest/task/" + taskId + "/submit-form", Map.of("variables", variables), String.class);
  }

  private String taskFor(String user, String community, String milestoneKey, String taskKey) {
    List<Map<String, Object>> found = restTasks(user, "processInstanceBusinessKey=" + community + "&taskDefinitionKey=" + taskKey
        + "&processVariables=milestoneKey_eq_" + milestoneKey);
    assertThat(found).as("%s's %s of %s", user, taskKey, milestoneKey).hasSize(1);
    return found.get(0).get("id").toString();
  }

  private static Object value(Map<?, ?> variables, String name) {
    Map<?, ?> variable = (Map<?, ?>) variables.get(name);
    assertThat(variable).as("variable %s", name).isNotNull();
    return variable.get("value");
  }

  /** Logs in as the webapps do: with the session's CSRF token from a first page load. */
  private ResponseEntity<String> webappLogin(String user, String app) {
    ResponseEntity<String> page = rest.getForEntity("/camunda/app/" + app + "/", String.class);
    List<String> cookies = page.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).stream()
        .map(c -> c.split(";", 2)[0]).toList();
    String token = cookies.stream().filter(c -> c.startsWith("XSRF-TOKEN=")).findFirst().orElseThrow()
        .substring("XSRF-TOKEN=".length());
    HttpHeaders headers = new HttpHeaders();
    headers.add(HttpHeaders.COOKIE, String.join("; ", cookies));
    headers.add("X-XSRF-TOKEN", token);
    return postLogin(user, app, headers);
  }

  private ResponseEntity<String> webappLoginWithoutCsrfToken(String user, String app) {
    return postLogin(user, app, new HttpHeaders());
  }

  private ResponseEntity<String> postLogin(String user, String app, HttpHeaders headers) {
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("username", user);
    form.add("password", "demo");
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    return rest.postForEntity("/camunda/api/admin/auth/user/default/login/" + app, new HttpEntity<>(form, headers), String.class);
  }
}
