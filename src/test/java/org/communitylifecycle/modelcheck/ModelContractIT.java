package org.communitylifecycle.modelcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.communitylifecycle.testsupport.RestDeployment;
import org.communitylifecycle.testsupport.RunningApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The designer's contract, through the door Camunda Modeler uses: carol (process-designers)
 * deploys a model that would deploy but fail when it runs, and gets 400 naming the file and the
 * element, and nothing changes. Probes use their own key; the broken copies of shipped models keep
 * the shipped key because they are refused, which is what these tests assert.
 */
class ModelContractIT extends RunningApplication {

  static final String KEY = "model-contract-probe";

  static String validDeploymentId;

  @Autowired TestRestTemplate rest;
  @Autowired RepositoryService repository;

  /** The first version of the probe: it calls the deployed milestone and decision, found in the engine. */
  @BeforeAll
  static void deployTheValidVersion(@Autowired TestRestTemplate rest) {
    ResponseEntity<Map> deployed = deployAsCarol(rest, "probe.bpmn", probe("""
        <bpmn:businessRuleTask id="Task_Run" camunda:decisionRef="stage-exit-criteria" camunda:resultVariable="exit"
            camunda:mapDecisionResult="singleResult" />
        <bpmn:callActivity id="Call_Milestone" calledElement="milestone">%s</bpmn:callActivity>
        <bpmn:userTask id="Task_Review" camunda:candidateGroups="community-leads" camunda:assignee="${responsibleUser}" />
        <bpmn:boundaryEvent id="Timer_Stalled" attachedToRef="Task_Review">
          <bpmn:timerEventDefinition id="TimerDef_Stalled"><bpmn:timeDuration>P14D</bpmn:timeDuration></bpmn:timerEventDefinition>
        </bpmn:boundaryEvent>""".formatted(milestoneInputs(""))));
    assertThat(deployed.getStatusCode()).as("%s", deployed.getBody()).isEqualTo(HttpStatus.OK);
    validDeploymentId = (String) deployed.getBody().get("id");
  }

  @AfterAll
  static void removeTheProbe(@Autowired RepositoryService repository) {
    repository.deleteDeployment(validDeploymentId, true, true);
  }

  @Test
  void aStallTimerThatIsNoDurationIsRefused() throws IOException {
    String milestone = Files.readString(Path.of("processes/milestone.bpmn"))
        .replaceFirst("\\$\\{deliverStallPeriod}</bpmn:timeDuration>", "P14X</bpmn:timeDuration>");
    String before = latestProcess("milestone");

    assertRefused(deployAsCarol(rest, "milestone.bpmn", milestone), "milestone.bpmn", "TimerEventDefinition_DeliveryStalled",
        "'P14X' is no timer the engine can schedule; expected an ISO-8601 duration");
    assertThat(latestProcess("milestone")).isEqualTo(before);
  }

  @Test
  void aMissingFormIsRefused() {
    assertProbeRefused(probe("<bpmn:userTask id=\"Task_Run\" camunda:formRef=\"no-such-form\""
        + " camunda:candidateGroups=\"community-leads\" />"), "Task_Run", "the form 'no-such-form' is neither");
  }

  @Test
  void aFormBoundToTheDeploymentMustComeWithIt() {
    assertProbeRefused(probe("<bpmn:userTask id=\"Task_Run\" camunda:formRef=\"milestone-deliver\""
        + " camunda:formRefBinding=\"deployment\" camunda:candidateGroups=\"community-leads\" />"),
        "Task_Run", "the form 'milestone-deliver' is not in this deployment");
  }

  @Test
  void aMissingCalledProcessIsRefused() {
    assertProbeRefused(probe("<bpmn:callActivity id=\"Task_Run\" calledElement=\"no-such-process\" />"),
        "Task_Run", "the process 'no-such-process' is neither");
  }

  @Test
  void aMissingDecisionIsRefused() {
    assertProbeRefused(probe("<bpmn:businessRuleTask id=\"Task_Run\" camunda:decisionRef=\"no-such-decision\""
        + " camunda:resultVariable=\"r\" />"), "Task_Run", "the decision 'no-such-decision' is neither");
  }

  @Test
  void aBrokenFeelEntryIsRefused() throws IOException {
    String dmn = Files.readString(Path.of("processes/stage-exit-criteria.dmn"))
        .replaceFirst("<text>\"pre-work\"</text>", "<text>\"pre-work\" ]]</text>");
    String before = latestDecision("stage-exit-criteria");

    assertRefused(deployAsCarol(rest, "stage-exit-criteria.dmn", dmn), "stage-exit-criteria.dmn",
        "Rule_PreWorkMet_Stage", "is not valid FEEL");
    assertThat(latestDecision("stage-exit-criteria")).isEqualTo(before);
  }

  @Test
  void aTruncatedFileIsRefusedWithLineAndColumn() {
    String bpmn = probe("<bpmn:userTask id=\"Task_Run\" camunda:candidateGroups=\"community-leads\" />");
    String before = latestProcess(KEY);

    ResponseEntity<Map> response = deployAsCarol(rest, "probe.bpmn", bpmn.substring(0, bpmn.length() / 2));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) response.getBody().get("message")).contains("probe.bpmn", "not well-formed XML")
        .containsPattern("\\(line \\d+, column \\d+\\)");
    assertThat(response.getBody().get("details")).asString().contains("column=");
    assertThat(latestProcess(KEY)).isEqualTo(before);
  }

  @Test
  void aBrokenFormIsRefusedWithLineAndColumn() {
    ResponseEntity<Map> response = deployAsCarol(rest, "probe.form", "{\n  \"id\": \"model-contract-probe\",\n  \"components\": [\n");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) response.getBody().get("message")).contains("probe.form", "is not valid JSON")
        .containsPattern("\\(line \\d+, column \\d+\\)");
  }

  @Test
  void aFixedAssigneeIsRefused() {
    assertProbeRefused(probe("<bpmn:userTask id=\"Task_Run\" camunda:assignee=\"alice\" />"),
        "Task_Run", "'alice' names a person");
  }

  @Test
  void aMilestoneCallWithoutTheSupportRoleIsRefused() {
    assertProbeRefused(probe("<bpmn:callActivity id=\"Task_Run\" calledElement=\"milestone\">"
        + milestoneInputs("support") + "</bpmn:callActivity>"), "Task_Run", "does not pass supportGroup, supportUser");
  }

  @Test
  void aProcessWithoutHistoryTimeToLiveIsRefused() {
    assertProbeRefused(probe("<bpmn:userTask id=\"Task_Run\" camunda:candidateGroups=\"community-leads\" />")
        .replace(" camunda:historyTimeToLive=\"P1D\"", ""), KEY, "camunda:historyTimeToLive");
  }

  @Test
  void theValidProbeStaysTheFirstVersion() {
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(KEY).count()).isEqualTo(1);
  }

  private void assertProbeRefused(String bpmn, String elementId, String reason) {
    String before = latestProcess(KEY);
    assertRefused(deployAsCarol(rest, "probe.bpmn", bpmn), "probe.bpmn", elementId, reason);
    assertThat(latestProcess(KEY)).isEqualTo(before);
  }

  private static void assertRefused(ResponseEntity<Map> response, String file, String elementId, String reason) {
    assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) response.getBody().get("message"))
        .contains(file + ": Element '" + elementId + "'").contains(reason);
    assertThat(response.getBody().get("details")).as("the violations by file, for Camunda Modeler")
        .asString().contains(file, elementId);
  }

  private String latestProcess(String key) {
    return repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult().getId();
  }

  private String latestDecision(String key) {
    return repository.createDecisionDefinitionQuery().decisionDefinitionKey(key).latestVersion().singleResult().getId();
  }

  /** The milestone's inputs as camunda:in, but those whose target starts with {@code without} (empty: all). */
  static String milestoneInputs(String without) {
    StringBuilder ins = new StringBuilder("<bpmn:extensionElements>");
    for (String input : MilestoneCallsPassInputs.REQUIRED) {
      if (without.isEmpty() || !input.startsWith(without)) {
        ins.append("<camunda:in source=\"").append(input).append("\" target=\"").append(input).append("\" />");
      }
    }
    return ins.append("</bpmn:extensionElements>").toString();
  }

  /** The probe process of this test, with the elements. */
  static String probe(String elements) {
    return TestModels.probe(KEY, elements);
  }

  static ResponseEntity<Map> deployAsCarol(TestRestTemplate rest, String fileName, String content) {
    return RestDeployment.create(rest, "carol", "model-contract-it", fileName, content, Map.class);
  }
}
