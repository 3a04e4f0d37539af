package org.communitylifecycle.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.communitylifecycle.identity.Groups;
import org.communitylifecycle.testsupport.RunningApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Who may scrape the meters, what they show, and what /actuator/info tells. */
class MonitoringIT extends RunningApplication {

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identity;

  @Test
  void anAdministratorScrapesTheEngineMeters() {
    ResponseEntity<String> scrape = rest.withBasicAuth("admin", "demo").getForEntity("/actuator/prometheus", String.class);

    assertThat(scrape.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(scrape.getBody()).contains(
        "cl_incidents_open", "cl_jobs_executable", "cl_jobs_failed", "cl_tasks_open", "cl_mail_outbox_pending",
        "cl_process_instances_running{application=\"community-lifecycle\",process=\"community-lifecycle\"}",
        "cl_tasks_opened_total", "cl_tasks_completed_total",
        "cl_process_instances_started_total", "cl_process_instances_ended_total");
  }

  @Test
  void theMonitoringGroupScrapesToo() {
    String id = "monitoring-probe";
    if (identity.createUserQuery().userId(id).count() == 0) {
      User user = identity.newUser(id);
      user.setPassword("scrape-probe-password");
      identity.saveUser(user);
    }
    if (identity.createGroupQuery().groupId(Groups.MONITORING).count() == 0) {
      identity.saveGroup(identity.newGroup(Groups.MONITORING));
    }
    identity.createMembership(id, Groups.MONITORING);
    try {
      assertThat(rest.withBasicAuth(id, "scrape-probe-password").getForEntity("/actuator/prometheus", String.class)
          .getStatusCode()).isEqualTo(HttpStatus.OK);
    } finally {
      identity.deleteUser(id);
      identity.deleteGroup(Groups.MONITORING);
    }
  }

  @Test
  void anonymousCallersAreAskedToLogInAndOtherUsersRefused() {
    ResponseEntity<String> anonymous = rest.getForEntity("/actuator/prometheus", String.class);
    ResponseEntity<String> alice = rest.withBasicAuth("alice", "demo").getForEntity("/actuator/prometheus", String.class);
    ResponseEntity<String> root = rest.getForEntity("/actuator", String.class);

    assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(anonymous.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
    assertThat(alice.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(alice.getBody()).doesNotContain("cl_");
    assertThat(root.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void probesStayPublic() {
    for (String path : new String[] {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness",
        "/actuator/info"}) {
      assertThat(rest.getForEntity(path, String.class).getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void infoShowsTheBuildAndTheDeployedModelVersions() {
    Map<String, Object> info = rest.getForObject("/actuator/info", Map.class);

    assertThat((Map<String, Object>) info.get("build")).containsEntry("artifact", "community-lifecycle").containsKey("version");
    Map<String, Map<String, Object>> models = (Map<String, Map<String, Object>>) info.get("models");
    assertThat(models.get("processes")).containsKeys("community-lifecycle", "milestone")
        .allSatisfy((key, version) -> assertThat((Integer) version).isPositive());
    assertThat(models.get("decisions")).containsKeys("stage-exit-criteria");
  }
}
