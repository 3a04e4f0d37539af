package org.communitylifecycle.lifecycle;

import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
// getCurrentAuthentication() returns this engine type; the public API has no other.
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.communitylifecycle.community.CommunityDirectory;
import org.communitylifecycle.community.CommunityDirectory.Community;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /api/communities/{key}/stages}: a community's stays in the lifecycle stages, oldest
 * first. The caller is whoever the /api authentication filter authenticated with the engine; the
 * community's activator and liaison and the portfolio groups may read it.
 */
@RestController
class StageHistoryController {

  private final IdentityService identity;
  private final CommunityDirectory directory;
  private final StageHistory history;

  StageHistoryController(IdentityService identity, CommunityDirectory directory, StageHistory history) {
    this.identity = identity;
    this.directory = directory;
    this.history = history;
  }

  /** One stay, with the stage's name for display. */
  record Stay(String stage, String stageName, Instant enteredAt, Instant leftAt, String decision, String decidedBy,
      String reason, Instant decidedAt) {

    static Stay of(StageHistory.Entry entry) {
      String name = LifecycleStage.byKey(entry.stage()).map(LifecycleStage::displayName).orElse(entry.stage());
      return new Stay(entry.stage(), name, entry.enteredAt(), entry.leftAt(), entry.decision(), entry.decidedBy(),
          entry.reason(), entry.decidedAt());
    }
  }

  @GetMapping("/api/communities/{key}/stages")
  List<Stay> stages(@PathVariable String key) {
    Authentication caller = identity.getCurrentAuthentication();
    if (caller == null || caller.getUserId() == null) {
      throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "Log in to read a community's stages");
    }
    Community community = directory.find(key)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no community '" + key + "'"));
    List<String> groups = caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
    if (!directory.mayRead(caller.getUserId(), groups, community)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "You may not read the community '" + key + "'");
    }
    return history.list(key).stream().map(Stay::of).toList();
  }
}
