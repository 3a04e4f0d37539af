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

  @GetMapping("/api/communities-of-practice/{key}/assessments")
  ResponseEntity<AssessmentHistory> assessments(@PathVariable String key, ApiCaller caller) {
    Optional<AssessmentRecords.PracticeCommunity> community = records.find(key);
    if (community.isEmpty()) {
      // Only those who may read every community of practice learn whether this one exists.
      return AssessmentRecords.readsEveryCommunity(caller.groupIds())
          ? ResponseEntity.notFound().build()
          : ResponseEntity.status(HttpStatus.FORBIDDEN).build();
    }
    if (!community.get().mayBeReadBy(caller.userId(), caller.groupIds())) {
      return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
    }
    AssessmentRecords.History history = records.history(community.get());
    AssessmentRecords.PracticeCommunity c = history.community();
    return ResponseEntity.ok(
        new AssessmentHistory(
            c.key(), c.name(), c.liaison(), c.assessmentInterval(), AREAS, history.assessments(), history.stepHistory()));
  }
}
