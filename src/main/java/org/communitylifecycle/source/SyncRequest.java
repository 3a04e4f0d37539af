package org.communitylifecycle.source;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * What a kind needs to fetch one batch.
 *
 * @param sourceId the source's id, for messages
 * @param sourceName the source's name, for messages
 * @param settings the checked settings ({@link SourceKind#check})
 * @param credential the decrypted token, or null; never log it, never put it in a message
 * @param cursor where the last batch ended, as the kind wrote it (null before the first sync)
 * @param now the app clock's now
 * @param maxEvents about how many events one batch should hold at most
 * @param bots account names to leave out (besides any ending in "[bot]"), lower case
 */
public record SyncRequest(long sourceId, String sourceName, Map<String, String> settings, String credential,
    String cursor, Instant now, int maxEvents, Set<String> bots) {

  /** Whether an account name is a bot's: "[bot]" at its end, or on the list. */
  public boolean isBot(String accountName) {
    if (accountName == null) {
      return false;
    }
    String name = accountName.trim().toLowerCase(java.util.Locale.ROOT);
    return name.endsWith("[bot]") || bots.contains(name);
  }
}
