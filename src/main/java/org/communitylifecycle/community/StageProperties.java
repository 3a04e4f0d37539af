package org.communitylifecycle.community;

import org.communitylifecycle.engine.IsoDuration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings shared by the stage processes.
 *
 * @param reviewInterval how long a stage stays open before its exit review comes back, when the
 *     liaison holds the community in the stage (ISO-8601 duration)
 * @param sustainingReviewInterval how often a sustaining community is reviewed once its case
 *     study is delivered (ISO-8601 duration; the seed's yearly review)
 */
@ConfigurationProperties("community-lifecycle.stage")
public record StageProperties(
    @DefaultValue("P30D") String reviewInterval, @DefaultValue("P1Y") String sustainingReviewInterval) {

  public StageProperties {
    requireDuration("community-lifecycle.stage.review-interval", reviewInterval);
    requireDuration("community-lifecycle.stage.sustaining-review-interval", sustainingReviewInterval);
  }

  private static void requireDuration(String setting, String value) {
    IsoDuration.require(setting, value, "P30D or P1Y");
  }
}
