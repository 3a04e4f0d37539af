package org.communitylifecycle.opsjam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.communitylifecycle.opsjam.OpsJamContract.TASK_COMB_BACKLOG;
import static org.communitylifecycle.opsjam.OpsJamContract.TASK_DISCUSS_OPS_NEEDS;
import static org.communitylifecycle.opsjam.OpsJamContract.TASK_DRAFT_AGENDA_AND_INVITATION;
import static org.communitylifecycle.opsjam.OpsJamContract.TASK_RECORD_FOLLOW_UP_MEETING;
import static org.communitylifecycle.opsjam.OpsJamContract.TASK_REVIEW_AGENDA_AND_INVITATION;
import static org.communitylifecycle.opsjam.OpsJamContract.TASK_SCHEDULE_JAM;
import static org.communitylifecycle.opsjam.OpsJamContract.TASK_SHARE_WORKFLOW_AND_WISHLIST;
import static org.communitylifecycle.opsjam.OpsJamContract.TIMER_JAM_DAY;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.communitylifecycle.testsupport.RunningApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The ops jam in the whole application, through the REST API as Tasklist uses it: Camunda Forms'
 * lists arrive as Json variables. Jobs do not run by themselves: the test runs the jam-day timer.
 */
class EcosystemOpsJamIT extends RunningApplication {

  static final ObjectMapper JSON = new ObjectMapper();

  @Autowired TestRestTemplate rest;
  @Autowired ManagementService management;
  @Autowired RoadmapItems items;
  @Autowired OpsJams jams;

  @Test
  void theDemoJamWaitsForInesWithIvansInputAndAlicesRequestInTheBacklog() {
    List<Map<String, Object>> ines = restTasks("ines", "assignee=ines&processInstanceBusinessKey=sourcecred-ecosystems");
    assertThat(ines).extracting(t -> t.get("name"))
        .containsExactly("Share workflow, pain points and wishlist (SourceCred Ecosystems)");
    Map<?, ?> form = restGet("ines", "/engine-rest/task/" + ines.get(0).get("id") + "/deployed-form", Map.class);
    assertThat(form.get("id")).isEqualTo("ops-jam-instance-input");
    // ivan gave his input; he sees nothing of the jam now, not ines's input either. The jam's team does.
    assertThat(restTasks("ivan", "processInstanceBusinessKey=sourcecred-ecosystems")).isEmpty();
    assertThat(restTasks("paula", "processInstanceBusinessKey=sourcecred-ecosystems&taskDefinitionKey=Task_ShareWorkflowAndWishlist"))
        .extracting(t -> t.get("assignee")).containsExactly("ines");

    assertThat(jams.find("sourcecred-ecosystems").get().phase()).isEqualTo(OpsJams.COLLECTING);
    assertThat(items.list("sourcecred-ecosystems"))
        .extracting(RoadmapItems.Item::kind, RoadmapItems.Item::requestedBy)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("pain-point", "ivan"),
            org.assertj.core.groups.Tuple.tuple("pain-point", "ivan"),
            org.assertj.core.groups.Tuple.tuple("wishlist", "ivan"),
            org.assertj.core.groups.Tuple.tuple("wishlist", "ivan"),
            org.assertj.core.groups.Tuple.tuple("request", "alice"));
  }

  @Test
  void aCommunityLeadStartsAJamThatRunsToAPublishedRoadmap() {
    assertThat(startJam("ines", "Metagame Ops Jam").getStatusCode())
        .as("instance managers do not start jams").isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<Map> refused = startJam("dave", "Metagame Ops Jam", "ines, carol");
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody().get("message").toString())
        .endsWith("The instance manager 'carol' is not in the group 'instance-managers'");

    ResponseEntity<Map> started = startJam("dave", "Metagame Ops Jam", "ines, ivan");
    assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
    String jam = started.getBody().get("id").toString();
    String key = "metagame-ops-jam";

    submit("paula", task("paula", key, TASK_DISCUSS_OPS_NEEDS), Map.of("opsNeeds", "Tracking initiatives"));
    submit("paula", task("paula", key, TASK_DRAFT_AGENDA_AND_INVITATION), Map.of("agenda", "Talk", "invitation", "Come"));
    submit("bruno", task("bruno", key, TASK_REVIEW_AGENDA_AND_INVITATION), Map.of("agendaDecision", "approve"));
    ResponseEntity<String> past = submit("bruno", task("bruno", key, TASK_SCHEDULE_JAM), Map.of("jamDate", "2020-01-01"));
    assertThat(past.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(past.getBody()).contains("The jam date 2020-01-01 is in the past");
    submit("bruno", task("bruno", key, TASK_SCHEDULE_JAM), Map.of("jamDate", LocalDate.now().toString()));

    // Anyone signed in adds a request from Tasklist's start form.
    Map<String, Object> request = Map.of("variables", Map.of(
        "jamKey", Map.of("value", key), "requestTitle", Map.of("value", "Design support for an Ecosystem Map"),
        "requestTags", Map.of("value", "ecosystem map")));
    assertThat(rest.withBasicAuth("alice", "demo")
        .postForEntity("/engine-rest/process-definition/key/add-ops-request/submit-form", request, Map.class)
        .getStatusCode()).isEqualTo(HttpStatus.OK);

    Job jamDay = management.createJobQuery().processInstanceId(jam).activityId(TIMER_JAM_DAY).singleResult();
    management.executeJob(jamDay.getId());
    for (String instanceManager : List.of("ines", "ivan")) {
      String input = task(instanceManager, key, TASK_SHARE_WORKFLOW_AND_WISHLIST);
      Map<?, ?> painPoints = formVariable(instanceManager, input, "painPoints");
      assertThat(painPoints.get("type")).isEqualTo("String");
      assertThat(submit(instanceManager, input, Map.of(
              "workflow", "How " + instanceManager + " works",
              "painPoints", painPoints.get("value"),
              "wishlist", "Visibility into ID development | identity management")))
          .extracting(ResponseEntity::getStatusCode).isEqualTo(HttpStatus.NO_CONTENT);
    }

    String comb = task("paula", key, TASK_COMB_BACKLOG);
    assertThat(rows(formVariable("paula", comb, "backlog")))
        .extracting(r -> r.get("key"), r -> r.get("requestedBy"), r -> r.get("tags")).containsExactly(
            org.assertj.core.groups.Tuple.tuple("OPS-1", "alice", "ecosystem-map"),
            org.assertj.core.groups.Tuple.tuple("OPS-2", "ines", "identity-management"),
            org.assertj.core.groups.Tuple.tuple("OPS-3", "ivan", "identity-management"));
    String plan = formVariable("paula", comb, "plan").get("value").toString();
    assertThat(plan).endsWith("OPS-3 |  |  |  |   # Visibility into ID development");

    ResponseEntity<String> unowned = submit("paula", comb, Map.of("plan", plan));
    assertThat(unowned.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(unowned.getBody()).contains("The backlog is not ready: OPS-1 (Design support for an Ecosystem Map) has no owner");

    String combed = plan.replaceAll("(OPS-\\d) \\|  \\|  \\|", "$1 | ines | high |");
    assertThat(submit("bruno", comb, Map.of("plan", combed)).getStatusCode())
        .as("the branch lead combs with the project manager").isEqualTo(HttpStatus.NO_CONTENT);

    assertThat(jams.find(key).get().phase()).isEqualTo(OpsJams.TRACKING);
    assertThat(Theme.of(items.list(key))).first()
        .extracting(Theme::tag, Theme::instanceManagers, Theme::crossInstance)
        .containsExactly("identity-management", 2, true);
    assertThat(restTasks("paula", "assignee=paula&processInstanceBusinessKey=" + key))
        .extracting(t -> t.get("taskDefinitionKey")).containsExactly(TASK_RECORD_FOLLOW_UP_MEETING);
  }

  @Test
  void theOpsJamApiAnswersOnlySignedInCallers() {
    ResponseEntity<String> anonymous = rest.getForEntity("/api/ops-jams/sourcecred-ecosystems/roadmap.md", String.class);

    assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  // --- helpers ---

  private Map<?, ?> formVariable(String user, String taskId, String name) {
    Map<?, ?> found = restGet(user, "/engine-rest/task/" + taskId + "/form-variables?deserializeValues=false", Map.class);
    return (Map<?, ?>) found.get(name);
  }

  private static List<Map<String, Object>> rows(Map<?, ?> variable) {
    assertThat(variable.get("type")).isEqualTo("Json");
    try {
      return JSON.readValue(variable.get("value").toString(), new TypeReference<List<Map<String, Object>>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private ResponseEntity<Map> startJam(String user, String name) {
    return startJam(user, name, "ines");
  }

  private ResponseEntity<Map> startJam(String user, String name, String instanceManagers) {
    Map<String, Object> body = Map.of("variables", Map.of(
        "jamName", Map.of("value", name), "projectManager", Map.of("value", "paula"),
        "branchLead", Map.of("value", "bruno"), "instanceManagers", Map.of("value", instanceManagers)));
    return rest.withBasicAuth(user, "demo")
        .postForEntity("/engine-rest/process-definition/key/ecosystem-ops-jam/submit-form", body, Map.class);
  }

  private ResponseEntity<String> submit(String user, String taskId, Map<String, Object> values) {
    Map<String, Object> variables = new HashMap<>();
    values.forEach((k, v) -> variables.put(k, Map.of("value", v)));
    return submitVariables(user, taskId, variables);
  }

  private ResponseEntity<String> submitVariables(String user, String taskId, Map<String, Object> variables) {
    return rest.withBasicAuth(user, "demo")
        .postForEntity("/engine-rest/task/" + taskId + "/submit-form", Map.of("variables", variables), String.class);
  }

  private String task(String user, String jamKey, String taskKey) {
    List<Map<String, Object>> found =
        restTasks(user, "assignee=" + user + "&processInstanceBusinessKey=" + jamKey + "&taskDefinitionKey=" + taskKey);
    assertThat(found).as("%s's %s in %s", user, taskKey, jamKey).hasSize(1);
    return found.get(0).get("id").toString();
  }
}
