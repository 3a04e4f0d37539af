package org.communitylifecycle.source.github;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * Where a GitHub source's last batch ended, kept by the sync as JSON between batches (the kind has
 * no state of its own).
 *
 * @param repositories per repository (owner/name), per stream (issues, issue-comments, pull-comments, commits) its state
 * @param organisation the organisation whose repositories were listed, or null
 * @param organisationRepositories the repositories the organisation had when listed
 * @param organisationListedAt when they were listed (ISO instant); they are listed again a day later
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
record GitHubCursor(Map<String, Map<String, StreamState>> repositories, String organisation,
    List<String> organisationRepositories, String organisationListedAt) {

  /**
   * How far one stream of one repository is read.
   *
   * @param since the newest {@code updated_at} (commits: committer date) of the last complete read; the next read asks for it on
   * @param next the next page of a read under way (a {@code Link rel="next"} address), or null
   * @param readMax the newest timestamp seen so far in the read under way
   * @param etag the ETag of the answer to {@code etagUrl}, sent as {@code If-None-Match} when asking it again
   * @param etagUrl the address that ETag belongs to
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record StreamState(String since, String next, String readMax, String etag, String etagUrl) {

    static final StreamState START = new StreamState(null, null, null, null, null);
  }
}
