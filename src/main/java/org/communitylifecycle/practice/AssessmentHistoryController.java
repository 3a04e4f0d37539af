package org.communitylifecycle.practice;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.communitylifecycle.identity.ApiCaller;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /api/communities-of-practice/{key}/assessments}: a community of practice's area
 * scores over time and its step history. The caller is the user the {@code /api/*}
 * authentication put on the engine's identity service; its liaison and the reader groups of
 * {@link AssessmentRecords.PracticeCommunity#mayBeReadBy} may read it.
 */
@RestController
class AssessmentHistoryController {

  /** The answer: the catalogue of areas, so the scores can be labelled, and the stored history. */
  record AssessmentHistory(
      String communityKey,
      String communityName,
      String liaison,
      String assessmentInterval,
      List<AreaLabel> areas,
      List<AssessmentRecords.StoredAssessment> assessments,
      List<AssessmentRecords.StepReached> stepHistory) {}

  /** One area: its score variable, step and name. */
  record AreaLabel(String score, int stepNumber, String step, String area) {}

  private static final List<AreaLabel> AREAS =
      MaturityModel.AREAS.stream()
          .map(a -> new AreaLabel(a.scoreVariable(), a.step().number(), a.step().label(), a.letter() + ") " + a.name()))
          .toList();

  private final IdentityService identity;
  private final AssessmentRecords records;

  AssessmentHistoryController(IdentityService identity, AssessmentRecords records) {
    this.identity = identity;
    this.records = records;
  }

  /** The same answer whether or not the community exists: only its readers learn which. */
  private static ResponseStatusException forbidden(String key) {
    return new ResponseStatusException(HttpStatus.FORBIDDEN, "You may not read the assessments of '" + key
        + "': they are for its liaison, its activators and liaisons, CBT liaisons, community leads and administrators");
  }

  @GetMapping("/api/communities-of-practice/{key}/assessments")
  ResponseEntity<AssessmentHistory> assessments(@PathVariable String key, ApiCaller caller) {
    Optional<AssessmentRecords.PracticeCommunity> community = records.find(key);
    if (community.isEmpty()) {
      // Only those who may read every community of practice learn whether this one exists.
      throw AssessmentRecords.readsEveryCommunity(caller.groupIds())
          ? new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no community of practice '" + key + "'")
          : forbidden(key);
    }
    if (!community.get().mayBeReadBy(caller.userId(), caller.groupIds())) {
      throw forbidden(key);
    }
    AssessmentRecords.History history = records.history(community.get());
    AssessmentRecords.PracticeCommunity c = history.community();
    return ResponseEntity.ok(
        new AssessmentHistory(
            c.key(), c.name(), c.liaison(), c.assessmentInterval(), AREAS, history.assessments(), history.stepHistory()));
  }
}
