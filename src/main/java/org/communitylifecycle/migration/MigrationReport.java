package org.communitylifecycle.migration;

import java.time.Instant;
import java.util.List;

/**
 * What became of one request to migrate: each instance it looked at, moved, still pending,
 * skipped or failed, with why.
 *
 * @param id the request
 * @param scope the process key, or {@value MigrationScope#LAST_DEPLOYMENT}
 * @param requestedBy who asked
 * @param requestedAt when
 * @param finished whether no instance is pending any more
 * @param moved instances now on the target version
 * @param pending instances whose batch has not reached them yet
 * @param skipped instances the plan left where they were
 * @param failed instances the engine could not move
 * @param instances one line per instance, callers first
 */
public record MigrationReport(String id, String scope, boolean includeSuspended, String requestedBy, Instant requestedAt,
    boolean finished, long moved, long pending, long skipped, long failed, List<Line> instances) {

  /** What became of an instance. */
  public enum Outcome { MOVED, PENDING, SKIPPED, FAILED, ENDED }

  /**
   * One instance.
   *
   * @param reason why it was skipped or failed, or what happened meanwhile; null when it moved
   */
  public record Line(String processInstanceId, String processKey, String businessKey, int sourceVersion, int targetVersion,
      Outcome outcome, String reason) {}

  /** The report as Markdown, for the last task of the Tasklist process. */
  public String markdown() {
    StringBuilder text = new StringBuilder();
    text.append("**").append(moved).append(" moved, ").append(skipped).append(" skipped, ").append(failed).append(" failed")
        .append(pending > 0 ? ", " + pending + " still pending" : "").append(".**\n\n");
    instances.stream().filter(l -> l.outcome() != Outcome.MOVED).limit(50).forEach(l -> text.append("- ")
        .append(l.outcome().name().toLowerCase()).append(": ").append(l.processKey()).append(" v").append(l.sourceVersion())
        .append(l.businessKey() == null ? "" : " of " + l.businessKey()).append(l.reason() == null ? "" : ": " + l.reason())
        .append('\n'));
    long others = instances.stream().filter(l -> l.outcome() != Outcome.MOVED).count();
    if (others > 50) {
      text.append("- and ").append(others - 50).append(" more: GET /api/migrations/").append(id).append('\n');
    }
    text.append("\nRecorded as migration ").append(id).append(", requested by ").append(requestedBy).append('.');
    return text.toString();
  }
}
