package org.communitylifecycle.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.communitylifecycle.community.CommunityDirectory;
import org.communitylifecycle.engine.AppClock;
import org.communitylifecycle.lifecycle.StageHistory;
import org.communitylifecycle.testsupport.RunningApplication;
import org.communitylifecycle.testsupport.TestGhArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A community in the growth stage ("Learning and preparing for growth", gate: more than 25 new
 * contributors since the stage was entered) gets its contributors from the GH Archive sample of
 * mozilla/kitsune (src/main/resources/demo/gharchive/kitsune-2026-09.md), over the API as its liaison
 * would: the gate moves from "not met" with 0 to "met" with 28 accounts, 27 people once Rosana's
 * login and commit email are merged. A second sync adds nothing. Outsiders and bad input are 4xx.
 */
@SuppressWarnings({"unchecked", "rawtypes"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SourcesIT extends RunningApplication {

  static final String COMMUNITY = "kitsune-sources-it";
  static final String BASE = "/api/communities/" + COMMUNITY;

  @Autowired TestRestTemplate rest;
  @Autowired CommunityDirectory directory;
  @Autowired ManagementService management;
  @Autowired RuntimeService runtime;
  @Autowired JdbcClient jdbc;
  @Autowired StageHistory stages;

  long sourceId;

  @BeforeAll
  void communityEntersTheGrowthStageOnTheLastDayOfAugust() {
    AppClock.set(Instant.parse("2026-08-31T12:00:00Z"));
    directory.enterStage(COMMUNITY, "Kitsune (sources IT)", "alice", "bob", "learning-and-preparing-for-growth");
    // As the lifecycle's stage entry records it; the gate counts from this day.
    stages.open(COMMUNITY, "learning-and-preparing-for-growth", AppClock.now());
    AppClock.set(Instant.parse("2026-10-01T09:00:00Z"));
  }

  @AfterAll
  void clockBack() {
    AppClock.reset();
  }

  @Test
  @Order(1)
  void beforeAnySyncTheGateIsNotMet() {
    Map<String, Object> target = exitTarget();
    assertThat(target.get("met")).isEqualTo(false);
    assertThat(target.get("summary")).isEqualTo("Only 0 new contributors came into the pathway since the stage was"
        + " entered; more than 25 are needed.");
    assertThat(as("bob").getForObject(BASE + "/sources", List.class)).isEmpty();
  }

  @Test
  @Order(2)
  void theLiaisonAddsTheArchiveAndItsFirstSyncCreditsPeople() {
    ResponseEntity<Map> added = as("bob").postForEntity(BASE + "/sources", json("""
        {"name": "kitsune (GH Archive)", "kind": "gharchive",
         "settings": {"location": "%s", "repositories": "mozilla/kitsune"}}""".formatted(TestGhArchive.KITSUNE)), Map.class);
    assertThat(added.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    sourceId = ((Number) added.getBody().get("id")).longValue();
    assertThat(added.getHeaders().getLocation()).hasToString(BASE + "/sources/" + sourceId);
    assertThat(added.getBody()).containsEntry("status", "never").containsEntry("syncing", true).containsEntry("hasToken", false);

    runSync();

    Map<String, Object> source = as("bob").getForObject(BASE + "/sources/" + sourceId, Map.class);
    assertThat(source).containsEntry("status", "ok").containsEntry("lastSyncAdded", 1484)
        .containsEntry("contributions", 1484).containsEntry("contributors", 28).containsEntry("syncing", false)
        .containsEntry("lastSyncAt", "2026-10-01T09:00:00Z");
    assertThat(jdbc.sql("""
            select a.kind, count(*) from cl_contribution a where a.source_id = :id group by a.kind order by a.kind""")
        .param("id", sourceId).query((rs, n) -> rs.getString(1) + "=" + rs.getLong(2)).list())
        .containsExactly("comment=566", "commit=183", "issue=239", "merge=141", "pull-request=182", "review=173");
    // The noreply address names kiki-m's login: one person, with both accounts.
    Map<String, Object> kiki = as("bob").getForObject(BASE + "/contributors/kiki-m", Map.class);
    assertThat(kiki.get("identities").toString())
        .contains("kind=email, value=4711+kiki-m@users.noreply.github.com, displayName=Kiki Mwangi")
        .contains("kind=github, value=kiki-m");
    assertThat(kiki.get("joinedOn").toString()).startsWith("2026-09-");
    assertThat(as("bob").getForObject(BASE + "/contributors?tier=none", List.class)).isEmpty();
  }

  @Test
  @Order(3)
  void aSecondSyncAddsNothing() {
    ResponseEntity<Map> again = as("bob").postForEntity(BASE + "/sources/" + sourceId + "/sync", null, Map.class);
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    runSync();
    Map<String, Object> source = as("bob").getForObject(BASE + "/sources/" + sourceId, Map.class);
    assertThat(source).containsEntry("lastSyncAdded", 0).containsEntry("contributions", 1484).containsEntry("contributors", 28);
  }

  @Test
  @Order(4)
  void rosanasTwoAccountsAreOfferedAndMergedAndTheGateIsMetWith27() {
    Map<String, Object> before = exitTarget();
    assertThat(before.get("summary")).isEqualTo("Learning and preparing for growth is done: 28 new contributors came"
        + " into the pathway since the stage was entered (more than 25 needed).");

    List<Map<String, Object>> duplicates = as("bob").getForObject(BASE + "/contributors/duplicates", List.class);
    assertThat(duplicates).anySatisfy(d -> assertThat(List.of(d.get("handle"), d.get("otherHandle")))
        .containsExactlyInAnyOrder("rosana", "rosana-ortiz"));

    // Said to be two people, they are offered no more; a merge by hand is still possible.
    ResponseEntity<String> apart = as("bob").postForEntity(BASE + "/contributors/rosana-ortiz/distinct",
        json("{\"from\": \"rosana\"}"), String.class);
    assertThat(apart.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(as("bob").getForObject(BASE + "/contributors/duplicates", List.class).toString()).doesNotContain("rosana");

    ResponseEntity<Map> merged = as("bob").postForEntity(BASE + "/contributors/rosana-ortiz/merge",
        json("{\"from\": \"rosana\"}"), Map.class);
    assertThat(merged.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(merged.getBody().get("identities").toString())
        .isEqualTo("[{kind=email, value=rosana@example.org, displayName=Rosana Ortiz, contributions=24},"
            + " {kind=github, value=rosana-ortiz, displayName=null, contributions=63}]");
    assertThat((List<?>) merged.getBody().get("contributions")).hasSize(87);
    assertThat(as("bob").getForEntity(BASE + "/contributors/rosana", String.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);

    Map<String, Object> figures = as("bob").getForObject(BASE + "/contributors/figures?since=2026-08-31", Map.class);
    assertThat(figures).containsEntry("contributors", 27).containsEntry("newContributorsSince", 27);
    Map<String, Object> after = exitTarget();
    assertThat(after.get("met")).isEqualTo(true);
    assertThat(after.get("summary")).isEqualTo("Learning and preparing for growth is done: 27 new contributors came"
        + " into the pathway since the stage was entered (more than 25 needed).");
    // The dashboard's funnel counts people too.
    Map<String, Object> funnel = (Map<String, Object>) detail().get("funnel");
    assertThat(((Number) funnel.get("casual")).intValue() + ((Number) funnel.get("active")).intValue()
        + ((Number) funnel.get("core")).intValue()).isEqualTo(27);
    List<?> sources = (List<?>) detail().get("sources");
    assertThat(sources).hasSize(1);
    assertThat((Map<String, Object>) sources.get(0)).containsEntry("contributions", 1484).containsEntry("contributors", 27);
  }

  @Test
  @Order(5)
  void splittingTheEmailOffUndoesTheMerge() {
    ResponseEntity<Map> split = as("bob").postForEntity(BASE + "/contributors/rosana-ortiz/split",
        json("{\"kind\": \"email\", \"value\": \"rosana@example.org\"}"), Map.class);
    assertThat(split.getStatusCode()).as("%s", split.getBody()).isEqualTo(HttpStatus.CREATED);
    assertThat(split.getBody()).containsEntry("handle", "rosana");
    assertThat((List<?>) split.getBody().get("contributions")).hasSize(24);
    assertThat(as("bob").getForObject(BASE + "/contributors/duplicates", List.class).toString()).doesNotContain("rosana");

    ResponseEntity<Map> again = as("bob").postForEntity(BASE + "/contributors/rosana-ortiz/merge",
        json("{\"from\": \"rosana\"}"), Map.class);
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  @Order(6)
  void anErasedPersonIsGoneAndNoSyncBringsThemBack() {
    assertThat(as("bob").exchange(BASE + "/contributors/laila-benali", HttpMethod.DELETE, null, String.class).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    jdbc.sql("update cl_source set cursor_state = null where id = :id").param("id", sourceId).update();
    as("bob").postForEntity(BASE + "/sources/" + sourceId + "/sync", null, Map.class);
    runSync();
    assertThat(as("bob").getForEntity(BASE + "/contributors/laila-benali", String.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(as("bob").getForObject(BASE + "/sources/" + sourceId, Map.class)).containsEntry("lastSyncAdded", 0)
        .containsEntry("contributors", 26).containsEntry("message", "3 events skipped (erased people, or a reference over 200 characters)");
  }

  @Test
  @Order(7)
  void outsidersAndBadInputAre4xxAndNothingIsSaved() {
    ResponseEntity<String> alice = as("alice").getForEntity(BASE + "/sources", String.class);
    assertThat(alice.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(alice.getBody()).contains("'alice' may not manage the sources of '" + COMMUNITY + "'");
    assertThat(rest.getForEntity(BASE + "/sources", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

    ResponseEntity<String> bad = as("bob").postForEntity(BASE + "/sources", json("""
        {"name": "forum", "kind": "gharchive", "settings": {"location": "../etc", "repositories": "kitsune"},
         "token": "abc", "syncInterval": "PT1S"}"""), String.class);
    assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(bad.getBody()).contains("The source was not added").contains("location").contains("repositories")
        .contains("token: GH Archive files sources take no token").contains("syncInterval: between PT5M and P31D");
    assertThat(as("bob").postForEntity(BASE + "/sources", json("{\"kind\": "), String.class).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    ResponseEntity<String> unknownKind = as("bob").postForEntity(BASE + "/sources",
        json("{\"name\": \"lab\", \"kind\": \"gitlab\"}"), String.class);
    assertThat(unknownKind.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(unknownKind.getBody()).contains("kind: 'gitlab' is unknown; give one of");
    assertThat(as("bob").getForEntity(BASE + "/sources/999999", String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(as("bob").getForEntity(BASE + "/sources/abc", String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(as("bob").getForObject(BASE + "/sources", List.class)).hasSize(1);
  }

  /** Runs the jobs of the source's running sync until it ends; at most 50. */
  private void runSync() {
    String run = jdbc.sql("select process_instance_id from cl_source where id = :id").param("id", sourceId)
        .query(String.class).single();
    for (int i = 0; i < 50; i++) {
      Job job = management.createJobQuery().processInstanceId(run).singleResult();
      if (job == null) {
        break;
      }
      management.executeJob(job.getId());
    }
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(run).count()).as("sync still running").isZero();
  }

  private Map<String, Object> detail() {
    ResponseEntity<Map> detail = as("bob").getForEntity("/api/dashboard/communities/" + COMMUNITY, Map.class);
    assertThat(detail.getStatusCode()).isEqualTo(HttpStatus.OK);
    return detail.getBody();
  }

  private Map<String, Object> exitTarget() {
    return (Map<String, Object>) ((Map<String, Object>) detail().get("funnel")).get("exitTarget");
  }

  private TestRestTemplate as(String user) {
    return rest.withBasicAuth(user, "demo");
  }

  private static HttpEntity<String> json(String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }
}
