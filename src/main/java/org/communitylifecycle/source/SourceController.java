package org.communitylifecycle.source;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.communitylifecycle.identity.ApiCaller;
import org.communitylifecycle.source.SourceViews.Kind;
import org.communitylifecycle.source.SourceViews.Source;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A community's sources over HTTP (docs/sources.md), for the same people who may read its
 * contributors. Tokens go in, never out: a source shows only {@code hasToken}.
 */
@RestController
@RequestMapping("/api")
class SourceController {

  /** A new source, or the changes to one (absent fields stay as they are). */
  record SourceBody(String name, String kind, Map<String, String> settings, String token, Boolean removeToken,
      String syncInterval) {}

  private final Sources sources;

  SourceController(Sources sources) {
    this.sources = sources;
  }

  @GetMapping("/sources/kinds")
  List<Kind> kinds() {
    return sources.kinds();
  }

  @GetMapping("/communities/{communityKey}/sources")
  List<Source> list(@PathVariable String communityKey, ApiCaller caller) {
    return sources.list(communityKey, caller.userId(), caller.groupIds());
  }

  @GetMapping("/communities/{communityKey}/sources/{id}")
  Source get(@PathVariable String communityKey, @PathVariable long id, ApiCaller caller) {
    return sources.get(communityKey, id, caller.userId(), caller.groupIds());
  }

  /** Adds a source and starts its first sync: 201 with the source and its Location. */
  @PostMapping("/communities/{communityKey}/sources")
  ResponseEntity<Source> add(@PathVariable String communityKey, @RequestBody SourceBody body, ApiCaller caller) {
    Source added = sources.add(communityKey, body.name(), body.kind(), body.settings(), body.token(),
        body.syncInterval(), caller.userId(), caller.groupIds());
    return ResponseEntity.created(URI.create("/api/communities/" + communityKey + "/sources/" + added.id())).body(added);
  }

  @PatchMapping("/communities/{communityKey}/sources/{id}")
  Source change(@PathVariable String communityKey, @PathVariable long id, @RequestBody SourceBody body,
      ApiCaller caller) {
    return sources.change(communityKey, id, body.settings(), body.token(), Boolean.TRUE.equals(body.removeToken()),
        body.syncInterval(), caller.userId(), caller.groupIds());
  }

  /** Starts a sync now (202), unless one is running. */
  @PostMapping("/communities/{communityKey}/sources/{id}/sync")
  ResponseEntity<Source> sync(@PathVariable String communityKey, @PathVariable long id, ApiCaller caller) {
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(sources.syncNow(communityKey, id, caller.userId(), caller.groupIds()));
  }

  @DeleteMapping("/communities/{communityKey}/sources/{id}")
  ResponseEntity<Void> remove(@PathVariable String communityKey, @PathVariable long id, ApiCaller caller) {
    sources.remove(communityKey, id, caller.userId(), caller.groupIds());
    return ResponseEntity.noContent().build();
  }
}
