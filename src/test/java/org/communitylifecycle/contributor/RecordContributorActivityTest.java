package org.communitylifecycle.contributor;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.communitylifecycle.contributor.RecordContributorActivityContract.*;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.communitylifecycle.community.CommunityDirectory;
import org.communitylifecycle.engine.InvalidInputException;
import org.communitylifecycle.testsupport.TestDatabase;
import org.communitylifecycle.testsupport.TestProcessEngineConfiguration;
import org.communitylifecycle.testsupport.TestUsers;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Every path through processes/record-contributor-activity.bpmn, with the real service on the
 * test database and the real decision table. Today is 2026-03-02.
 */
@Deployment(resources = {"processes/record-contributor-activity.bpmn", "processes/contributor-tier.dmn"})
class RecordContributorActivityTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine =
      ProcessEngineCoverageExtension.builder(TestProcessEngineConfiguration.RESOURCE).assertClassCoverageAtLeast(1.0).build();

  static final Clock TODAY = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneId.of("UTC"));

  ProcessEngine processEngine;
  JdbcClient jdbc;
  String community;

  @BeforeEach
  void setUp() {
    init(processEngine);
    TestUsers.ensure(processEngine.getIdentityService());
    TestDatabase.Connection db = TestDatabase.get();
    DriverManagerDataSource dataSource = new DriverManagerDataSource(db.url(), db.user(), db.password());
    Flyway.configure().dataSource(dataSource).table("cl_schema_history").baselineOnMigrate(true).baselineVersion("0")
        .load().migrate();
    jdbc = JdbcClient.create(dataSource);
    CommunityDirectory directory = new CommunityDirectory(jdbc);
    community = "sumo-" + UUID.randomUUID().toString().substring(0, 8);
    directory.enterStage(community, "SUMO " + community, "alice", "bob", "learning-and-preparing-for-growth");
    ContributorService service = new ContributorService(directory, new ContributorStore(jdbc, new org.springframework.jdbc.core.JdbcTemplate(dataSource)),
        new TierDecision(processEngine.getDecisionService(), processEngine.getIdentityService()),
        new ContributorProperties("P12M", 100), TODAY);
    Mocks.register("recordContributorActivity", new RecordContributorActivity(service, directory));
    // The engine's identity service gives a user their team groups; this test names them itself.
    processEngine.getIdentityService().setAuthentication("alice", List.of("activators", "activators-" + community));
  }

  @AfterEach
  void tearDown() {
    processEngine.getIdentityService().clearAuthentication();
    Mocks.reset();
  }

  @Test
  void aNewcomersFirstContributionConvertsThemToCasual() {
    ProcessInstance instance = start(form("kiki", "2026-02-20", "support"));

    assertThat(instance).isEnded().hasPassed(RECORD_TASK, CONVERTED_END)
        .variables()
        .containsEntry(PREVIOUS_TIER, "none")
        .containsEntry(CONTRIBUTOR_TIER, "casual")
        .containsEntry(TIER_CHANGED, true)
        .containsEntry(CONTRIBUTOR_ADDED, true);
    Assertions.assertThat(instance.getBusinessKey()).isEqualTo(community);
    Assertions.assertThat(joinedOn("kiki")).as("joined on the day of the first contribution").isEqualTo(LocalDate.of(2026, 2, 20));
  }

  @Test
  void aContributionThatKeepsTheTierEndsAsRecorded() {
    start(form("kiki", "2026-02-20", "support"));

    ProcessInstance instance = start(form("Kiki", "2026-02-21", "docs"));

    assertThat(instance).isEnded().hasPassed(RECORDED_END).hasNotPassed(CONVERTED_END)
        .variables()
        .containsEntry(PREVIOUS_TIER, "casual")
        .containsEntry(CONTRIBUTOR_TIER, "casual")
        .containsEntry(TIER_CHANGED, false)
        .containsEntry(CONTRIBUTOR_ADDED, false);
    Assertions.assertThat(count("cl_contribution")).isEqualTo(2);
  }

  @Test
  void aRoleTakenUpConvertsTheContributorToCore() {
    Map<String, Object> variables = form("tchen", "2026-03-01", "support");
    variables.put(JOINED_ON, "2025-11-01");
    variables.put(ROLE, "Forum moderator lead");

    ProcessInstance instance = start(variables);

    assertThat(instance).hasPassed(CONVERTED_END).variables().containsEntry(CONTRIBUTOR_TIER, "core");
    Assertions.assertThat(joinedOn("tchen")).isEqualTo(LocalDate.of(2025, 11, 1));
  }

  @Test
  void aTypedDateFromARestCallerCountsAsItsDay() {
    Map<String, Object> variables = form("kiki", null, "support");
    variables.put(ACTIVITY_DATE, Date.from(Instant.parse("2026-02-20T12:00:00Z")));

    assertThat(start(variables)).hasPassed(CONVERTED_END);
    Assertions.assertThat(joinedOn("kiki")).isEqualTo(LocalDate.of(2026, 2, 20));
  }

  @Test
  void badInputIsRefusedWithEveryProblemAndNothingIsRecorded() {
    Map<String, Object> variables = form("kiki@example.org", "2026-03-09", "bug fixing!");

    assertThatThrownBy(() -> start(variables))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("The contribution was not recorded: "
            + "Handle 'kiki@example.org' is not a handle: use up to 64 letters, digits, '.', '_' or '-', starting with a letter or digit; "
            + "Date of the contribution 2026-03-09 is in the future; record what has happened, up to today (2026-03-02); "
            + "Kind of contribution 'bug fixing!' is not a kind: use one word of up to 32 letters, digits or '-', "
            + "for example code, docs, translation, support, event or review");
    Assertions.assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).count()).isZero();
    Assertions.assertThat(count("cl_contributor")).isZero();
  }

  @Test
  void anUnknownCommunityIsRefused() {
    Map<String, Object> variables = form("kiki", "2026-02-20", "support");
    variables.put(COMMUNITY_KEY, "no-such-community");

    assertThatThrownBy(() -> start(variables))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("There is no community with the key 'no-such-community'");
  }

  @Test
  void anActivatorOfAnotherCommunityIsRefused() {
    processEngine.getIdentityService().setAuthentication("erin", List.of("activators", "activators-another-community"));

    assertThatThrownBy(() -> start(form("kiki", "2026-02-20", "support")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("Only the activators and liaisons of '" + community
            + "' (its team groups) and the groups cbt-liaisons, community-leads, camunda-admin may record its contributors' activity");
    Assertions.assertThat(count("cl_contributor")).isZero();
  }

  private Map<String, Object> form(String handle, String date, String kind) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(COMMUNITY_KEY, community);
    variables.put(HANDLE, handle);
    variables.put(ACTIVITY_DATE, date);
    variables.put(ACTIVITY_KIND, kind);
    return variables;
  }

  private ProcessInstance start(Map<String, Object> variables) {
    return runtimeService().startProcessInstanceByKey(PROCESS_KEY, variables);
  }

  private long count(String table) {
    return jdbc.sql("select count(*) from " + table + (table.equals("cl_contributor") ? " c" : " x join cl_contributor c on c.id = x.contributor_id")
        + " where c.community_key = :community").param("community", community).query(Long.class).single();
  }

  private LocalDate joinedOn(String handle) {
    return jdbc.sql("select joined_on from cl_contributor where community_key = :community and handle_key = :handle")
        .param("community", community).param("handle", handle).query(LocalDate.class).single();
  }
}
