package org.communitylifecycle.opsjam;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.communitylifecycle.engine.InvalidInputException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The ops jams' roadmaps over HTTP: as JSON, Markdown and CSV, their themes by tag, and requests
 * from the wider community. Every signed-in user may read a roadmap and add a request: the jam
 * invites the whole community. Who is signed in comes from the engine's identity service, which
 * the /api authentication filter fills in.
 */
@RestController
@RequestMapping("/api/ops-jams")
class OpsJamApi {

  static final MediaType MARKDOWN = new MediaType("text", "markdown", StandardCharsets.UTF_8);
  static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

  /** The body of a request from the community: tags as a list or as comma-separated text. */
  record NewRequest(String title, Object tags, String description) {}

  private final OpsJams jams;
  private final RoadmapItems items;
  private final OpsRequests requests;
  private final IdentityService identity;

  OpsJamApi(OpsJams jams, RoadmapItems items, OpsRequests requests, IdentityService identity) {
    this.jams = jams;
    this.items = items;
    this.requests = requests;
    this.identity = identity;
  }

  @GetMapping(path = "/{key}/roadmap", produces = MediaType.APPLICATION_JSON_VALUE)
  Roadmap roadmap(@PathVariable String key) {
    return load(key);
  }

  @GetMapping(path = "/{key}/roadmap.md")
  ResponseEntity<String> markdown(@PathVariable String key) {
    return ResponseEntity.ok().contentType(MARKDOWN).body(RoadmapExport.markdown(load(key)));
  }

  @GetMapping(path = "/{key}/roadmap.csv")
  ResponseEntity<String> csv(@PathVariable String key) {
    Roadmap roadmap = load(key);
    return ResponseEntity.ok()
        .contentType(CSV)
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(key + "-roadmap.csv").build().toString())
        .body(RoadmapExport.csv(roadmap));
  }

  @GetMapping(path = "/{key}/themes", produces = MediaType.APPLICATION_JSON_VALUE)
  List<Theme> themes(@PathVariable String key) {
    return load(key).themes();
  }

  @PostMapping(path = "/{key}/requests", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<RoadmapItems.Item> request(@PathVariable String key, @RequestBody NewRequest body) {
    String user = signedIn();
    if (!tagsAreText(body.tags())) {
      throw new InvalidInputException("tags must be text (\"docs, design\") or a list of texts ([\"docs\", \"design\"])");
    }
    RoadmapItems.Item item = requests.add(key, user, body.title(), body.tags(), body.description());
    return ResponseEntity.status(HttpStatus.CREATED).body(item);
  }

  @ExceptionHandler(NotSignedIn.class)
  ResponseEntity<Map<String, String>> notSignedIn(NotSignedIn e) {
    return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
        .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"community-lifecycle\"")
        .body(Map.of("message", e.getMessage()));
  }

  @ExceptionHandler(OpsRequests.NoSuchJam.class)
  ResponseEntity<Map<String, String>> noSuchJam(OpsRequests.NoSuchJam e) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("message", e.getMessage()));
  }

  @ExceptionHandler(OpsRequests.NotTakingRequests.class)
  ResponseEntity<Map<String, String>> notTakingRequests(OpsRequests.NotTakingRequests e) {
    return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("message", e.getMessage()));
  }

  @ExceptionHandler(InvalidInputException.class)
  ResponseEntity<Map<String, String>> invalid(InvalidInputException e) {
    return ResponseEntity.badRequest().body(Map.of("message", e.getMessage()));
  }

  private static boolean tagsAreText(Object tags) {
    return tags == null || tags instanceof String || tags instanceof List<?> list && list.stream().allMatch(String.class::isInstance);
  }

  private Roadmap load(String key) {
    signedIn();
    OpsJams.OpsJam jam = jams.find(key)
        .orElseThrow(() -> new OpsRequests.NoSuchJam("There is no ops jam with the key '" + key + "'"));
    return Roadmap.of(jam, items.list(key), jams.followUps(key), jams.checkIns(key));
  }

  private String signedIn() {
    String user = Inputs.currentUser(identity);
    if (user == null) {
      throw new NotSignedIn();
    }
    return user;
  }

  /** No user is signed in: the /api filter let the call through without credentials. */
  static class NotSignedIn extends RuntimeException {
    NotSignedIn() {
      super("Sign in with HTTP Basic to use the ops jam API");
    }
  }
}
