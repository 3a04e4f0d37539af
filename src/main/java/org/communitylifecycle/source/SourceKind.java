package org.communitylifecycle.source;

import java.util.List;
import java.util.Map;

/**
 * A kind of source: GitHub, Discourse, GH Archive files. A new kind (GitLab, Matrix) is one Spring
 * bean implementing this, plus its tests; docs/sources.md says how. The sync process calls
 * {@link #fetch} once per batch and keeps the cursor it returns: everything a sync needs is in the
 * cursor, so any node can run the next batch. A kind may keep a cache for speed (GH Archive keeps a
 * file open where the last batch stopped), never state that a sync's result depends on.
 */
public interface SourceKind {

  /** The kind's id in the API and the database: lower case, for example {@code github}. */
  String id();

  /** Its name for people, for example "GitHub". */
  String label();

  /** Whether the kind needs a credential, may use one, or has none. */
  CredentialUse credentialUse();

  /**
   * Checks the settings a person gave and returns them cleaned (trimmed, defaults filled in).
   * Each problem is added to {@code problems} as a sentence that names the setting and says what
   * to give instead; the source is not saved while there is one.
   */
  Map<String, String> check(Map<String, String> settings, List<String> problems);

  /**
   * Fetches the next batch of contributions after the request's cursor: at most about
   * {@link SyncRequest#maxEvents()} events, or one page of each followed thing.
   *
   * @throws SourceFailure when the source refuses or cannot be read; its message is what a liaison reads in Cockpit
   */
  SyncBatch fetch(SyncRequest request);

  /** How a kind uses a credential. */
  enum CredentialUse { NONE, OPTIONAL, REQUIRED }
}
