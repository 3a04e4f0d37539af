package org.communitylifecycle.source.discourse;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * Where a Discourse source's last batch ended, kept by the sync as JSON between batches.
 *
 * @param categories per category (as given in the settings) how far it is read
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
record DiscourseCursor(Map<String, CategoryState> categories) {

  /**
   * How far one category is read.
   *
   * @param bumpedAt the newest topic {@code bumped_at} of the last complete scan: topics bumped later have new posts
   * @param page the next listing page of a scan under way, or null
   * @param scanMax the newest {@code bumped_at} seen so far in the scan under way
   * @param topics per topic id the highest post id already read
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record CategoryState(String bumpedAt, Integer page, String scanMax, Map<String, Long> topics) {

    static final CategoryState START = new CategoryState(null, null, null, Map.of());
  }
}
