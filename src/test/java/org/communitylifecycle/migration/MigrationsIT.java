package org.communitylifecycle.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.Deployment;
import org.communitylifecycle.testsupport.RunningApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * /api/migrations over HTTP with the engine's authorizations as the app seeds them: carol
 * (process-designers) plans, starts and reads; bob (cbt-liaisons) and alice (activators) are refused
 * with 403 and see only the version counts; bad requests are 4xx that say what to fix. A process of
 * its own (a timer that waits), so the demo's instances stay where they are.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MigrationsIT extends RunningApplication {

  static final String KEY = "migration-it-waiting";

  @Autowired TestRestTemplate rest;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired ProcessEngine engine;

  Deployment v1;
  Deployment v2;

  @BeforeAll
  void twoVersions() {
    v1 = repository.createDeployment().name("migration-it").addString(KEY + ".bpmn", model("Waiting")).deploy();
    for (int i = 0; i < 3; i++) {
      runtime.startProcessInstanceByKey(KEY, "migration-it-" + i);
    }
    v2 = repository.createDeployment().name("migration-it").addString(KEY + ".bpmn", model("Waiting, version 2")).deploy();
  }

  @AfterAll
  void undeploy() {
    repository.deleteDeployment(v1.getId(), true);
    repository.deleteDeployment(v2.getId(), true);
  }

  @Test
  void carolPlansStartsAndReadsTheReport() {
    ResponseEntity<Map> plan = as("carol").getForEntity("/api/migrations/plan?processKey=" + KEY, Map.class);
    assertThat(plan.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(plan.getBody().get("processes").toString()).contains("targetVersion=2").contains("moves=true");

    ResponseEntity<Map> started = as("carol").postForEntity("/api/migrations", json("{\"processKey\": \"" + KEY + "\"}"), Map.class);
    assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    String id = (String) started.getBody().get("id");
    assertThat(started.getHeaders().getLocation()).hasToString("/api/migrations/" + id);
    assertThat(started.getBody()).containsEntry("pending", 3).containsEntry("requestedBy", "carol");
    assertThat(new Versions(engine).runBatches()).as("failed batch jobs").isEmpty();

    ResponseEntity<Map> report = as("carol").getForEntity("/api/migrations/" + id, Map.class);
    assertThat(report.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(report.getBody()).containsEntry("moved", 3).containsEntry("finished", true);
    assertThat(as("carol").getForEntity("/api/migrations", String.class).getBody()).contains(id);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(KEY).list())
        .allSatisfy(i -> assertThat(i.getProcessDefinitionId()).isEqualTo(latestId()));

    ResponseEntity<List> versions = as("bob").getForEntity("/api/migrations/versions", List.class);
    assertThat(versions.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(versions.getBody().toString()).contains("processKey=" + KEY + ", processName=Waiting, version 2, latestVersion=2,"
        + " versions=[{version=2, running=3, paused=0}], onOlderVersions=0, mayMigrate=false");
  }

  @Test
  void liaisonsAndActivatorsMayNotMigrate() {
    for (String user : List.of("bob", "alice")) {
      ResponseEntity<String> plan = as(user).getForEntity("/api/migrations/plan?processKey=" + KEY, String.class);
      assertThat(plan.getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(plan.getBody()).contains(user + " may not migrate instances of '" + KEY + "'");
      assertThat(as(user).postForEntity("/api/migrations", json("{\"processKey\": \"milestone\"}"), String.class)
          .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(as(user).getForEntity("/api/migrations", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }
    assertThat(rest.getForEntity("/api/migrations/versions", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void badRequestsSayWhatToFix() {
    ResponseEntity<String> unknownKey = as("carol").getForEntity("/api/migrations/plan?processKey=no-such-process", String.class);
    assertThat(unknownKey.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(unknownKey.getBody()).contains("There is no process with the key 'no-such-process'");

    ResponseEntity<String> noKey = as("carol").postForEntity("/api/migrations", json("{}"), String.class);
    assertThat(noKey.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(noKey.getBody()).contains("Name a process key, or last-deployment");

    assertThat(as("carol").postForEntity("/api/migrations", json("{\"processKey\": "), String.class).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    ResponseEntity<String> unknown = as("carol").getForEntity("/api/migrations/no-such-id", String.class);
    assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(unknown.getBody()).contains("There is no migration 'no-such-id'");
    assertThat(as("carol").getForEntity("/api/migrations?limit=0", String.class).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
  }

  private TestRestTemplate as(String user) {
    return rest.withBasicAuth(user, "demo");
  }

  private static HttpEntity<String> json(String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }

  private String latestId() {
    return repository.createProcessDefinitionQuery().processDefinitionKey(KEY).latestVersion().singleResult().getId();
  }


  private static String model(String name) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="Definitions_MigrationIt" targetNamespace="https://communitylifecycle.org/test">
          <bpmn:process id="%s" name="%s" isExecutable="true" camunda:historyTimeToLive="P1D">
            <bpmn:startEvent id="Start" name="Started" />
            <bpmn:sequenceFlow id="ToWait" sourceRef="Start" targetRef="Wait" />
            <bpmn:intermediateCatchEvent id="Wait" name="A month later">
              <bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">P30D</bpmn:timeDuration></bpmn:timerEventDefinition>
            </bpmn:intermediateCatchEvent>
            <bpmn:sequenceFlow id="ToEnd" sourceRef="Wait" targetRef="End" />
            <bpmn:endEvent id="End" name="Done" />
          </bpmn:process>
        </bpmn:definitions>""".formatted(KEY, name);
  }
}
