package org.communitylifecycle.mentoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.communitylifecycle.mentoring.MentoringCohortContract.PROCESS_KEY;
import static org.communitylifecycle.mentoring.MentoringCohortContract.TASK_DECIDE_GRADUATION;
import static org.communitylifecycle.mentoring.MentoringCohortContract.TASK_ENTER_GRADUATION_EVIDENCE;
import static org.communitylifecycle.mentoring.MentoringCohortContract.TIMER_COHORT_ENDS;
import static org.communitylifecycle.mentoring.MentoringCohortContract.TIMER_STANDUP_DUE;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.communitylifecycle.engine.AppClock;
import org.camunda.bpm.engine.runtime.Job;
import org.communitylifecycle.mentoring.MentoringRecords.CohortDetail;
import org.communitylifecycle.mentoring.MentoringRecords.CohortSummary;
import org.communitylifecycle.mentoring.MentoringRecords.MenteeRecord;
import org.communitylifecycle.testsupport.RunningApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.server.ResponseStatusException;

/**
 * The mentoring program in the whole application: the demo cohort, mentors forming a cohort
 * through the REST API as Tasklist does, a cohort run to its report, and who may read reports.
 */
class MentoringIT extends RunningApplication {

  static final String DEMO = "kubernetes-sig-apps-reviewers";

  @Autowired TestRestTemplate rest;
  @Autowired ManagementService management;
  @Autowired RuntimeService runtime;
  @Autowired IdentityService identity;
  @Autowired MentoringController reports;

  @AfterEach
  void reset() {
    AppClock.reset();
    identity.clearAuthentication();
  }

  @Test
  void theDemoCohortsFirstStandupAsksEachMenteeAndMayaFacilitates() {
    String demo = runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).processInstanceBusinessKey(DEMO)
        .singleResult().getId();
    runDueStandup(demo);

    assertThat(restTasks("maya", "assignee=maya&processInstanceBusinessKey=" + DEMO))
        .extracting(t -> t.get("name")).containsExactly("Facilitate standup: week 1 (Kubernetes SIG Apps reviewers)");
    List<Map<String, Object>> mateos = restTasks("mateo", "processInstanceBusinessKey=" + DEMO + "&assignee=mateo");
    assertThat(mateos).extracting(t -> t.get("name")).containsExactly("Post standup update: mateo, week 1 (Kubernetes SIG Apps reviewers)");
    String update = mateos.get(0).get("id").toString();
    Map<String, Object> formVariables = restGet("mateo", "/engine-rest/task/" + update + "/form-variables", Map.class);
    assertThat(formVariables).containsKeys("cohortName", "standupWeek", "menteeMentor", "accomplishments", "challenges");

    ResponseEntity<String> blank = submit("mateo", update, Map.of("accomplishments", " ", "challenges", "none"));
    assertThat(blank.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(blank.getBody()).contains("Say what you accomplished since the last standup");
    // Another mentee neither sees mateo's update nor may submit it: the engine's authorizations refuse her.
    assertThat(restTasks("mina", "processInstanceBusinessKey=" + DEMO)).extracting(t -> t.get("assignee")).containsOnly("mina");
    assertThat(submit("mina", update, Map.of("accomplishments", "x", "challenges", "y")).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    // The cohort's mentors see every update, as the fallback of an absent mentee.
    assertThat(restTasks("mark", "processInstanceBusinessKey=" + DEMO + "&taskDefinitionKey=Task_PostStandupUpdate")).hasSize(3);
    assertThat(submit("mateo", update, Map.of("accomplishments", "Reviewed two PRs", "challenges", "none")).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);

    identity.setAuthentication("dave", List.of("community-leads"));
    CohortDetail detail = reports.cohort(DEMO);
    assertThat(detail.mentees()).extracting(MenteeRecord::mentee, MenteeRecord::mentor, MenteeRecord::updatesPosted)
        .containsExactly(tuple("mateo", "maya", 1), tuple("mina", "mark", 0), tuple("milo", "maya", 0));
    assertThat(detail.standups()).extracting(s -> s.facilitator()).containsExactly("maya");
  }

  @Test
  void mayaFormsACohortFromTasklistRunsItToTheEndAndItsReportIsKept() {
    List<Map<String, Object>> startable = rest.withBasicAuth("maya", "demo").exchange(
        "/engine-rest/process-definition?latestVersion=true&startableInTasklist=true&startablePermissionCheck=true",
        HttpMethod.GET, null, new ParameterizedTypeReference<List<Map<String, Object>>>() {}).getBody();
    assertThat(startable).extracting(d -> d.get("key")).contains(PROCESS_KEY);

    assertThat(formCohort("mateo", "SIG Docs reviewers", "maya", "mina").getStatusCode())
        .as("mentees do not form cohorts").isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<String> refused = formCohort("maya", "SIG Docs reviewers", "maya", "mina,alice");
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody()).contains("The mentee 'alice' is not in the group 'mentees'");
    ResponseEntity<String> formed = formCohort("maya", "SIG Docs reviewers", "maya", "mina,milo");
    assertThat(formed.getStatusCode()).isEqualTo(HttpStatus.OK);
    String cohort = runtime.createProcessInstanceQuery().processInstanceBusinessKey("sig-docs-reviewers").singleResult().getId();

    for (Job standup = job(cohort, TIMER_STANDUP_DUE); standup != null; standup = job(cohort, TIMER_STANDUP_DUE)) {
      runJob(standup);
    }
    runJob(job(cohort, TIMER_COHORT_ENDS));

    for (String mentee : List.of("mina", "milo")) {
      String evidence = taskOf("maya", cohort, TASK_ENTER_GRADUATION_EVIDENCE, mentee);
      int primaryReviews = "mina".equals(mentee) ? 7 : 2;
      assertThat(submit("maya", evidence, Map.of("monthsAtCurrentRung", 4, "primaryReviewerPrs", primaryReviews,
          "prsReviewedOrMerged", 24)).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    }
    String minasDecision = taskOf("maya", cohort, TASK_DECIDE_GRADUATION, "mina");
    Map<?, ?> advice = restGet("maya", "/engine-rest/task/" + minasDecision + "/form-variables", Map.class);
    assertThat(((Map<?, ?>) advice.get("ladderAdvice")).get("value")).isEqualTo("graduate");
    submit("maya", minasDecision, Map.of("graduationDecision", "graduate"));
    String milosDecision = taskOf("maya", cohort, TASK_DECIDE_GRADUATION, "milo");
    ResponseEntity<String> againstAdvice = submit("maya", milosDecision, Map.of("graduationDecision", "graduate"));
    assertThat(againstAdvice.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(againstAdvice.getBody()).contains("The contributor ladder advises 'not-yet'");
    submit("maya", milosDecision, Map.of("graduationDecision", "not-yet"));

    assertThat(runtime.createProcessInstanceQuery().processInstanceId(cohort).count()).isZero();
    // maya's groups, looked up: the cohort's team is among them.
    identity.setAuthenticatedUserId("maya");
    CohortSummary report = reports.cohort("sig-docs-reviewers").cohort();
    assertThat(report).extracting(CohortSummary::status, CohortSummary::enrolled, CohortSummary::graduated,
            CohortSummary::graduationRatePercent, CohortSummary::comparedWithBaseline, CohortSummary::formedBy)
        .containsExactly("completed", 2, 1, 50, "level", "maya");
  }

  @Test
  void cohortReportsAreForMentorsLiaisonsLeadsAndAdministrators() {
    ResponseEntity<String> anonymous = rest.getForEntity("/api/mentoring/cohorts", String.class);
    assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(anonymous.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");

    // A mentor reads the cohorts of their team, found by looking up their groups.
    identity.setAuthenticatedUserId("mark");
    assertThat(reports.cohorts()).extracting(CohortSummary::key).contains(DEMO).doesNotContain("sig-docs-reviewers");
    assertThat(reports.cohort(DEMO).cohort().mentors()).contains("mark");
    // Being a mentor is not enough: the report of a cohort is for its team.
    identity.setAuthentication("mark", List.of("mentors"));
    assertThat(reports.cohorts()).isEmpty();
    assertThatThrownBy(() -> reports.cohort(DEMO)).isInstanceOf(ResponseStatusException.class).hasMessageContaining("403")
        .hasMessageContaining("mentors-" + DEMO);
    // Without its groups on the authentication, the caller's groups are looked up.
    identity.setAuthenticatedUserId("bob");
    assertThat(reports.cohort(DEMO).cohort().name()).isEqualTo("Kubernetes SIG Apps reviewers");
    identity.setAuthentication("admin", List.of("camunda-admin"));
    assertThatThrownBy(() -> reports.cohort("no-such-cohort")).isInstanceOf(ResponseStatusException.class)
        .hasMessageContaining("404").hasMessageContaining("No mentoring cohort has the key 'no-such-cohort'");

    identity.setAuthenticatedUserId("mateo");
    assertThatThrownBy(() -> reports.cohorts()).isInstanceOf(ResponseStatusException.class).hasMessageContaining("403");
    identity.setAuthentication("alice", List.of("activators"));
    assertThatThrownBy(() -> reports.cohort(DEMO)).isInstanceOf(ResponseStatusException.class).hasMessageContaining("403");
  }

  // --- helpers ---

  private ResponseEntity<String> formCohort(String user, String name, String mentors, String mentees) {
    Map<String, Object> values = new HashMap<>();
    values.put("cohortName", name);
    values.put("goalRung", "reviewer");
    values.put("mentors", mentors);
    values.put("mentees", mentees);
    values.put("startDate", LocalDate.now(ZoneId.systemDefault()).toString());
    values.put("plannedDuration", "P2M");
    return rest.withBasicAuth(user, "demo").postForEntity(
        "/engine-rest/process-definition/key/" + PROCESS_KEY + "/submit-form", Map.of("variables", variables(values)), String.class);
  }

  /** Opens the standup that is due now, as the job executor would. */
  private void runDueStandup(String processInstanceId) {
    Job due = job(processInstanceId, TIMER_STANDUP_DUE);
    if (due != null && runtime.getVariable(processInstanceId, "currentStandupWeek").equals(0)) {
      runJob(due);
    }
  }

  private Job job(String processInstanceId, String activityId) {
    return management.createJobQuery().processInstanceId(processInstanceId).activityId(activityId).singleResult();
  }

  private void runJob(Job job) {
    if (job.getDuedate().after(AppClock.date())) {
      AppClock.set(job.getDuedate().toInstant());
    }
    management.executeJob(job.getId());
  }

  private String taskOf(String user, String processInstanceId, String taskKey, String mentee) {
    List<Map<String, Object>> found = restTasks(user, "processInstanceId=" + processInstanceId + "&taskDefinitionKey=" + taskKey)
        .stream().filter(t -> t.get("name").toString().contains(": " + mentee + " ")).toList();
    assertThat(found).as("%s's %s for %s", user, taskKey, mentee).hasSize(1);
    return found.get(0).get("id").toString();
  }

  private ResponseEntity<String> submit(String user, String taskId, Map<String, Object> values) {
    return rest.withBasicAuth(user, "demo").postForEntity(
        "/engine-rest/task/" + taskId + "/submit-form", Map.of("variables", variables(values)), String.class);
  }

  private static Map<String, Object> variables(Map<String, Object> values) {
    Map<String, Object> variables = new HashMap<>();
    values.forEach((k, v) -> variables.put(k, Map.of("value", v)));
    return variables;
  }
}
