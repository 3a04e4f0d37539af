package org.communitylifecycle.opsjam;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.communitylifecycle.testsupport.TestProcessEngineConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every path through processes/add-ops-request.bpmn: how the wider community adds requests to a jam. */
@Deployment(resources = "processes/add-ops-request.bpmn")
class AddOpsRequestTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine =
      ProcessEngineCoverageExtension.builder(TestProcessEngineConfiguration.RESOURCE).assertClassCoverageAtLeast(1.0).build();

  static final String KEY = "sourcecred-ecosystems";

  ProcessEngine processEngine;
  OpsJams jams;
  RoadmapItems items;

  @BeforeEach
  void setUp() {
    init(processEngine);
    OpsJamFixtures.clean();
    OpsJamFixtures.registerBeans();
    OpsJamFixtures.ensureUsers(processEngine.getIdentityService());
    jams = OpsJamFixtures.jams();
    items = OpsJamFixtures.items();
    jams.create(KEY, "SourceCred Ecosystems", "paula", "bruno", null);
  }

  @AfterEach
  void tearDown() {
    Mocks.reset();
    processEngine.getIdentityService().clearAuthentication();
  }

  @Test
  void requestJoinsTheBacklogOfAScheduledJam() {
    jams.schedule(KEY, LocalDate.parse("2026-03-10"));

    ProcessInstance request = request("alice", KEY, "Design support for an Ecosystem Map", "Ecosystem map, Design",
        "A map of the instances");

    assertThat(request).hasPassed("ServiceTask_RecordOpsRequest", "EndEvent_OpsRequestRecorded").isEnded()
        .variables().containsEntry("requestKey", "OPS-1").containsEntry("requestedBy", "alice");
    org.assertj.core.api.Assertions.assertThat(historyService().createHistoricProcessInstanceQuery()
        .processInstanceId(request.getId()).singleResult().getBusinessKey()).as("the jam's key").isEqualTo(KEY);
    org.assertj.core.api.Assertions.assertThat(items.find(KEY, "OPS-1")).get()
        .extracting(RoadmapItems.Item::kind, RoadmapItems.Item::title, RoadmapItems.Item::requestedBy,
            RoadmapItems.Item::tags, RoadmapItems.Item::status, RoadmapItems.Item::owner)
        .containsExactly("request", "Design support for an Ecosystem Map", "alice", List.of("design", "ecosystem-map"),
            "requested", null);

    jams.setPhase(KEY, OpsJams.COLLECTING);
    assertThat(request("dave", KEY, "Docs support for instance onboarding", null, null)).isEnded()
        .variables().containsEntry("requestKey", "OPS-2");
  }

  @Test
  void requestIsRefusedUnlessTheJamTakesRequests() {
    assertThatThrownBy(() -> request("alice", "no-such-jam", "Anything", null, null))
        .hasMessage("There is no ops jam with the key 'no-such-jam'");
    assertThatThrownBy(() -> request("alice", null, "Anything", null, null))
        .hasMessage("Name the ops jam by its key (jamKey), for example sourcecred-ecosystems");
    assertThatThrownBy(() -> request("alice", KEY, "Anything", null, null))
        .hasMessage("The ops jam 'sourcecred-ecosystems' takes requests from when it is scheduled until its backlog "
            + "is combed; it is preparing now. Bring your request to a follow-up meeting or a check-in.");
    jams.setPhase(KEY, OpsJams.COMBING);
    assertThatThrownBy(() -> request("alice", KEY, "Anything", null, null))
        .hasMessageContaining("it is combing now");

    jams.setPhase(KEY, OpsJams.COLLECTING);
    assertThatThrownBy(() -> request("alice", KEY, " ", "x".repeat(50), "y".repeat(4001)))
        .hasMessage("The request cannot be added: Your request has no title; "
            + "Your request: the tag '" + "x".repeat(50) + "' is longer than 40 characters; "
            + "Your request: the description has more than 4000 characters");
    assertThatThrownBy(() -> request(null, KEY, "Anonymous wish", null, null))
        .hasMessage("Sign in to add an ops request: requests are kept with who made them");

    org.assertj.core.api.Assertions.assertThat(items.list(KEY)).isEmpty();
    org.assertj.core.api.Assertions.assertThat(historyService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(OpsRequestContract.PROCESS_KEY).count()).isZero();
  }

  private ProcessInstance request(String user, String jamKey, String title, String tags, String description) {
    Map<String, Object> form = new HashMap<>();
    form.put("jamKey", jamKey);
    form.put("requestTitle", title);
    form.put("requestTags", tags);
    form.put("requestDescription", description);
    if (user != null) {
      processEngine.getIdentityService().setAuthenticatedUserId(user);
    }
    try {
      return runtimeService().startProcessInstanceByKey(OpsRequestContract.PROCESS_KEY, form);
    } finally {
      processEngine.getIdentityService().clearAuthentication();
    }
  }
}
