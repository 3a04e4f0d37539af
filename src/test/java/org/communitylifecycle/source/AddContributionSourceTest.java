package org.communitylifecycle.source;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.communitylifecycle.engine.AppClock;
import org.communitylifecycle.engine.InvalidInputException;
import org.communitylifecycle.testsupport.TestProcessEngineConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * processes/add-contribution-source.bpmn: a liaison adds a source from Tasklist's start form; the
 * token is sealed into the source and is nowhere in the engine's tables. Someone outside the
 * community is refused, and nothing is saved.
 */
@Deployment(resources = {"processes/add-contribution-source.bpmn", "processes/contribution-source-sync.bpmn",
    "processes/contributor-tier.dmn"})
class AddContributionSourceTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine =
      ProcessEngineCoverageExtension.builder(TestProcessEngineConfiguration.RESOURCE).build();

  ProcessEngine processEngine;
  SourceFixture fixture;

  @BeforeEach
  void setUp() {
    init(processEngine);
    AppClock.set(Instant.parse("2026-09-30T10:00:00Z"));
    fixture = new SourceFixture(processEngine);
  }

  @AfterEach
  void tearDown() {
    processEngine.getIdentityService().clearAuthentication();
    AppClock.reset();
    Mocks.reset();
  }

  Map<String, Object> form(String name) {
    Map<String, Object> form = new HashMap<>();
    form.put("communityKey", fixture.community);
    form.put("sourceName", name);
    form.put("sourceKind", "scripted");
    form.put("repositories", "mozilla/kitsune");
    form.put("sourceToken", "ghp_tasklistToken42");
    form.put("syncInterval", "PT30M");
    return form;
  }

  @Test
  void aLiaisonAddsASourceAndItsFirstSyncStarts() {
    processEngine.getIdentityService().setAuthentication("bob", List.of("cbt-liaisons", "liaisons-" + fixture.community));

    ProcessInstance added = processEngine.getFormService()
        .submitStartForm(processEngine.getRepositoryService().createProcessDefinitionQuery()
            .processDefinitionKey(AddContributionSource.PROCESS_KEY).singleResult().getId(), form("kitsune on GitHub"));

    assertThat(added).isEnded().hasPassed("EndEvent_SourceAdded");
    SourceStore.Stored source = fixture.store.findByName(fixture.community, "kitsune on GitHub").orElseThrow();
    Assertions.assertThat(source.createdBy()).isEqualTo("bob");
    Assertions.assertThat(source.settings()).containsExactlyEntriesOf(Map.of("repositories", "mozilla/kitsune"));
    Assertions.assertThat(source.syncInterval()).hasMinutes(30);
    Assertions.assertThat(runtimeService().createProcessInstanceQuery().processInstanceBusinessKey("source-" + source.id())
        .processDefinitionKey(Sources.SYNC_PROCESS).count()).isEqualTo(1);
    Assertions.assertThat(historyService().createHistoricVariableInstanceQuery().processInstanceId(added.getId())
        .variableName(AddContributionSource.SOURCE_ID).singleResult().getValue()).isEqualTo(source.id());
    // The token: sealed in cl_source, and in no table of the engine.
    Assertions.assertThat(source.sealedCredential()).isNotBlank().doesNotContain("tasklistToken42");
    Assertions.assertThat(historyService().createHistoricVariableInstanceQuery().processInstanceId(added.getId())
        .variableName(AddContributionSource.TOKEN).count()).isZero();
    Assertions.assertThat(historyService().createHistoricDetailQuery().processInstanceId(added.getId()).list())
        .noneMatch(d -> String.valueOf(d).contains("tasklistToken42"));
    Assertions.assertThat(fixture.jdbc.sql("select count(*) from ACT_HI_DETAIL where TEXT_ like '%tasklistToken42%'"
        + " or TEXT2_ like '%tasklistToken42%'").query(Long.class).single()).isZero();
    Assertions.assertThat(fixture.jdbc.sql("select count(*) from ACT_HI_VARINST where TEXT_ like '%tasklistToken42%'")
        .query(Long.class).single()).isZero();
    Assertions.assertThat(fixture.jdbc.sql("select count(*) from ACT_RU_VARIABLE where TEXT_ like '%tasklistToken42%'")
        .query(Long.class).single()).isZero();
    fixture.kind.answers.clear();
    managementService().executeJob(managementService().createJobQuery()
        .processInstanceId(source.processInstanceId()).singleResult().getId());
    Assertions.assertThat(fixture.kind.requests.get(0).credential()).isEqualTo("ghp_tasklistToken42");
  }

  @Test
  void someoneOutsideTheCommunityIsRefusedAndNothingIsSaved() {
    processEngine.getIdentityService().setAuthentication("carol", List.of("process-designers"));
    String definition = processEngine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(AddContributionSource.PROCESS_KEY).singleResult().getId();

    Assertions.assertThatThrownBy(() -> processEngine.getFormService().submitStartForm(definition, form("kitsune")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'carol' may not manage the sources of '" + fixture.community + "'");

    Assertions.assertThat(fixture.store.findByName(fixture.community, "kitsune")).isEmpty();
    Assertions.assertThat(historyService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(AddContributionSource.PROCESS_KEY).count()).isZero();
  }

  @Test
  void settingsWithProblemsAreShownOnTheFormAndNothingIsSaved() {
    processEngine.getIdentityService().setAuthentication("bob", List.of("cbt-liaisons", "liaisons-" + fixture.community));
    Map<String, Object> form = form("kitsune");
    form.remove("repositories");
    form.put("syncInterval", "hourly");
    String definition = processEngine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(AddContributionSource.PROCESS_KEY).singleResult().getId();

    Assertions.assertThatThrownBy(() -> processEngine.getFormService().submitStartForm(definition, form))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("The source was not added: repositories: give at least one owner/name; syncInterval: 'hourly' is"
            + " not an ISO-8601 duration such as PT1H or PT30M");

    Assertions.assertThat(fixture.store.findByName(fixture.community, "kitsune")).isEmpty();
  }
}
