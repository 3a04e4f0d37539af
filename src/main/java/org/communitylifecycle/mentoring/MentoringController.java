package org.communitylifecycle.mentoring;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.communitylifecycle.identity.Groups;
import org.communitylifecycle.mentoring.MentoringRecords.CohortDetail;
import org.communitylifecycle.mentoring.MentoringRecords.CohortSummary;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The cohort reports over HTTP: every cohort with its graduation rate against the baseline, and
 * one cohort with its mentees and standups. For mentors, CBT liaisons, community leads and
 * administrators; the caller is the user the /api authentication put on the engine's identity service.
 */
@RestController
@RequestMapping("/api/mentoring/cohorts")
class MentoringController {

  static final List<String> READERS =
      List.of(Groups.MENTORS, Groups.CBT_LIAISONS, Groups.COMMUNITY_LEADS, Groups.CAMUNDA_ADMIN);

  private final MentoringRecords records;
  private final IdentityService identity;

  MentoringController(MentoringRecords records, IdentityService identity) {
    this.records = records;
    this.identity = identity;
  }

  @GetMapping
  List<CohortSummary> cohorts() {
    requireReader();
    return records.cohorts();
  }

  @GetMapping("/{key}")
  CohortDetail cohort(@PathVariable String key) {
    requireReader();
    return records.cohort(key)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No mentoring cohort has the key '" + key + "'"));
  }

  private void requireReader() {
    Authentication caller = identity.getCurrentAuthentication();
    if (caller == null || caller.getUserId() == null) {
      throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "Log in with HTTP Basic as a user of the application");
    }
    List<String> groups = caller.getGroupIds();
    if (groups == null || groups.isEmpty()) {
      // Read as the application: the caller may not be allowed to list groups, not even their own.
      identity.clearAuthentication();
      try {
        groups = identity.createGroupQuery().groupMember(caller.getUserId()).list().stream().map(Group::getId).toList();
      } finally {
        identity.setAuthentication(caller);
      }
    }
    if (groups.stream().noneMatch(READERS::contains)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN,
          "Cohort reports are for mentors, CBT liaisons, community leads and administrators");
    }
  }

  @ExceptionHandler(ResponseStatusException.class)
  ResponseEntity<ProblemDetail> problem(ResponseStatusException e) {
    ResponseEntity.BodyBuilder response =
        ResponseEntity.status(e.getStatusCode()).contentType(MediaType.APPLICATION_PROBLEM_JSON);
    if (e.getStatusCode().value() == HttpStatus.UNAUTHORIZED.value()) {
      response.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"community-lifecycle\"");
    }
    return response.body(e.getBody());
  }
}
