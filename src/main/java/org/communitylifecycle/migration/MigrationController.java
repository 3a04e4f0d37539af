package org.communitylifecycle.migration;

import java.net.URI;
import java.util.List;
import org.communitylifecycle.identity.ApiCaller;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Migration of running instances for scripts, under {@code /api/migrations}: the plan (a dry run),
 * starting, and the reports, for callers with MIGRATE_INSTANCE on the processes concerned
 * (process-designers, camunda-admin); the version counts for anyone, counted with their own
 * authorizations. See docs/designing-migration.md.
 */
@RestController
@RequestMapping("/api/migrations")
class MigrationController {

  /** What to migrate: a process key or {@value MigrationScope#LAST_DEPLOYMENT}, and whether paused instances move. */
  record MigrationRequest(String processKey, Boolean includePaused) {}

  /** A migration the records do not know. */
  static class UnknownMigration extends RuntimeException {
    UnknownMigration(String id) {
      super("There is no migration '" + id + "'; GET /api/migrations lists the recent ones");
    }
  }

  private static final int MAX_LIMIT = 100;

  private final Migrations migrations;
  private final VersionCounts versions;

  MigrationController(Migrations migrations, VersionCounts versions) {
    this.migrations = migrations;
    this.versions = versions;
  }

  @GetMapping("/plan")
  Plan plan(@RequestParam String processKey, @RequestParam(defaultValue = "false") boolean includePaused, ApiCaller caller) {
    return migrations.plan(MigrationScope.of(processKey, includePaused), caller);
  }

  @PostMapping
  ResponseEntity<MigrationReport> start(@RequestBody MigrationRequest request, ApiCaller caller) {
    MigrationReport report = migrations.start(
        MigrationScope.of(request.processKey(), Boolean.TRUE.equals(request.includePaused())), caller);
    return ResponseEntity.accepted().location(URI.create("/api/migrations/" + report.id())).body(report);
  }

  @GetMapping
  List<MigrationReport> recent(@RequestParam(defaultValue = "20") int limit, ApiCaller caller) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new org.communitylifecycle.engine.InvalidInputException("limit must be between 1 and " + MAX_LIMIT + "; got " + limit);
    }
    return migrations.recent(limit, caller);
  }

  @GetMapping("/{id}")
  MigrationReport report(@PathVariable String id, ApiCaller caller) {
    return migrations.report(id, caller).orElseThrow(() -> new UnknownMigration(id));
  }

  @GetMapping("/versions")
  List<VersionCounts.ProcessVersions> versions(ApiCaller caller) {
    return versions.count(caller);
  }
}
