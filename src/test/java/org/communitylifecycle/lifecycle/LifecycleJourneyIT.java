package org.communitylifecycle.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.communitylifecycle.testsupport.RunningApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.communitylifecycle.milestone.MilestoneContract;

/**
 * One community's journey from Pre-work to Scaling through the REST API, the way alice and bob
 * work it: every milestone delivered and accepted, contributors imported by CSV, and each stage
 * gate computed from that data. The growth gate stays shut at 25 new contributors and opens at 26.
 */
class LifecycleJourneyIT extends RunningApplication {

  static final String KEY = "matrix-berlin";

  @Autowired TestRestTemplate rest;
  @Autowired ManagementService management;
  @Autowired RuntimeService runtime;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void communityWalksFromPreWorkToScalingAsItsDataCrossesEachThreshold() {
    ResponseEntity<Map> started = post("alice", "/engine-rest/process-definition/key/community-lifecycle/submit-form",
        Map.of("variables", Map.of("communityName", value("Matrix Berlin"), "activator", value("alice"),
            "liaison", value("bob"), "entryStage", value("pre-work"))), Map.class);
    assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);

    // Pre-work: an activator is appointed.
    Map<String, Object> preWork = completeMilestonesAndMeasure("pre-work");
    assertThat(preWork.get("exitCriteriaMet")).isEqualTo(true);
    decide("advance", null);

    // Starting: the pathway is documented and the prototype has up to 20 people.
    importContributors(IntStream.rangeClosed(1, 20), today());
    Map<String, Object> starting = completeMilestonesAndMeasure("starting");
    assertThat(starting.get("exitCriteriaMet")).isEqualTo(true);
    decide("advance", null);

    // Growth: more than 25 new contributors moving through the pathway since the stage began.
    importContributors(IntStream.rangeClosed(21, 25), today());
    Map<String, Object> growthAt25 = completeMilestonesAndMeasure("learning-and-preparing-for-growth");
    assertThat(growthAt25.get("newContributorsInPathway")).isEqualTo(25);
    assertThat(growthAt25.get("exitCriteriaMet")).isEqualTo(false);
    decide("hold", "25 so far; the SUMO-style onboarding starts next week");

    importContributors(IntStream.rangeClosed(26, 26), today());
    Job reviewAgain = management.createJobQuery().processInstanceId(stage("learning-and-preparing-for-growth").getId())
        .activityId("Timer_ReviewStageExitAgain").singleResult();
    ClockUtil.setCurrentTime(reviewAgain.getDuedate());
    management.executeJob(reviewAgain.getId());
    Map<String, Object> growthAt26 = measure("learning-and-preparing-for-growth");
    assertThat(growthAt26.get("newContributorsInPathway")).isEqualTo(26);
    assertThat(growthAt26.get("exitCriteriaMet")).isEqualTo(true);
    decide("advance", null);

    // Scaling has begun, remembering how many were active when it did.
    ProcessInstance scaling = stage("scaling");
    assertThat(scaling).isNotNull();
    List<Map<String, Object>> history = rest.withBasicAuth("bob", "demo").exchange(
        "/api/communities/" + KEY + "/stages", HttpMethod.GET, null,
        new ParameterizedTypeReference<List<Map<String, Object>>>() {}).getBody();
    assertThat(history).extracting(h -> h.get("stage"))
        .containsExactly("pre-work", "starting", "learning-and-preparing-for-growth", "scaling");
    assertThat(history.subList(0, 3)).allSatisfy(h -> {
      assertThat(h.get("decision")).isEqualTo("advanced");
      assertThat(h.get("decidedBy")).isEqualTo("bob");
    });
  }

  // --- helpers ---

  /** Delivers and accepts every milestone of the stage, then lets the gate measure. */
  private Map<String, Object> completeMilestonesAndMeasure(String stage) {
    for (int round = 0; round < 20; round++) {
      List<Map<String, Object>> deliver = tasks("alice", MilestoneContract.TASK_DELIVER);
      List<Map<String, Object>> review = tasks("bob", MilestoneContract.TASK_REVIEW);
      if (deliver.isEmpty() && review.isEmpty()) {
        break;
      }
      deliver.forEach(t -> submit("alice", t, Map.of("deliverableUrl", "https://wiki.example.org/matrix-berlin/" + t.get("id"),
          "deliverableSummary", "Done with the Berlin meetup group")));
      tasks("bob", MilestoneContract.TASK_REVIEW).forEach(t -> submit("bob", t, Map.of("reviewDecision", "accept")));
    }
    return measure(stage);
  }

  /** Runs the gate's measuring job and returns what the liaison's review shows. */
  private Map<String, Object> measure(String stage) {
    Job measuring = management.createJobQuery().processInstanceId(stage(stage).getId())
        .activityId("ServiceTask_MeasureExitCriteria").singleResult();
    assertThat(measuring).as("gate of %s waiting to measure", stage).isNotNull();
    management.executeJob(measuring.getId());
    Map<String, Object> review = single(tasks("bob", StageContract.TASK_REVIEW_STAGE_EXIT));
    Map<String, Map<String, Object>> variables = rest.withBasicAuth("bob", "demo").exchange(
        "/engine-rest/task/" + review.get("id") + "/form-variables", HttpMethod.GET, null,
        new ParameterizedTypeReference<Map<String, Map<String, Object>>>() {}).getBody();
    return variables.entrySet().stream().filter(e -> e.getValue().get("value") != null)
        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get("value")));
  }

  private void decide(String decision, String reason) {
    Map<String, Object> values = new HashMap<>();
    values.put("stageExitDecision", decision);
    if (reason != null) {
      values.put("stageExitReason", reason);
    }
    ResponseEntity<String> response = submit("bob", single(tasks("bob", StageContract.TASK_REVIEW_STAGE_EXIT)), values);
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
  }

  private void importContributors(IntStream numbers, LocalDate joined) {
    String csv = "handle,joined_on,activity_date,activity_kind\n" + numbers
        .mapToObj(n -> "berliner-" + n + "," + joined + "," + joined + ",event")
        .collect(Collectors.joining("\n")) + "\n";
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(new MediaType("text", "csv"));
    ResponseEntity<String> response = rest.withBasicAuth("alice", "demo").postForEntity(
        "/api/communities/" + KEY + "/contributors/import", new HttpEntity<>(csv, headers), String.class);
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
  }

  private ProcessInstance stage(String stageKey) {
    return runtime.createProcessInstanceQuery().processDefinitionKey(stageKey).processInstanceBusinessKey(KEY).singleResult();
  }

  private static LocalDate today() {
    return ClockUtil.getCurrentTime().toInstant().atZone(ZoneId.systemDefault()).toLocalDate();
  }

  private List<Map<String, Object>> tasks(String user, String taskKey) {
    return rest.withBasicAuth(user, "demo").exchange(
        "/engine-rest/task?processInstanceBusinessKey=" + KEY + "&taskDefinitionKey=" + taskKey + "&assignee=" + user,
        HttpMethod.GET, null, new ParameterizedTypeReference<List<Map<String, Object>>>() {}).getBody();
  }

  private ResponseEntity<String> submit(String user, Map<String, Object> task, Map<String, Object> values) {
    Map<String, Object> variables = new HashMap<>();
    values.forEach((k, v) -> variables.put(k, value(v)));
    return post(user, "/engine-rest/task/" + task.get("id") + "/submit-form", Map.of("variables", variables), String.class);
  }

  private <T> ResponseEntity<T> post(String user, String path, Object body, Class<T> type) {
    return rest.withBasicAuth(user, "demo").postForEntity(path, body, type);
  }

  private static Map<String, Object> value(Object v) {
    return Map.of("value", v);
  }

  private static <T> T single(List<T> list) {
    assertThat(list).hasSize(1);
    return list.get(0);
  }
}
