package org.communitylifecycle.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.communitylifecycle.testsupport.RunningApplication;
import org.communitylifecycle.testsupport.TestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.communitylifecycle.milestone.MilestoneContract;
import org.communitylifecycle.lifecycle.LifecycleContract;

/**
 * The dashboard API over HTTP, on communities this test builds through the real processes with the
 * engine clock moved, so every figure is exact. Its liaisons lena and liam have no other
 * communities; the demo communities belong to bob.
 *
 * <p>Timeline, T0 = 2031-06-02 12:00 UTC, and "now" = T0 + 20 days:
 * <ul>
 *   <li>Dashboard Gamma (lena) enters Pre-work at T0 - 25d; alice delivers its workshop milestone
 *       5 days later, and nobody reviews it or delivers the other two.
 *   <li>Dashboard Beta (liam) enters Pre-work at T0 - 1d; nothing happens: its three deliveries are
 *       due at T0 + 13d, stalled exactly 7 days by now.
 *   <li>Dashboard Alpha (lena) enters Pre-work at T0. The workshop: delivered after 2h, changes
 *       requested after 3h, delivered again after 1h, accepted after 4h. The lifecycle: delivered
 *       after a day, its review stalls at T0 + 8d and goes to the community leads. The commitment:
 *       never delivered, stalls at T0 + 14d and goes to lena for a follow-up.
 *   <li>Dashboard Delta (bob) enters Pre-work at T0 + 19d and has its commitment accepted at once.
 * </ul>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardIT extends RunningApplication {

  static final Instant T0 = Instant.parse("2031-06-02T12:00:00Z");
  static final Instant NOW = T0.plus(Duration.ofDays(20));
  static final String ALPHA = "dashboard-alpha";
  static final String BETA = "dashboard-beta";
  static final String GAMMA = "dashboard-gamma";
  static final String DELTA = "dashboard-delta";
  static final String PAUSED = "dashboard-paused";
  static final Map<String, String> PASSWORDS = Map.of("lena", "test", "liam", "test", "lola", "test");
  static final String WORKSHOP = "attendWorkshop";
  static final String LIFECYCLE = "understandLifecycle";
  static final String COMMITMENT = "commitToCbtPartner";

  @Autowired TestRestTemplate rest;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired IdentityService identity;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;

  @BeforeAll
  void buildCommunities() {
    TestUsers.user(identity, "lena", "cbt-liaisons");
    TestUsers.user(identity, "liam", "cbt-liaisons");
    TestUsers.user(identity, "lola", "cbt-liaisons");
    try {
      at(T0.minus(Duration.ofDays(25)));
      start("Dashboard Gamma", "lena");
      at(T0.minus(Duration.ofDays(20)));
      deliver(GAMMA, WORKSHOP);

      at(T0.minus(Duration.ofDays(1)));
      start("Dashboard Beta", "liam");

      // Like Gamma, but paused before its steps fell due: nothing of it stalls.
      at(T0.minus(Duration.ofDays(25)));
      start("Dashboard Paused", "lola");
      at(T0.minus(Duration.ofDays(12)));
      // As the Tasklist process "Pause, resume or close a community" does it, without the caller's rights.
      runtime.createMessageCorrelation("CommunityPaused").processInstanceBusinessKey(PAUSED)
          .setVariable("pauseReason", "Activator on leave").correlate();

      at(T0);
      start("Dashboard Alpha", "lena");
      at(T0.plus(Duration.ofHours(2)));
      deliver(ALPHA, WORKSHOP);
      at(T0.plus(Duration.ofHours(5)));
      review(ALPHA, WORKSHOP, Map.of("reviewDecision", "request-changes", "reviewComment", "Add the take-aways"));
      at(T0.plus(Duration.ofHours(6)));
      deliver(ALPHA, WORKSHOP);
      at(T0.plus(Duration.ofHours(10)));
      review(ALPHA, WORKSHOP, Map.of("reviewDecision", "accept"));
      at(T0.plus(Duration.ofDays(1)));
      deliver(ALPHA, LIFECYCLE);
      fireTimer(ALPHA, LIFECYCLE, "Timer_ReviewStalled", T0.plus(Duration.ofDays(8)));
      fireTimer(ALPHA, COMMITMENT, "Timer_DeliveryStalled", T0.plus(Duration.ofDays(14)));

      at(T0.plus(Duration.ofDays(19)));
      start("Dashboard Delta", "bob");
      deliver(DELTA, COMMITMENT);
      review(DELTA, COMMITMENT, Map.of("reviewDecision", "accept"));
    } finally {
      ClockUtil.reset();
    }
    seedContributors();
    seedPrograms();
    seedSource();
  }

  @BeforeEach
  void now() {
    at(NOW);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @AfterAll
  void removeProgramsAndResetClock() {
    ClockUtil.reset();
    jdbc.update("delete from cl_ops_roadmap_item where jam_key = 'dashboard-jam'");
    jdbc.update("delete from cl_ops_jam where jam_key = 'dashboard-jam'");
    jdbc.update("delete from cl_mentoring_cohort where cohort_key = 'dashboard-cohort'");
    jdbc.update("delete from cl_source where community_key = ?", GAMMA);
  }

  // --- portfolio ---

  @Test
  void portfolioShowsEachCommunityOfTheLiaisonWithItsStageMilestonesEscalationsAndLastActivity() {
    Map<String, Object> portfolio = get("lena", "/api/dashboard/portfolio?liaison=lena");

    assertThat(portfolio.get("generatedAt")).isEqualTo("2031-06-22T12:00:00Z");
    assertThat(list(portfolio, "communities")).containsExactly(
        row("key", ALPHA, "name", "Dashboard Alpha", "status", "active", "activator", "alice", "liaison", "lena",
            "stage", "pre-work", "stageName", "Pre-work", "stageEnteredAt", "2031-06-02T12:00:00Z", "daysInStage", 20,
            "milestones", row("done", 1, "inProgress", 0, "stalled", 2), "openEscalations", 2,
            "lastActivityAt", "2031-06-16T12:00:00Z", "processInstanceId", lifecycle(ALPHA)),
        row("key", GAMMA, "name", "Dashboard Gamma", "status", "active", "activator", "alice", "liaison", "lena",
            "stage", "pre-work", "stageName", "Pre-work", "stageEnteredAt", "2031-05-08T12:00:00Z", "daysInStage", 45,
            "milestones", row("done", 0, "inProgress", 0, "stalled", 3), "openEscalations", 0,
            "lastActivityAt", "2031-05-13T12:00:00Z", "processInstanceId", lifecycle(GAMMA)));
  }

  @Test
  void portfolioWithoutFilterListsEveryCommunity() {
    List<Map<String, Object>> all = list(get("dave", "/api/dashboard/portfolio"), "communities");

    assertThat(all).extracting(c -> c.get("key")).contains(ALPHA, BETA, GAMMA, "sumo-community");
    assertThat(all).filteredOn(c -> c.get("key").equals(BETA)).singleElement()
        .satisfies(beta -> assertThat(beta.get("milestones")).isEqualTo(row("done", 0, "inProgress", 0, "stalled", 3)));
  }

  @Test
  void milestonesInProgressAreThoseNotYetPastTheirDueDate() {
    at(T0.minus(Duration.ofDays(1)).plus(Duration.ofDays(14)));

    Map<String, Object> beta = list(get("liam", "/api/dashboard/portfolio?liaison=liam"), "communities").get(0);

    // Due at exactly this moment: not stalled yet.
    assertThat(beta.get("milestones")).isEqualTo(row("done", 0, "inProgress", 3, "stalled", 0));
  }

  // --- community detail ---

  @Test
  void detailShowsEachMilestoneWithItsHandoffTimeline() {
    Map<String, Object> detail = get("lena", "/api/dashboard/communities/" + ALPHA);

    assertThat(detail.get("community")).isEqualTo(list(get("lena", "/api/dashboard/portfolio?liaison=lena"), "communities").get(0));
    List<Map<String, Object>> milestones = list(detail, "milestones");
    assertThat(milestones).extracting(m -> m.get("key")).containsExactly(WORKSHOP, COMMITMENT, LIFECYCLE);

    Map<String, Object> workshop = milestones.get(0);
    assertThat(without(workshop, "timeline")).isEqualTo(row("processInstanceId", milestone(ALPHA, WORKSHOP),
        "key", WORKSHOP, "name", "Attend the participation-readiness workshop", "stage", "pre-work", "status", "done",
        "responsible", "alice", "support", "lena", "deliveredBy", "alice", "acceptedBy", "lena",
        "startedAt", "2031-06-02T12:00:00Z", "endedAt", "2031-06-02T22:00:00Z",
        "timeWithResponsibleSeconds", 3 * 3600, "timeWaitingOnSupportSeconds", 7 * 3600, "reviewRounds", 2,
        "escalations", 0, "stalledSince", null, "stalledDays", null));
    assertThat(list(workshop, "timeline"))
        .extracting(s -> s.get("step"), s -> s.get("assignee"), s -> s.get("startedAt"), s -> s.get("endedAt"),
            s -> s.get("durationSeconds"))
        .containsExactly(
            tuple("deliver", "alice", "2031-06-02T12:00:00Z", "2031-06-02T14:00:00Z", 2 * 3600),
            tuple("review", "lena", "2031-06-02T14:00:00Z", "2031-06-02T17:00:00Z", 3 * 3600),
            tuple("deliver", "alice", "2031-06-02T17:00:00Z", "2031-06-02T18:00:00Z", 3600),
            tuple("review", "lena", "2031-06-02T18:00:00Z", "2031-06-02T22:00:00Z", 4 * 3600));
    assertThat(list(workshop, "timeline").get(0).get("taskName"))
        .isEqualTo("Deliver milestone: Attend the participation-readiness workshop (Dashboard Alpha)");

    Map<String, Object> lifecycle = milestones.get(2);
    assertThat(without(lifecycle, "timeline", "processInstanceId", "name", "stage", "startedAt")).isEqualTo(row(
        "key", LIFECYCLE, "status", "stalled", "responsible", "alice", "support", "lena", "deliveredBy", "alice",
        "acceptedBy", null, "endedAt", null, "timeWithResponsibleSeconds", 86400,
        "timeWaitingOnSupportSeconds", 19 * 86400, "reviewRounds", 0, "escalations", 1,
        "stalledSince", "2031-06-10T12:00:00Z", "stalledDays", 12));
    assertThat(list(lifecycle, "timeline"))
        .extracting(s -> s.get("step"), s -> s.get("assignee"), s -> s.get("startedAt"), s -> s.get("endedAt"),
            s -> s.get("durationSeconds"))
        .containsExactly(
            tuple("deliver", "alice", "2031-06-02T12:00:00Z", "2031-06-03T12:00:00Z", 86400),
            tuple("review", "lena", "2031-06-03T12:00:00Z", null, 19 * 86400),
            tuple("follow-up", null, "2031-06-10T12:00:00Z", null, 12 * 86400));

    Map<String, Object> commitment = milestones.get(1);
    assertThat(without(commitment, "timeline", "processInstanceId", "name", "stage", "startedAt")).isEqualTo(row(
        "key", COMMITMENT, "status", "stalled", "responsible", "alice", "support", "lena", "deliveredBy", null,
        "acceptedBy", null, "endedAt", null, "timeWithResponsibleSeconds", 20 * 86400,
        "timeWaitingOnSupportSeconds", 0, "reviewRounds", 0, "escalations", 1,
        "stalledSince", "2031-06-16T12:00:00Z", "stalledDays", 6));
    assertThat(list(commitment, "timeline")).extracting(s -> s.get("step"), s -> s.get("assignee"))
        .containsExactly(tuple("deliver", "alice"), tuple("follow-up", "lena"));
  }

  @Test
  void detailListsTheCommunitysSourcesWithHowTheyLastSynced() {
    assertThat(get("lena", "/api/dashboard/communities/" + ALPHA)).containsEntry("sources", List.of());

    List<Map<String, Object>> sources = list(get("lena", "/api/dashboard/communities/" + GAMMA), "sources");

    assertThat(sources).singleElement().satisfies(source -> assertThat(without(source, "id", "createdAt")).isEqualTo(row(
        "community", GAMMA, "name", "Gamma on GitHub", "kind", "dashboard-test-kind", "kindLabel", "dashboard-test-kind",
        "settings", row("repositories", "gamma/site"), "hasToken", false, "syncInterval", "PT744H",
        "createdBy", "lena", "lastSyncAt", "2031-06-22T11:00:00Z", "status", "failing",
        "message", "The token was refused: give a new one", "lastSyncAdded", 0, "contributions", 0,
        "contributors", 0, "syncing", false, "processInstanceId", null)));
  }

  @Test
  void funnelCountsTiersTodayAndConversionsUpTheLadderAgainstTheExitTargetOfTheDecision() {
    Map<String, Object> funnel = map(get("lena", "/api/dashboard/communities/" + ALPHA), "funnel");

    assertThat(funnel).containsEntry("casual", 2).containsEntry("active", 0).containsEntry("core", 1);
    assertThat(funnel.get("conversions")).isEqualTo(List.of(
        row("month", "2031-04", "toCasual", 2, "toActive", 1, "toCore", 0),
        row("month", "2031-05", "toCasual", 1, "toActive", 1, "toCore", 0),
        row("month", "2031-06", "toCasual", 0, "toActive", 0, "toCore", 1)));
    // The commitment milestone is not accepted yet, so the activator does not count as appointed.
    assertThat(funnel.get("exitTarget")).isEqualTo(row("stage", "pre-work", "met", false,
        "summary", "No activator is appointed yet: the activator must be in the activators group, and their "
            + "commitment to work with a CBT partner must be accepted.",
        "figures", row("activatorAppointed", false, "pathwayDocumented", false, "caseStudyDelivered", false,
            "prototypeSize", 4, "newContributorsInPathway", 1, "activeAtStageEntry", 2, "activeContributors", 1,
            "newCoreMembers", 0)));
  }

  @Test
  void exitTargetIsMetOnceTheCommitmentIsAccepted() {
    Map<String, Object> exitTarget = map(map(get("bob", "/api/dashboard/communities/" + DELTA), "funnel"), "exitTarget");

    assertThat(exitTarget).containsEntry("stage", "pre-work").containsEntry("met", true)
        .containsEntry("summary", "Pre-work is done: the activator is appointed and has committed to work with a CBT partner.");
    assertThat(map(exitTarget, "figures")).containsEntry("activatorAppointed", true).containsEntry("prototypeSize", 0);
  }

  // --- stalled work ---

  @Test
  void stalledWorkOfOneLiaisonIsSortedLongestFirstAndBucketedByAge() {
    Map<String, Object> stalled = get("lena", "/api/dashboard/stalled?liaison=lena");

    assertThat(list(stalled, "items"))
        .extracting(i -> i.get("community"), i -> i.get("milestoneKey"), i -> i.get("step"), i -> i.get("assignee"),
            i -> i.get("stalledSince"), i -> i.get("stalledDays"), i -> i.get("stalledSeconds"), i -> i.get("escalations"))
        .containsExactly(
            tuple(GAMMA, WORKSHOP, "review", "lena", "2031-05-20T12:00:00Z", 33, 33 * 86400, 0),
            tuple(GAMMA, COMMITMENT, "deliver", "alice", "2031-05-22T12:00:00Z", 31, 31 * 86400, 0),
            tuple(GAMMA, LIFECYCLE, "deliver", "alice", "2031-05-22T12:00:00Z", 31, 31 * 86400, 0),
            tuple(ALPHA, LIFECYCLE, "review", "lena", "2031-06-10T12:00:00Z", 12, 12 * 86400, 1),
            tuple(ALPHA, COMMITMENT, "deliver", "alice", "2031-06-16T12:00:00Z", 6, 6 * 86400, 1));
    Map<String, Object> alphaReview = list(stalled, "items").get(3);
    assertThat(alphaReview).containsEntry("communityName", "Dashboard Alpha").containsEntry("liaison", "lena")
        .containsEntry("stage", "pre-work")
        .containsEntry("milestoneName", "Understand the lifecycle and the community-building pillars")
        .containsEntry("taskName", "Review deliverable: Understand the lifecycle and the community-building pillars (Dashboard Alpha)")
        .containsEntry("taskId", tasks.createTaskQuery().processInstanceId(milestone(ALPHA, LIFECYCLE))
            .taskDefinitionKey("Task_ReviewDeliverable").singleResult().getId())
        .containsEntry("processInstanceId", milestone(ALPHA, LIFECYCLE))
        .containsEntry("rootProcessInstanceId", lifecycle(ALPHA));
    assertThat(list(stalled, "ageBuckets")).containsExactly(
        row("label", "under 1 week", "count", 1), row("label", "1-2 weeks", "count", 1),
        row("label", "2-4 weeks", "count", 0), row("label", "over 4 weeks", "count", 3));
  }

  @Test
  void stalledWorkSortsByCommunityOrDueDate() {
    assertThat(list(get("lena", "/api/dashboard/stalled?liaison=lena&sort=community"), "items"))
        .extracting(i -> i.get("community"), i -> i.get("milestoneKey"))
        .containsExactly(tuple(ALPHA, LIFECYCLE), tuple(ALPHA, COMMITMENT), tuple(GAMMA, WORKSHOP),
            tuple(GAMMA, COMMITMENT), tuple(GAMMA, LIFECYCLE));
    assertThat(list(get("lena", "/api/dashboard/stalled?liaison=lena&sort=dueAt&order=desc"), "items"))
        .extracting(i -> i.get("community"), i -> i.get("milestoneKey"))
        .containsExactly(tuple(ALPHA, COMMITMENT), tuple(ALPHA, LIFECYCLE), tuple(GAMMA, COMMITMENT),
            tuple(GAMMA, LIFECYCLE), tuple(GAMMA, WORKSHOP));
    assertThat(list(get("lena", "/api/dashboard/stalled?liaison=lena&sort=stalledFor&order=asc"), "items"))
        .extracting(i -> i.get("stalledDays")).containsExactly(6, 12, 31, 31, 33);
  }

  @Test
  void aStepStalledExactlyOneWeekIsInTheSecondBucket() {
    Map<String, Object> stalled = get("liam", "/api/dashboard/stalled?liaison=liam");

    assertThat(list(stalled, "items")).extracting(i -> i.get("community"), i -> i.get("stalledDays"))
        .containsOnly(tuple(BETA, 7));
    assertThat(list(stalled, "ageBuckets")).extracting(b -> b.get("count")).containsExactly(0, 3, 0, 0);
  }

  @Test
  void aPausedCommunitysOverdueStepsArePausedNotStalled() {
    assertThat(list(get("lola", "/api/dashboard/stalled?liaison=lola"), "items")).isEmpty();
    assertThat(list(get("lola", "/api/dashboard/portfolio?liaison=lola"), "communities")).singleElement()
        .satisfies(c -> {
          assertThat(c).containsEntry("status", "paused");
          assertThat(c.get("milestones")).isEqualTo(row("done", 0, "inProgress", 3, "stalled", 0));
        });
    assertThat(list(get("lola", "/api/dashboard/communities/" + PAUSED), "milestones"))
        .extracting(m -> m.get("status")).containsOnly("in-progress");
  }

  @Test
  void stalledWorkWithoutFilterCoversEveryLiaison() {
    List<Map<String, Object>> items = list(get("dave", "/api/dashboard/stalled"), "items");

    assertThat(items).filteredOn(i -> List.of(ALPHA, BETA, GAMMA).contains(i.get("community"))).hasSize(8);
    assertThat(items).extracting(i -> i.get("liaison")).contains("lena", "liam", "bob");
  }

  // --- handoff report and health ---

  @Test
  void handoffReportAsCsvHasOneQuotedRowPerMilestone() {
    ResponseEntity<String> csv = rest.withBasicAuth("lena", "test")
        .getForEntity("/api/dashboard/communities/" + ALPHA + "/handoffs.csv", String.class);

    assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(csv.getHeaders().getContentType().toString()).isEqualTo("text/csv;charset=UTF-8");
    assertThat(csv.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
        .isEqualTo("attachment; filename=\"handoffs-dashboard-alpha-2031-06-22.csv\"");
    assertThat(csv.getBody()).isEqualTo(
        "community,milestone_key,milestone,stage,status,responsible,support,delivered_by,accepted_by,started_at,"
            + "ended_at,hours_with_responsible,hours_waiting_on_support,review_rounds,escalations\r\n"
            + "dashboard-alpha,attendWorkshop,Attend the participation-readiness workshop,pre-work,done,alice,lena,"
            + "alice,lena,2031-06-02T12:00:00Z,2031-06-02T22:00:00Z,3.0,7.0,2,0\r\n"
            + "dashboard-alpha,commitToCbtPartner,Commit to work with a CBT partner,pre-work,stalled,alice,lena,,,"
            + "2031-06-02T12:00:00Z,,480.0,0.0,0,1\r\n"
            + "dashboard-alpha,understandLifecycle,Understand the lifecycle and the community-building pillars,"
            + "pre-work,stalled,alice,lena,alice,,2031-06-02T12:00:00Z,,24.0,456.0,0,1\r\n");
  }

  @Test
  void handoffReportAsJson() {
    ResponseEntity<String> response = rest.withBasicAuth("lena", "test")
        .getForEntity("/api/dashboard/communities/" + ALPHA + "/handoffs.json", String.class);
    assertThat(response.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
        .isEqualTo("attachment; filename=\"handoffs-dashboard-alpha-2031-06-22.json\"");
    Map<String, Object> report = parse(response.getBody());

    assertThat(report).containsEntry("community", ALPHA).containsEntry("communityName", "Dashboard Alpha")
        .containsEntry("generatedAt", "2031-06-22T12:00:00Z");
    assertThat(list(report, "milestones").get(0)).isEqualTo(row("processInstanceId", milestone(ALPHA, WORKSHOP),
        "milestoneKey", WORKSHOP, "milestoneName", "Attend the participation-readiness workshop", "stage", "pre-work",
        "status", "done", "responsible", "alice", "support", "lena", "deliveredBy", "alice", "acceptedBy", "lena",
        "startedAt", "2031-06-02T12:00:00Z", "endedAt", "2031-06-02T22:00:00Z", "timeWithResponsibleSeconds", 10800,
        "timeWaitingOnSupportSeconds", 25200, "timeWithResponsibleHours", 3.0, "timeWaitingOnSupportHours", 7.0,
        "reviewRounds", 2, "escalations", 0));
    assertThat(list(report, "milestones")).extracting(m -> m.get("milestoneKey"))
        .containsExactly(WORKSHOP, COMMITMENT, LIFECYCLE);
  }

  @Test
  void handoffHealthGivesEachLiaisonsMedians() {
    List<Map<String, Object>> liaisons = list(get("dave", "/api/dashboard/handoff-health"), "liaisons");

    // lena, six milestones. With the responsible: 3, 24, 120, 480, 1080, 1080 hours; waiting on support: 0, 0, 0, 7, 456, 960.
    assertThat(liaisons).filteredOn(l -> l.get("liaison").equals("lena")).containsExactly(row("liaison", "lena",
        "communities", 2, "milestones", 6, "medianWaitingOnSupportHours", 3.5, "medianWithResponsibleHours", 300.0));
    assertThat(liaisons).filteredOn(l -> l.get("liaison").equals("liam")).containsExactly(row("liaison", "liam",
        "communities", 1, "milestones", 3, "medianWaitingOnSupportHours", 0.0, "medianWithResponsibleHours", 504.0));
    assertThat(liaisons).extracting(l -> l.get("liaison")).contains("bob").isSorted();
  }

  // --- programs ---

  @Test
  void programsShowCohortRatesAndOverdueRoadmapItems() {
    Map<String, Object> programs = get("dave", "/api/dashboard/programs");

    assertThat(list(programs, "mentoringCohorts")).filteredOn(c -> c.get("key").equals("dashboard-cohort"))
        .containsExactly(row("key", "dashboard-cohort", "name", "Dashboard Cohort", "status", "closed", "enrolled", 8,
            "graduated", 6, "graduationRate", 0.75, "baselineRate", 0.5, "startDate", "2031-03-02",
            "endDate", "2031-05-25", "processInstanceId", "cohort-instance"));
    assertThat(list(programs, "mentoringCohorts")).filteredOn(c -> "running".equals(c.get("status")))
        .as("a running cohort has no rate yet and is compared with the configured 5 of 10")
        .isNotEmpty().allSatisfy(c -> {
          assertThat(c.get("graduationRate")).isNull();
          assertThat(c.get("baselineRate")).isEqualTo(0.5);
        });
    assertThat(list(programs, "overdueRoadmapItems")).filteredOn(i -> i.get("jamKey").equals("dashboard-jam"))
        .containsExactly(
            row("jamKey", "dashboard-jam", "jamName", "Dashboard Jam", "itemKey", "OPS-1", "title", "Fix the backups",
                "owner", "lena", "dueDate", "2031-06-12", "daysOverdue", 10, "escalated", true,
                "processInstanceId", "jam-instance"),
            row("jamKey", "dashboard-jam", "jamName", "Dashboard Jam", "itemKey", "OPS-4", "title", "Write the runbook",
                "owner", "liam", "dueDate", "2031-06-21", "daysOverdue", 1, "escalated", false,
                "processInstanceId", "jam-instance"));
  }

  // --- access and errors ---

  @Test
  void activatorsAndOtherGroupsGet403WithTheGroupsThatMayRead() {
    for (String user : List.of("alice", "carol")) {
      for (String path : List.of("/api/dashboard/portfolio", "/api/dashboard/stalled", "/api/dashboard/programs",
          "/api/dashboard/handoff-health", "/api/dashboard/communities/" + ALPHA,
          "/api/dashboard/communities/" + ALPHA + "/handoffs.csv", "/api/dashboard/communities/" + ALPHA + "/handoffs.json")) {
        ResponseEntity<String> response = rest.withBasicAuth(user, "demo").getForEntity(path, String.class);
        assertThat(response.getStatusCode()).as("%s on %s", user, path).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(response.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
        assertThat(parse(response.getBody()).get("detail")).isEqualTo(
            "The dashboard is for the groups cbt-liaisons, community-leads, camunda-admin; " + user + " is in none of them");
      }
    }
  }

  @Test
  void aCsvDownloadRefusedIsStillAProblemDocument() {
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.ACCEPT, "text/csv");
    ResponseEntity<String> response = rest.withBasicAuth("alice", "demo").exchange(
        "/api/dashboard/communities/" + ALPHA + "/handoffs.csv", HttpMethod.GET, new HttpEntity<>(headers), String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(response.getBody()).contains("is in none of them");
  }

  @Test
  void portfolioGroupsMayRead() {
    assertThat(rest.withBasicAuth("bob", "demo").getForEntity("/api/dashboard/portfolio", String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(rest.withBasicAuth("dave", "demo").getForEntity("/api/dashboard/stalled", String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(rest.withBasicAuth("admin", "demo").getForEntity("/api/dashboard/handoff-health", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void anonymousCallersGet401() {
    ResponseEntity<String> response = rest.getForEntity("/api/dashboard/portfolio", String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void anUnknownCommunityIs404() {
    for (String path : List.of("/api/dashboard/communities/no-such-community",
        "/api/dashboard/communities/no-such-community/handoffs.csv",
        "/api/dashboard/communities/no-such-community/handoffs.json")) {
      ResponseEntity<String> response = rest.withBasicAuth("lena", "test").getForEntity(path, String.class);
      assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.NOT_FOUND);
      assertThat(parse(response.getBody()).get("detail")).isEqualTo("There is no community 'no-such-community'");
    }
  }

  @Test
  void aBadSortOrOrderIs400() {
    ResponseEntity<String> sort = rest.withBasicAuth("lena", "test").getForEntity("/api/dashboard/stalled?sort=age", String.class);
    assertThat(sort.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(parse(sort.getBody()).get("detail")).isEqualTo("sort must be stalledFor, community or dueAt; got 'age'");

    ResponseEntity<String> order = rest.withBasicAuth("lena", "test")
        .getForEntity("/api/dashboard/stalled?sort=community&order=up", String.class);
    assertThat(order.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(parse(order.getBody()).get("detail")).isEqualTo("order must be asc or desc; got 'up'");
  }

  // --- building the communities ---

  private void start(String name, String liaison) {
    runtime.startProcessInstanceByKey(LifecycleContract.PROCESS_KEY, Map.of("communityName", name, "activator", "alice",
        "liaison", liaison, "entryStage", "pre-work"));
  }

  private void deliver(String community, String milestoneKey) {
    Task deliver = task(community, milestoneKey, "Task_DeliverMilestone");
    as("alice", "activators", () -> tasks.complete(deliver.getId(), Map.of(
        "deliverableUrl", "https://wiki.example.org/" + community + "/" + milestoneKey, "deliverableSummary", "Done")));
  }

  private void review(String community, String milestoneKey, Map<String, Object> decision) {
    Task review = task(community, milestoneKey, "Task_ReviewDeliverable");
    as(review.getAssignee(), "cbt-liaisons", () -> tasks.complete(review.getId(), decision));
  }

  /** Moves the clock to the timer's due date, which must be the expected one, and fires it. */
  private void fireTimer(String community, String milestoneKey, String timer, Instant due) {
    Job job = management.createJobQuery().processInstanceId(milestone(community, milestoneKey)).activityId(timer)
        .singleResult();
    assertThat(job.getDuedate().toInstant()).as(timer).isEqualTo(due);
    at(due);
    management.executeJob(job.getId());
  }

  private Task task(String community, String milestoneKey, String taskKey) {
    Task task = tasks.createTaskQuery().processInstanceId(milestone(community, milestoneKey)).taskDefinitionKey(taskKey)
        .singleResult();
    assertThat(task).as("%s of %s in %s", taskKey, milestoneKey, community).isNotNull();
    return task;
  }

  /** The milestone's instance, running or ended. */
  private String milestone(String community, String milestoneKey) {
    return history.createHistoricProcessInstanceQuery().processDefinitionKey(MilestoneContract.PROCESS_KEY)
        .processInstanceBusinessKey(community).variableValueEquals("milestoneKey", milestoneKey).singleResult().getId();
  }

  private String lifecycle(String community) {
    return runtime.createProcessInstanceQuery().processDefinitionKey(LifecycleContract.PROCESS_KEY)
        .processInstanceBusinessKey(community).singleResult().getId();
  }

  private void as(String user, String group, Runnable action) {
    identity.setAuthentication(user, List.of(group));
    try {
      action.run();
    } finally {
      identity.clearAuthentication();
    }
  }

  private static void at(Instant instant) {
    ClockUtil.setCurrentTime(java.util.Date.from(instant));
  }

  /**
   * Four contributors of Alpha: kiki casual, active, then back to casual; ola casual; ren casual,
   * active, core; sam joins after Alpha entered its stage and turns casual only after now.
   */
  private void seedContributors() {
    contributor("kiki", "2031-04-10", "none:casual:2031-04-10", "casual:active:2031-05-05", "active:casual:2031-06-10");
    contributor("ola", "2031-05-20", "none:casual:2031-05-20");
    contributor("ren", "2031-04-01", "none:casual:2031-04-01", "casual:active:2031-04-15", "active:core:2031-06-01");
    contributor("sam", "2031-06-05", "none:casual:2031-06-30");
  }

  private void contributor(String handle, String joinedOn, String... changes) {
    jdbc.update("""
        insert into cl_contributor (community_key, handle, handle_key, name, joined_on, created_at)
        values (?, ?, ?, ?, ?, ?)""", ALPHA, handle, handle, handle, Date.valueOf(joinedOn), Timestamp.from(T0));
    Long id = jdbc.queryForObject("select id from cl_contributor where community_key = ? and handle_key = ?",
        Long.class, ALPHA, handle);
    for (String change : changes) {
      String[] parts = change.split(":");
      jdbc.update("insert into cl_tier_change (contributor_id, from_tier, to_tier, changed_on) values (?, ?, ?, ?)",
          id, parts[0], parts[1], Date.valueOf(parts[2]));
    }
  }

  /**
   * A source of Gamma whose last sync failed an hour before "now". Its interval keeps the source
   * schedule from starting a sync of it (of a kind the app does not have) during the test.
   */
  private void seedSource() {
    jdbc.update("""
        insert into cl_source (community_key, name, kind, settings, sync_interval, created_by, created_at,
          last_sync_at, last_sync_added, last_status, last_message)
        values (?, 'Gamma on GitHub', 'dashboard-test-kind', '{"repositories":"gamma/site"}', 'PT744H', 'lena', ?, ?, 0,
          'failing', 'The token was refused: give a new one')""",
        GAMMA, Timestamp.from(T0), Timestamp.from(NOW.minus(Duration.ofHours(1))));
  }

  /** A closed cohort, 6 of 8 graduated against the baseline's 5 of 10; a jam with two overdue items of four. */
  private void seedPrograms() {
    jdbc.update("""
        insert into cl_mentoring_cohort (cohort_key, name, goal_rung, mentors, start_date, end_date, planned_duration,
          process_instance_id, status, enrolled, graduated, baseline_graduated, baseline_enrolled, formed_at)
        values ('dashboard-cohort', 'Dashboard Cohort', 'reviewer', 'lena', ?, ?, 'P12W', 'cohort-instance', 'closed',
          8, 6, 5, 10, ?)""", Date.valueOf("2031-03-02"), Date.valueOf("2031-05-25"), Timestamp.from(T0));
    jdbc.update("""
        insert into cl_ops_jam (jam_key, name, project_manager, branch_lead, phase, last_item_number,
          process_instance_id, created_at, updated_at)
        values ('dashboard-jam', 'Dashboard Jam', 'lena', 'liam', 'tracking', 4, 'jam-instance', ?, ?)""",
        Timestamp.from(T0), Timestamp.from(T0));
    item(1, "Fix the backups", "lena", "planned", "2031-06-12", Timestamp.from(T0));
    item(2, "Rotate the keys", "lena", "done", "2031-06-01", null);
    item(3, "Upgrade the database", "liam", "blocked", "2031-06-22", null);
    item(4, "Write the runbook", "liam", "in-progress", "2031-06-21", null);
  }

  private void item(int number, String title, String owner, String status, String due, Timestamp escalatedAt) {
    jdbc.update("""
        insert into cl_ops_roadmap_item (jam_key, item_number, item_key, kind, title, requested_by, owner_id, status,
          due_date, escalated_at, created_at, updated_at)
        values ('dashboard-jam', ?, ?, 'pain-point', ?, 'lena', ?, ?, ?, ?, ?, ?)""",
        number, "OPS-" + number, title, owner, status, Date.valueOf(due), escalatedAt, Timestamp.from(T0),
        Timestamp.from(T0));
  }

  // --- reading the answers ---

  private Map<String, Object> get(String user, String path) {
    ResponseEntity<String> response =
        rest.withBasicAuth(user, PASSWORDS.getOrDefault(user, "demo")).getForEntity(path, String.class);
    assertThat(response.getStatusCode()).as("%s: %s", path, response.getBody()).isEqualTo(HttpStatus.OK);
    return parse(response.getBody());
  }

  private Map<String, Object> parse(String body) {
    try {
      return json.readValue(body, new TypeReference<>() {});
    } catch (Exception e) {
      throw new AssertionError("Not JSON: " + body, e);
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Map<String, Object> map, String key) {
    return (List<Map<String, Object>>) map.get(key);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Map<String, Object> map, String key) {
    return (Map<String, Object>) map.get(key);
  }

  /** A JSON object, in order, from name-value pairs; values may be null. */
  private static Map<String, Object> row(Object... pairs) {
    Map<String, Object> row = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      row.put((String) pairs[i], pairs[i + 1]);
    }
    return row;
  }

  private static Map<String, Object> without(Map<String, Object> map, String... keys) {
    Map<String, Object> copy = new LinkedHashMap<>(map);
    for (String key : keys) {
      copy.remove(key);
    }
    return copy;
  }
}
