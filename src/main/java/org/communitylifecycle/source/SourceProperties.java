package org.communitylifecycle.source;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the contribution sources (docs/sources.md).
 *
 * @param credentialsKey the AES key that encrypts source tokens, base64 of 32 bytes; from the
 *     environment (COMMUNITY_LIFECYCLE_SOURCES_CREDENTIALS_KEY), never from a file in the repository.
 *     Without it, sources that need no token still work, and one with a token is refused with a 400.
 * @param syncInterval how long after a sync a source is synced again, unless the source says otherwise
 * @param batchSize about how many events one fetch, and one transaction, holds
 * @param maxRateLimitWait how long a sync waits for a rate limit to reset before it fails instead
 * @param bots account names left out besides any ending in "[bot]"
 * @param gharchiveRoot the folder GH Archive sources read from; their locations are relative to it
 */
@ConfigurationProperties("community-lifecycle.sources")
public record SourceProperties(
    String credentialsKey,
    @DefaultValue("PT1H") Duration syncInterval,
    @DefaultValue("5000") int batchSize,
    @DefaultValue("PT2H") Duration maxRateLimitWait,
    @DefaultValue({"dependabot", "renovate", "github-actions", "codecov", "mergify", "netlify", "vercel"}) List<String> bots,
    @DefaultValue("data/gharchive") String gharchiveRoot) {

  public SourceProperties {
    if (syncInterval.compareTo(Duration.ofMinutes(1)) < 0) {
      throw new IllegalArgumentException("community-lifecycle.sources.sync-interval must be at least PT1M, got " + syncInterval);
    }
    if (batchSize < 10 || batchSize > 50_000) {
      throw new IllegalArgumentException("community-lifecycle.sources.batch-size must be between 10 and 50000, got " + batchSize);
    }
  }

  /** The bot names, lower case. */
  public Set<String> botNames() {
    return bots.stream().map(b -> b.trim().toLowerCase(Locale.ROOT)).filter(b -> !b.isEmpty()).collect(Collectors.toSet());
  }
}
