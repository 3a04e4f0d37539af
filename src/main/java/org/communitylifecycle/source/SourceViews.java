package org.communitylifecycle.source;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What the source operations answer with; the REST API and the dashboard show these. */
public final class SourceViews {

  private SourceViews() {}

  /**
   * A source of a community, without its token.
   *
   * @param status never (not synced yet), ok, rate-limited or failing
   * @param message what the last sync said: its notes, the rate limit, or what to fix
   * @param lastSyncAdded contributions the last completed sync added
   * @param contributions contributions on record that came from this source
   * @param contributors people those contributions are credited to
   * @param syncing whether a sync is running now (or stopped by an incident)
   */
  public record Source(long id, String community, String name, String kind, String kindLabel,
      Map<String, String> settings, boolean hasToken, String syncInterval, Instant createdAt, String createdBy,
      Instant lastSyncAt, String status, String message, Integer lastSyncAdded, long contributions,
      long contributors, boolean syncing, String processInstanceId) {}

  /** A kind a source may have, with the settings it takes. */
  public record Kind(String id, String label, String credential) {}

  /** Sources refused, or settings with problems; nothing was saved. */
  public static class InvalidSource extends RuntimeException {
    private final List<String> problems;

    public InvalidSource(String summary, List<String> problems) {
      super(summary + ": " + String.join("; ", problems));
      this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
      return problems;
    }
  }

  /** No such source in the community. */
  public static class UnknownSource extends RuntimeException {
    public UnknownSource(String message) {
      super(message);
    }
  }

  /** The caller may not manage the community's sources. */
  public static class SourceForbidden extends RuntimeException {
    public SourceForbidden(String message) {
      super(message);
    }
  }
}
