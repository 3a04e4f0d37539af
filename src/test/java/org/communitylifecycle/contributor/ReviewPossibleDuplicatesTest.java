package org.communitylifecycle.contributor;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.communitylifecycle.community.CommunityDirectory;
import org.communitylifecycle.contributor.SourcedEvent.Account;
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
 * Every path through processes/review-possible-duplicates.bpmn, with the real services on the
 * test database: a GitHub login and a commit email of one person come in as two contributors,
 * the reviewer merges them, and calls another alike pair two people.
 */
@Deployment(resources = {"processes/review-possible-duplicates.bpmn", "processes/contributor-tier.dmn"})
class ReviewPossibleDuplicatesTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine =
      ProcessEngineCoverageExtension.builder(TestProcessEngineConfiguration.RESOURCE).assertClassCoverageAtLeast(1.0).build();

  ProcessEngine processEngine;
  JdbcClient jdbc;
  ContributorIdentities identities;
  ContributorService contributors;
  String community;
  long sourceId;

  @BeforeEach
  void setUp() {
    init(processEngine);
    AppClock.set(Instant.parse("2026-09-30T10:00:00Z"));
    TestDatabase.Connection db = TestDatabase.get();
    DriverManagerDataSource ds = new DriverManagerDataSource(db.url(), db.user(), db.password());
    Flyway.configure().dataSource(ds).table("cl_schema_history").baselineOnMigrate(true).baselineVersion("0").load().migrate();
    jdbc = JdbcClient.create(ds);
    CommunityDirectory directory = new CommunityDirectory(jdbc);
    community = "kitsune-" + UUID.randomUUID().toString().substring(0, 8);
    directory.enterStage(community, "Kitsune", "alice", "bob", "learning-and-preparing-for-growth");
    contributors = ContributorTestSupport.service(ds, directory, processEngine);
    identities = ContributorTestSupport.identities(ds, directory, processEngine);
    Mocks.register("duplicateReview", new DuplicateReview(identities, contributors, directory));
    jdbc.sql("insert into cl_source (community_key, name, kind, settings, sync_interval, created_by, created_at)"
        + " values (:c, 'kitsune', 'gharchive', '{}', 'PT1H', 'bob', current_timestamp)").param("c", community).update();
    sourceId = jdbc.sql("select id from cl_source where community_key = :c").param("c", community).query(Long.class).single();
    processEngine.getIdentityService().setAuthentication("bob", List.of("cbt-liaisons", "liaisons-" + community));
  }

  @AfterEach
  void tearDown() {
    processEngine.getIdentityService().clearAuthentication();
    AppClock.reset();
    Mocks.reset();
  }

  void event(String day, String kind, String reference, Account... accounts) {
    identities.write(community, sourceId, List.of(new SourcedEvent(Instant.parse(day + "T09:00:00Z"), kind, reference,
        List.of(accounts))));
  }

  ProcessInstance start() {
    return runtimeService().startProcessInstanceByKey(DuplicateReview.PROCESS_KEY, Map.of("communityKey", community));
  }

  @Test
  void theReviewerMergesOnePersonAndKeepsTwoPeopleApart() {
    event("2026-09-02", "issue", "https://github.com/mozilla/kitsune/issues/7", new Account("github", "rosana-ortiz", "Rosana Ortiz"));
    event("2026-09-03", "commit", "https://github.com/mozilla/kitsune/commit/a1", Account.email("rosana@example.org", "Rosana Ortiz"));
    event("2026-09-04", "issue", "https://github.com/mozilla/kitsune/issues/8", new Account("github", "jan-novak", "Jan Novak"));
    event("2026-09-05", "issue", "https://github.com/mozilla/kitsune/issues/9", new Account("github", "jana-novak", "Jana Novak"));

    ProcessInstance review = start();

    assertThat(review).isWaitingAt("Task_ReviewDuplicates").task().isAssignedTo("bob");
    org.camunda.spin.json.SpinJsonNode options =
        (org.camunda.spin.json.SpinJsonNode) runtimeService().getVariable(review.getId(), DuplicateReview.OPTIONS);
    Assertions.assertThat(options.elements()).extracting(o -> o.prop("value").stringValue())
        .containsExactly("rosana|rosana-ortiz", "jan-novak|jana-novak");
    Assertions.assertThat(options.elements().get(0).prop("label").stringValue())
        .isEqualTo("rosana (Rosana Ortiz) and rosana-ortiz (Rosana Ortiz): 'rosanaortiz' and 'rosanaortiz' are the same (100%)");

    Task task = taskService().createTaskQuery().processInstanceId(review.getId()).singleResult();
    // As Tasklist submits checklists: Json, typed like the options' variable.
    taskService().complete(task.getId(), Map.of(
        DuplicateReview.MERGE, org.camunda.spin.plugin.variable.SpinValues.jsonValue("[\"rosana|rosana-ortiz\"]").create(),
        DuplicateReview.DISTINCT, org.camunda.spin.plugin.variable.SpinValues.jsonValue("[\"jan-novak|jana-novak\"]").create()));

    assertThat(review).isEnded().hasPassed("EndEvent_DuplicatesReviewed")
        .variables().containsEntry(DuplicateReview.MERGED,
            "rosana-ortiz merged into rosana; jan-novak and jana-novak are two people.");
    ContributorViews.Detail rosana = contributors.get(community, "rosana");
    Assertions.assertThat(rosana.identities()).extracting(i -> i.kind() + " " + i.value() + " " + i.contributions())
        .containsExactly("email rosana@example.org 1", "github rosana-ortiz 1");
    Assertions.assertThat(rosana.contributions()).hasSize(2);
    Assertions.assertThat(rosana.joinedOn()).hasToString("2026-09-02");
    Assertions.assertThat(contributors.list(community)).extracting(ContributorViews.Summary::handle)
        .containsExactly("jan-novak", "jana-novak", "rosana");
    // Decided pairs are not offered again.
    Assertions.assertThat(identities.possibleDuplicates(community, 10)).isEmpty();
  }

  @Test
  void noLikelyDuplicatesEndsAtOnce() {
    event("2026-09-02", "issue", "https://github.com/mozilla/kitsune/issues/7", Account.github("kiki-m"));
    event("2026-09-04", "issue", "https://github.com/mozilla/kitsune/issues/8", Account.github("rosana-ortiz"));

    ProcessInstance review = start();

    assertThat(review).isEnded().hasPassed("EndEvent_NoDuplicates").hasNotPassed("Task_ReviewDuplicates");
  }

  @Test
  void aPairTickedInBothListsIsRefusedOnTheForm() {
    event("2026-09-04", "issue", "https://github.com/mozilla/kitsune/issues/8", new Account("github", "jan-novak", "Jan Novak"));
    event("2026-09-05", "issue", "https://github.com/mozilla/kitsune/issues/9", new Account("github", "jana-novak", "Jana Novak"));
    ProcessInstance review = start();
    Task task = taskService().createTaskQuery().processInstanceId(review.getId()).singleResult();

    Assertions.assertThatThrownBy(() -> taskService().complete(task.getId(), Map.of(
            DuplicateReview.MERGE, List.of("jan-novak|jana-novak"), DuplicateReview.DISTINCT, List.of("jan-novak|jana-novak"))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("Each pair is either one person or two: jan-novak and jana-novak is ticked in both lists");

    assertThat(review).isWaitingAt("Task_ReviewDuplicates");
    Assertions.assertThat(contributors.list(community)).hasSize(2);
  }

  @Test
  void someoneOutsideTheCommunityCannotReviewIt() {
    processEngine.getIdentityService().setAuthentication("carol", List.of("process-designers"));

    Assertions.assertThatThrownBy(this::start).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Only the activators and liaisons of '" + community + "'");
  }
}
