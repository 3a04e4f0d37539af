package org.communitylifecycle.lifecycle;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.communitylifecycle.engine.InvalidInputException;
import org.communitylifecycle.testsupport.AppTables;
import org.communitylifecycle.testsupport.FakeContributorFigures;
import org.communitylifecycle.testsupport.StageDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.communitylifecycle.milestone.MilestoneContract;

/** Every path through processes/change-community-status.bpmn: the liaisons' Tasklist way to pause, resume and close. */
@Deployment(resources = {
    "processes/change-community-status.bpmn", "processes/community-lifecycle.bpmn", "processes/sustaining.bpmn",
    "processes/milestone.bpmn", "processes/stage-exit-criteria.dmn"})
class ChangeCommunityStatusTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = StageDriver.coverage(LifecycleContract.PROCESS_KEY, "sustaining", MilestoneContract.PROCESS_KEY);

  static final String CHANGE = ChangeCommunityStatusContract.PROCESS_KEY;
  static final String KEY = "mdn-localization";

  ProcessEngine processEngine;
  ProcessInstance lifecycle;

  @BeforeEach
  void setUp() {
    StageDriver.ready(processEngine, new FakeContributorFigures(), Instant.parse("2026-03-02T09:00:00Z"));
  }

  @AfterEach
  void tearDown() {
    StageDriver.reset(processEngine);
  }

  @Test
  void liaisonPausesAndResumesACommunityFromTasklist() {
    startLifecycle();
    ProcessInstance pause = request("bob", "cbt-liaisons", KEY, "pause", "Localizers on summer break");

    assertThat(pause).hasPassed("ServiceTask_SendStatusChange", "EndEvent_StatusChanged").isEnded();
    Assertions.assertThat(pause.getBusinessKey()).as("the request is filed under the community").isEqualTo(KEY);
    assertThat(lifecycle).isWaitingAt("Event_CommunityResumed").variables()
        .containsEntry("communityStatus", "paused").containsEntry("pausedBy", "bob")
        .containsEntry("pauseReason", "Localizers on summer break");
    Assertions.assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey("sustaining").suspended().count())
        .isEqualTo(1);

    request("bob", "cbt-liaisons", KEY, "resume", null);

    assertThat(lifecycle).hasPassed("EndEvent_StageResumed").variables().containsEntry("communityStatus", "active");
    Assertions.assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey("sustaining").active().count())
        .isEqualTo(1);
  }

  @Test
  void anotherLiaisonClosesTheCommunityWithAReason() {
    startLifecycle();
    request("frank", "cbt-liaisons", KEY, "close", "MDN localization moved to the translation platform");

    assertThat(lifecycle).hasPassed("EndEvent_LifecycleClosed").isEnded()
        .variables().containsEntry("closedBy", "frank");
    Assertions.assertThat(new StageHistory(AppTables.jdbc(processEngine)).list(KEY)).singleElement().satisfies(stay -> {
      Assertions.assertThat(stay.decision()).isEqualTo("closed");
      Assertions.assertThat(stay.reason()).isEqualTo("MDN localization moved to the translation platform");
    });
  }

  @Test
  void badRequestsAreRefusedAndNothingChanges() {
    startLifecycle();
    assertRefused("bob", "cbt-liaisons", KEY, "close", " ", "Give a reason for closing the community (statusChangeReason)");
    assertRefused("bob", "cbt-liaisons", KEY, "archive", null, "Choose pause, resume or close (statusChange), got 'archive'");
    assertRefused("bob", "cbt-liaisons", null, "pause", null,
        "Name the community by its key (communityKey), for example sumo-community");
    assertRefused("bob", "cbt-liaisons", "no-such-community", "pause", null, "There is no community with the key 'no-such-community'");
    assertRefused("bob", "cbt-liaisons", KEY, "resume", null, "The community 'mdn-localization' is not paused");
    assertRefused("erin", "activators", KEY, "pause", null,
        "Only the community's liaison, CBT liaisons and administrators may pause, resume or close 'mdn-localization'");
    assertRefused(null, null, KEY, "pause", null, "Log in to pause, resume or close a community");

    assertThat(lifecycle).isWaitingAt("CallActivity_Sustaining").variables().containsEntry("communityStatus", "active");
    Assertions.assertThat(historyService().createHistoricProcessInstanceQuery().processDefinitionKey(CHANGE).count()).isZero();
  }

  @Test
  void pausingTwiceIsRefusedByTheLifecycle() {
    startLifecycle();
    request("bob", "cbt-liaisons", KEY, "pause", null);

    assertRefused("bob", "cbt-liaisons", KEY, "pause", null, "The community 'mdn-localization' is already paused");
    Assertions.assertThat(historyService().createHistoricProcessInstanceQuery().processDefinitionKey(CHANGE).count()).isEqualTo(1);
  }

  @Test
  void aClosedCommunityHasNoLifecycleToChange() {
    startLifecycle();
    request("bob", "cbt-liaisons", KEY, "close", "Done");

    assertRefused("bob", "cbt-liaisons", KEY, "pause", null,
        "The community 'mdn-localization' has no running lifecycle: it is closed, or was never started");
  }

  // --- helpers ---

  private void startLifecycle() {
    lifecycle = runtimeService().startProcessInstanceByKey(LifecycleContract.PROCESS_KEY, Map.of(
        "communityName", "MDN Localization", "activator", "alice", "liaison", "bob", "entryStage", "sustaining"));
  }

  private ProcessInstance request(String user, String group, String community, String change, String reason) {
    Map<String, Object> form = new HashMap<>();
    form.put("communityKey", community);
    form.put("statusChange", change);
    form.put("statusChangeReason", reason);
    if (user != null) {
      processEngine.getIdentityService().setAuthentication(user, List.of(group));
    }
    try {
      return runtimeService().startProcessInstanceByKey(CHANGE, form);
    } finally {
      processEngine.getIdentityService().clearAuthentication();
    }
  }

  private void assertRefused(String user, String group, String community, String change, String reason, String message) {
    assertThatThrownBy(() -> request(user, group, community, change, reason))
        .isInstanceOf(InvalidInputException.class).hasMessage(message);
  }
}
