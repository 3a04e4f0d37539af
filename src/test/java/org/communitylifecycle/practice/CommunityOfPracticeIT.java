package org.communitylifecycle.practice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.communitylifecycle.practice.PracticeMaturityContract.*;
import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.communitylifecycle.testsupport.RunningApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The maturity process in the whole application, as the demo users work it through the REST API,
 * and the stored assessments as {@code GET /api/communities-of-practice/{key}/assessments} returns
 * them. That endpoint is called through MockMvc behind the application's {@code /api/*} HTTP Basic filter.
 */
class CommunityOfPracticeIT extends RunningApplication {

  static final String ORA = "open-recognition-alliance";
  /** The demo's community of practice. */
  static final String KBW = "keep-badges-weird";

  @Autowired TestRestTemplate rest;
  @Autowired ManagementService management;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;
  @Autowired WebApplicationContext web;

  MockMvc mvc;

  @BeforeEach
  void setUp() {
    jakarta.servlet.Filter apiAuthentication =
        web.getBean("apiAuthenticationFilter", org.springframework.boot.web.servlet.FilterRegistrationBean.class).getFilter();
    mvc = MockMvcBuilders.webAppContextSetup(web).addFilter(apiAuthentication, "/api/*").build();
    // Other tests in this context log in with wrong passwords; the engine then delays the user's next logins.
    List.of("alice", "bob", "carol", "dave", "admin").forEach(identity::unlockUser);
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    identity.clearAuthentication();
  }

  @Test
  void demoCommunityOfPracticeHasAnAcceptedAssessmentAndTheNextOneWaiting() throws Exception {
    history("bob", KBW)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.communityName").value("Keep Badges Weird"))
        .andExpect(jsonPath("$.liaison").value("bob"))
        .andExpect(jsonPath("$.areas.length()").value(12))
        .andExpect(jsonPath("$.areas[9].area").value("a) Connect with power"))
        .andExpect(jsonPath("$.assessments.length()").value(1))
        .andExpect(jsonPath("$.assessments[0].assessedBy").value("dave"))
        .andExpect(jsonPath("$.assessments[0].reviewOutcome").value("accepted"))
        .andExpect(jsonPath("$.assessments[0].stepReached").value("Gather"))
        .andExpect(jsonPath("$.assessments[0].scores.gatherA").value(3))
        .andExpect(jsonPath("$.assessments[0].scores.gatherB").value(2))
        .andExpect(jsonPath("$.stepHistory[0].stepReached").value("Gather"));

    assertThat(tasks.createTaskQuery().processInstanceBusinessKey(KBW).taskDefinitionKey(TASK_SELF_ASSESS).count())
        .as("the next self-assessment waits").isEqualTo(1);
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey(KBW).taskDefinitionKey(TASK_CELEBRATE_STEP)
        .taskCandidateGroup("community-leads").singleResult().getName())
        .isEqualTo("Celebrate reaching Gather (Keep Badges Weird)");
  }

  @Test
  void assessmentsAreStoredWithScoresPerAreaOverTimeAndTheStepHistory() throws Exception {
    String instance = startedOnlyOnce();
    LocalDate gatherReached = reassessedThenAcceptedAtGatherAndCelebrated();
    LocalDate dispatchReached = aQuarterLaterDispatchIsReached(instance);
    historyShowsEveryAssessmentAndStep(gatherReached, dispatchReached);
  }

  private String startedOnlyOnce() {
    ResponseEntity<Map> started = start("dave", "Open Recognition Alliance", "bob");
    assertThat(started.getStatusCode()).as("community leads may start it").isEqualTo(HttpStatus.OK);
    String instance = started.getBody().get("id").toString();
    ResponseEntity<Map> duplicate = start("bob", "open recognition alliance", "bob");
    assertThat(duplicate.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(duplicate.getBody().get("message").toString())
        .contains("The community of practice 'open-recognition-alliance' is already being assessed");
    return instance;
  }

  private LocalDate reassessedThenAcceptedAtGatherAndCelebrated() {
    // An activator of its team self-assesses; the liaison asks for a re-assessment.
    identity.createMembership("alice", "activators-" + ORA);
    String selfAssess = task("alice", TASK_SELF_ASSESS);
    assertThat(submit("alice", selfAssess, answers(3, 3, 3, 2, 2, 2, 2, 2, 2, 0, 0, 0))).isEqualTo(HttpStatus.NO_CONTENT);
    String review = task("bob", TASK_REVIEW);
    assertThat(submit("bob", review, Map.of("reviewDecision", "reassess"))).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(submit("bob", review, Map.of("reviewDecision", "reassess", "reviewNote", "Who besides you two moderates?")))
        .isEqualTo(HttpStatus.NO_CONTENT);

    String again = task("alice", TASK_SELF_ASSESS);
    Map<?, ?> form = rest.withBasicAuth("alice", "demo").getForObject("/engine-rest/task/" + again + "/form-variables", Map.class);
    assertThat(((Map<?, ?>) form.get("reassessmentNote")).get("value")).isEqualTo("Who besides you two moderates?");
    assertThat(((Map<?, ?>) form.get("gather_a_1")).get("value")).as("last answers filled in").isEqualTo(true);
    submit("alice", again, answers(3, 3, 3, 2, 1, 2, 1, 0, 1, 0, 0, 0));
    submit("bob", task("bob", TASK_REVIEW), Map.of("reviewDecision", "accept"));
    LocalDate gatherReached = LocalDate.now(ZoneOffset.UTC);

    String celebrate = task("dave", TASK_CELEBRATE_STEP);
    assertThat(submit("dave", celebrate, Map.of("celebration", "Open badges for the first twelve members")))
        .isEqualTo(HttpStatus.NO_CONTENT);
    return gatherReached;
  }

  private LocalDate aQuarterLaterDispatchIsReached(String instance) {
    // A quarter later the next self-assessment reaches Dispatch.
    Job next = management.createJobQuery().processInstanceId(instance).activityId(TIMER_NEXT_ASSESSMENT_DUE).singleResult();
    ClockUtil.setCurrentTime(next.getDuedate());
    management.executeJob(next.getId());
    submit("dave", task("dave", TASK_SELF_ASSESS), answers(3, 3, 3, 2, 2, 2, 1, 0, 1, 0, 0, 0));
    submit("bob", task("bob", TASK_REVIEW), Map.of("reviewDecision", "accept", "reviewNote", "Liftoff!"));
    LocalDate dispatchReached = LocalDate.ofInstant(next.getDuedate().toInstant(), ZoneOffset.UTC);
    assertThat(tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey(TASK_CELEBRATE_STEP).singleResult().getName())
        .isEqualTo("Celebrate reaching Dispatch (Open Recognition Alliance)");
    return dispatchReached;
  }

  private void historyShowsEveryAssessmentAndStep(LocalDate gatherReached, LocalDate dispatchReached) throws Exception {
    history("dave", ORA)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.assessments.length()").value(3))
        .andExpect(jsonPath("$.assessments[*].reviewOutcome", contains("reassessment-requested", "accepted", "accepted")))
        .andExpect(jsonPath("$.assessments[*].reassessment", contains(false, true, false)))
        .andExpect(jsonPath("$.assessments[*].assessedBy", contains("alice", "alice", "dave")))
        .andExpect(jsonPath("$.assessments[*].stepReached", contains("Explore", "Gather", "Dispatch")))
        .andExpect(jsonPath("$.assessments[*].scores.dispatchB", contains(2, 1, 2)))
        .andExpect(jsonPath("$.assessments[*].scores.exploreA", contains(2, 1, 1)))
        .andExpect(jsonPath("$.assessments[0].reviewNote").value("Who besides you two moderates?"))
        .andExpect(jsonPath("$.assessments[0].indicatorsMet.length()").value(21))
        .andExpect(jsonPath("$.stepHistory[*].stepReached", contains("Gather", "Dispatch")))
        .andExpect(jsonPath("$.stepHistory[0].firstReachedOn").value(gatherReached.toString()))
        .andExpect(jsonPath("$.stepHistory[0].celebration").value("Open badges for the first twelve members"))
        .andExpect(jsonPath("$.stepHistory[0].celebratedBy").value("dave"))
        .andExpect(jsonPath("$.stepHistory[1].firstReachedOn").value(dispatchReached.toString()))
        .andExpect(jsonPath("$.stepHistory[1].celebration").doesNotExist());
  }

  @Test
  void activatorsSelfAssessButMayNotStartACommunityOfPractice() {
    assertThat(start("alice", "Badge Wiki", "bob").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(start("carol", "Badge Wiki", "bob").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

    assertThat(start("bob", "Badge Wiki", "bob").getStatusCode()).as("liaisons may").isEqualTo(HttpStatus.OK);
    // The practice's own activators self-assess: its team, which Admin fills.
    identity.createMembership("alice", "activators-badge-wiki");
    String selfAssess = task("alice", TASK_SELF_ASSESS, "badge-wiki");
    List<String> candidates = tasks.getIdentityLinksForTask(selfAssess).stream()
        .filter(l -> "candidate".equals(l.getType())).map(IdentityLink::getGroupId).toList();
    assertThat(candidates).containsExactlyInAnyOrder("community-leads", "activators-badge-wiki");
  }

  @Test
  void historyIsReadByItsLiaisonTheLeadsLiaisonsAndAdminsOnly() throws Exception {
    history("bob", KBW).andExpect(status().isOk());
    history("dave", KBW).andExpect(status().isOk());
    history("admin", KBW).andExpect(status().isOk());
    history("alice", KBW).andExpect(status().isForbidden());
    history("carol", KBW).andExpect(status().isForbidden());
    history("bob", "no-such-community").andExpect(status().isNotFound());
    history("alice", "no-such-community").andExpect(status().isForbidden());
    mvc.perform(get("/api/communities-of-practice/{key}/assessments", KBW)).andExpect(status().isUnauthorized());
    assertThat(rest.getForEntity("/api/communities-of-practice/" + KBW + "/assessments", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  // --- helpers ---

  private ResultActions history(String user, String key) throws Exception {
    String basic = java.util.Base64.getEncoder().encodeToString((user + ":demo").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return mvc.perform(get("/api/communities-of-practice/{key}/assessments", key).header("Authorization", "Basic " + basic));
  }

  private ResponseEntity<Map> start(String user, String name, String liaison) {
    Map<String, Object> body = Map.of("variables", Map.of("communityName", Map.of("value", name), "liaison", Map.of("value", liaison)));
    return rest.withBasicAuth(user, "demo")
        .postForEntity("/engine-rest/process-definition/key/" + PROCESS_KEY + "/submit-form", body, Map.class);
  }

  private HttpStatus submit(String user, String taskId, Map<String, Object> values) {
    Map<String, Object> variables = new HashMap<>();
    values.forEach((k, v) -> variables.put(k, Map.of("value", v)));
    return HttpStatus.valueOf(rest.withBasicAuth(user, "demo")
        .postForEntity("/engine-rest/task/" + taskId + "/submit-form", Map.of("variables", variables), String.class)
        .getStatusCode().value());
  }

  private String task(String user, String taskKey) {
    return task(user, taskKey, ORA);
  }

  /** The one task of this kind the user may see in the community of practice. */
  private String task(String user, String taskKey, String key) {
    List<Map<String, Object>> found = rest.withBasicAuth(user, "demo").exchange(
        "/engine-rest/task?processInstanceBusinessKey=" + key + "&taskDefinitionKey=" + taskKey, HttpMethod.GET, null,
        new ParameterizedTypeReference<List<Map<String, Object>>>() {}).getBody();
    assertThat(found).as("%s's %s in %s", user, taskKey, key).hasSize(1);
    return found.get(0).get("id").toString();
  }

  /** All 36 answers: in each area the first n indicators met. */
  private static Map<String, Object> answers(int... scores) {
    Map<String, Object> answers = new HashMap<>();
    for (int i = 0; i < 12; i++) {
      List<String> keys = MaturityModel.AREAS.get(i).indicatorKeys();
      for (int j = 0; j < 3; j++) {
        answers.put(keys.get(j), j < scores[i]);
      }
    }
    return answers;
  }
}
