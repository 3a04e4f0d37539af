package org.communitylifecycle.contributor;

import java.time.Instant;
import java.util.List;

/**
 * One contribution fetched from a source (GitHub, Discourse, a GH Archive file), credited to the
 * first of its accounts. The other accounts are known, from the same record, to be the same
 * person (a commit's author email next to their login, say): they are merged with the first.
 *
 * @param occurredAt when it happened at the source; the contribution is dated from it, never from the sync
 * @param kind the contribution kind, as in docs/contributors.md (issue, pull-request, merge, review, comment, commit, topic, post)
 * @param reference a link to it, at most 200 characters; the same day, kind and reference is one contribution
 * @param accounts who made it, the credited account first; never empty
 */
public record SourcedEvent(Instant occurredAt, String kind, String reference, List<Account> accounts) {

  public SourcedEvent {
    accounts = List.copyOf(accounts);
    if (accounts.isEmpty()) {
      throw new IllegalArgumentException("An event needs the account that made it");
    }
  }

  /** The credited account. */
  public Account author() {
    return accounts.get(0);
  }

  /**
   * An account at a source.
   *
   * @param kind github, discourse, email (or the kind a new source adds)
   * @param value the login, username or address as the source spells it
   * @param displayName the person's name as the source gives it, or null
   */
  public record Account(String kind, String value, String displayName) {

    public static Account github(String login) {
      return new Account("github", login, null);
    }

    public static Account email(String address, String name) {
      return new Account("email", address, name);
    }

    public static Account discourse(String username, String name) {
      return new Account("discourse", username, name);
    }
  }
}
