package org.communitylifecycle.contributor;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.communitylifecycle.community.CommunityDirectory;
import org.communitylifecycle.engine.AppClock;
import org.communitylifecycle.engine.InvalidInputException;
import org.communitylifecycle.testsupport.TestDatabase;
import org.communitylifecycle.testsupport.TestProcessEngineConfiguration;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * processes/recompute-contributor-tiers.bpmn: a designer lowers the active threshold from 6 to 2
 * contributions in the window, recomputes, and reads who is active now; each batch is a job of
 * its own. A liaison recomputes their own community only.
 */
@Deployment(resources = {"processes/recompute-contributor-tiers.bpmn", "processes/contributor-tier.dmn"})
class RecomputeContributorTiersTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine =
      ProcessEngineCoverageExtension.builder(TestProcessEngineConfiguration.RESOURCE).assertClassCoverageAtLeast(1.0).build();

  ProcessEngine processEngine;
  JdbcClient jdbc;
  ContributorService contributors;
  String sumo;
  String mdn;
  String lowered;

  @BeforeEach
  void setUp() {
    init(processEngine);
    AppClock.set(Instant.parse("2026-09-30T10:00:00Z"));
    TestDatabase.Connection db = TestDatabase.get();
    DriverManagerDataSource ds = new DriverManagerDataSource(db.url(), db.user(), db.password());
    Flyway.configure().dataSource(ds).table("cl_schema_history").baselineOnMigrate(true).baselineVersion("0").load().migrate();
    jdbc = JdbcClient.create(ds);
    CommunityDirectory directory = new CommunityDirectory(jdbc);
    String run = UUID.randomUUID().toString().substring(0, 8);
    sumo = "sumo-" + run;
    mdn = "mdn-" + run;
    directory.enterStage(sumo, "SUMO " + run, "alice", "bob", "learning-and-preparing-for-growth");
    directory.enterStage(mdn, "MDN " + run, "bart", "bob", "sustaining");
    contributors = ContributorTestSupport.service(ds, directory, processEngine);
    Mocks.register("tierRecompute", new TierRecompute(contributors, directory, jdbc));
  }

  /** Ana and Ben in both communities, three contributions each: casual under the shipped rules (active needs 6). */
  void threeContributionsEach() {
    for (String community : List.of(sumo, mdn)) {
      for (String handle : List.of("ana", "ben")) {
        for (int day = 1; day <= 3; day++) {
          contributors.record(community, handle, null, null, "2026-09-0" + day, "docs", "ref-" + day, null);
        }
      }
    }
  }

  @AfterEach
  void tearDown() {
    processEngine.getIdentityService().clearAuthentication();
    if (lowered != null) {
      processEngine.getRepositoryService().deleteDeployment(lowered, true);
    }
    AppClock.reset();
    Mocks.reset();
  }

  /** A designer's new version of the tier rules: active from 2 contributions in the window. */
  void lowerTheActiveThreshold() throws IOException {
    threeContributionsEach();
    String dmn = Files.readString(Path.of("processes/contributor-tier.dmn"));
    Assertions.assertThat(dmn).contains("<text>&gt;= 6</text>");
    lowered = processEngine.getRepositoryService().createDeployment().name("lowered")
        .addString("contributor-tier.dmn", dmn.replace("<text>&gt;= 6</text>", "<text>&gt;= 2</text>")).deploy().getId();
  }

  ProcessInstance start(String communityKey) {
    return runtimeService().startProcessInstanceByKey(TierRecompute.PROCESS_KEY,
        communityKey == null ? Map.of() : Map.of(TierRecompute.COMMUNITY_KEY, communityKey));
  }

  /** Runs the instance's jobs until none is left; at most 20. */
  int runJobs(ProcessInstance instance) {
    int ran = 0;
    for (Job job; ran < 20 && (job = managementService().createJobQuery().processInstanceId(instance.getId())
        .listPage(0, 1).stream().findFirst().orElse(null)) != null; ran++) {
      managementService().executeJob(job.getId());
    }
    return ran;
  }

  @Test
  void aDesignerRecomputesEveryCommunityAndReadsWhoIsActiveNow() throws IOException {
    lowerTheActiveThreshold();
    processEngine.getIdentityService().setAuthentication("carol", List.of("process-designers"));

    ProcessInstance recompute = start(null);
    processEngine.getIdentityService().clearAuthentication();
    @SuppressWarnings("unchecked")
    List<String> batches = (List<String>) runtimeService().getVariable(recompute.getId(), TierRecompute.BATCHES);
    Assertions.assertThat(batches).filteredOn(b -> b.startsWith(sumo + "|") || b.startsWith(mdn + "|")).hasSize(2);
    int jobs = runJobs(recompute);

    assertThat(recompute).isWaitingAt("Task_ReadTierReport").task().isAssignedTo("carol");
    Assertions.assertThat(jobs).as("one job per batch, the multi-instance body's and the report's")
        .isEqualTo(batches.size() + 2);
    String report = (String) runtimeService().getVariable(recompute.getId(), TierRecompute.REPORT);
    Assertions.assertThat(report).contains("- ana (" + sumo + "): casual → active", "- ben (" + sumo + "): casual → active",
        "- ana (" + mdn + "): casual → active", "- ben (" + mdn + "): casual → active");
    Assertions.assertThat(contributors.get(sumo, "ana").tier()).isEqualTo("active");
    Assertions.assertThat(contributors.get(sumo, "ana").tierChanges()).extracting(ContributorViews.Conversion::toTier)
        .containsExactly("casual", "active");

    complete(task());
    assertThat(recompute).isEnded().hasPassed("EndEvent_TiersRecomputed");
  }

  @Test
  void aLiaisonRecomputesTheirCommunityOnly() throws IOException {
    lowerTheActiveThreshold();
    processEngine.getIdentityService().setAuthentication("bob", List.of("cbt-liaisons"));

    ProcessInstance recompute = start(sumo);
    processEngine.getIdentityService().clearAuthentication();
    runJobs(recompute);

    assertThat(recompute).isWaitingAt("Task_ReadTierReport").task().isAssignedTo("bob");
    Assertions.assertThat(runtimeService().getVariable(recompute.getId(), TierRecompute.REPORT))
        .isEqualTo("2 people were decided again with the current rules. 2 have new conversion points; 2 are in"
            + " another tier today.\n- ana (" + sumo + "): casual → active\n- ben (" + sumo + "): casual → active");
    Assertions.assertThat(contributors.get(mdn, "ana").tier()).isEqualTo("casual");
  }

  @Test
  void everyCommunityAtOnceIsForDesignersAndAdmins() {
    threeContributionsEach();
    processEngine.getIdentityService().setAuthentication("bob", List.of("cbt-liaisons"));

    Assertions.assertThatThrownBy(() -> start(null)).isInstanceOf(InvalidInputException.class)
        .hasMessage("Only process designers and admins recompute every community's tiers; give your community's key"
            + " to recompute its own");
  }
}
