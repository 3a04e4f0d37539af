package org.communitylifecycle.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.communitylifecycle.community.CommunityDirectory;
import org.communitylifecycle.testsupport.AppTables;
import org.communitylifecycle.testsupport.TestProcessEngineConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * GET /api/communities/{key}/stages: who may read a community's stage history, and what they read.
 * The caller is the engine's authenticated user, as the /api authentication filter leaves it.
 */
class StageHistoryControllerTest {

  @RegisterExtension
  static ProcessEngineExtension engine =
      ProcessEngineExtension.builder().configurationResource(TestProcessEngineConfiguration.RESOURCE).build();

  static final String KEY = "common-voice-kenya";

  ProcessEngine processEngine;
  IdentityService identity;
  StageHistoryController controller;

  @BeforeEach
  void setUp() {
    identity = processEngine.getIdentityService();
    CommunityDirectory directory = new CommunityDirectory(AppTables.jdbc(processEngine));
    StageHistory history = new StageHistory(AppTables.jdbc(processEngine));
    controller = new StageHistoryController(identity, directory, history);
    AppTables.clearStageHistory(processEngine);
    directory.enterStage(KEY, "Common Voice Kenya", "alice", "bob", "scaling");
    history.open(KEY, "learning-and-preparing-for-growth", Instant.parse("2026-01-05T10:00:00Z"));
    history.decide(KEY, "learning-and-preparing-for-growth", Instant.parse("2026-01-05T10:00:00Z"), "advanced", "bob",
        null, Instant.parse("2026-03-02T09:00:00Z"), true);
    history.open(KEY, "scaling", Instant.parse("2026-03-02T09:00:00Z"));
  }

  @AfterEach
  void tearDown() {
    identity.clearAuthentication();
  }

  @Test
  void theCommunitysLiaisonReadsItsStaysOldestFirst() {
    identity.setAuthentication("bob", List.of("cbt-liaisons"));

    List<StageHistoryController.Stay> stays = controller.stages(KEY);

    assertThat(stays).extracting(StageHistoryController.Stay::stage, StageHistoryController.Stay::stageName,
            StageHistoryController.Stay::decision)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("learning-and-preparing-for-growth", "Learning and preparing for growth", "advanced"),
            org.assertj.core.groups.Tuple.tuple("scaling", "Scaling", null));
    assertThat(stays.get(0).leftAt()).isEqualTo(Instant.parse("2026-03-02T09:00:00Z"));
    assertThat(stays.get(1).leftAt()).isNull();
  }

  @Test
  void theCommunitysTeamsAndThePortfolioGroupsMayRead() {
    identity.setAuthentication("alice", List.of("activators", "activators-" + KEY));
    assertThat(controller.stages(KEY)).hasSize(2);
    identity.setAuthentication("bob", List.of("liaisons-" + KEY));
    assertThat(controller.stages(KEY)).hasSize(2);
    identity.setAuthentication("dave", List.of("community-leads"));
    assertThat(controller.stages(KEY)).hasSize(2);
  }

  @Test
  void othersAreRefused() {
    identity.setAuthentication("erin", List.of("activators"));
    assertStatus(HttpStatus.FORBIDDEN, "You may not read the community 'common-voice-kenya'");

    identity.setAuthentication("carol", List.of("process-designers"));
    assertStatus(HttpStatus.FORBIDDEN, "You may not read the community 'common-voice-kenya'");
  }

  @Test
  void anonymousCallersAndUnknownCommunitiesAreRefused() {
    assertStatus(HttpStatus.UNAUTHORIZED, "Log in to read a community's stages");

    identity.setAuthentication("bob", List.of("cbt-liaisons"));
    assertThatThrownBy(() -> controller.stages("no-such-community"))
        .isInstanceOfSatisfying(ResponseStatusException.class, e -> {
          assertThat(e.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
          assertThat(e.getReason()).isEqualTo("There is no community 'no-such-community'");
        });
  }

  private void assertStatus(HttpStatus status, String reason) {
    assertThatThrownBy(() -> controller.stages(KEY)).isInstanceOfSatisfying(ResponseStatusException.class, e -> {
      assertThat(e.getStatusCode()).isEqualTo(status);
      assertThat(e.getReason()).isEqualTo(reason);
    });
  }
}
