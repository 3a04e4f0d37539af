package org.communitylifecycle.mentoring;

import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
// The engine hands out the current authentication only as this impl type; there is no public one.
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.communitylifecycle.community.CommunityDirectory;
import org.communitylifecycle.identity.Groups;
import org.communitylifecycle.identity.Teams;
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
 * one cohort with its mentees and standups. A mentor reads the cohorts whose team of mentors they
 * are in ({@link Teams.Kind#MENTORS}); CBT liaisons, community leads and administrators read every
 * cohort. The caller is the user the /api authentication put on the engine's identity service.
 */
@RestController
@RequestMapping("/api/mentoring/cohorts")
class MentoringController {

  /** Who may ask for reports at all; a mentor then sees their own cohorts only. */
  static final List<String> READERS =
      Stream.concat(Stream.of(Groups.MENTORS), CommunityDirectory.PORTFOLIO_GROUPS.stream()).toList();

  private final MentoringRecords records;
  private final IdentityService identity;

  MentoringController(MentoringRecords records, IdentityService identity) {
    this.records = records;
    this.identity = identity;
  }

  @GetMapping
  List<CohortSummary> cohorts() {
    List<String> groups = readerGroups();
    return records.cohorts().stream().filter(cohort -> mayRead(groups, cohort.key())).toList();
  }

  @GetMapping("/{key}")
  CohortDetail cohort(@PathVariable String key) {
    if (!mayRead(readerGroups(), key)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "The report of cohort '" + key + "' is for its mentors (the group "
          + Teams.Kind.MENTORS.groupId(key) + ") and the groups " + String.join(", ", CommunityDirectory.PORTFOLIO_GROUPS));
    }
    return records.cohort(key)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No mentoring cohort has the key '" + key + "'"));
  }

  /** A cohort's report is for its team of mentors and the portfolio groups. */
  private static boolean mayRead(List<String> groups, String key) {
    return groups.stream().anyMatch(CommunityDirectory.PORTFOLIO_GROUPS::contains)
        || groups.contains(Teams.Kind.MENTORS.groupId(key));
  }

  /** The caller's groups, team groups included; refuses callers who are neither mentors nor portfolio readers. */
  private List<String> readerGroups() {
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
    return groups;
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
