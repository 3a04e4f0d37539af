package org.communitylifecycle.migration;

import org.communitylifecycle.engine.InvalidInputException;

/**
 * What to migrate: the running instances of one process key, or of every process the last
 * deployment changed; paused (suspended) instances only when asked.
 *
 * @param processKey the process key, or null for everything the last deployment changed
 * @param includeSuspended whether paused instances move too
 */
public record MigrationScope(String processKey, boolean includeSuspended) {

  /** The Tasklist choice and the API's value for "everything the last deployment changed". */
  public static final String LAST_DEPLOYMENT = "last-deployment";

  public MigrationScope {
    processKey = processKey == null || processKey.isBlank() || processKey.trim().equals(LAST_DEPLOYMENT) ? null : processKey.trim();
  }

  /** The scope a choice names: a process key, or {@value #LAST_DEPLOYMENT}. */
  public static MigrationScope of(String choice, boolean includeSuspended) {
    if (choice == null || choice.isBlank()) {
      throw new InvalidInputException("Name a process key, or " + LAST_DEPLOYMENT + " for everything the last deployment changed");
    }
    return new MigrationScope(choice, includeSuspended);
  }

  public boolean lastDeployment() {
    return processKey == null;
  }

  /** How the scope is written in the records and the API: the key, or {@value #LAST_DEPLOYMENT}. */
  public String label() {
    return processKey == null ? LAST_DEPLOYMENT : processKey;
  }
}
