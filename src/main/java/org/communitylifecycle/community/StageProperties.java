package org.communitylifecycle.community;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings shared by the stage processes.
 *
 * @param reviewInterval how long a stage stays open before its exit review comes back, when the
 *     review finds the measure of success not yet met (ISO-8601 duration)
 */
@ConfigurationProperties("community-lifecycle.stage")
public record StageProperties(@DefaultValue("P30D") String reviewInterval) {

  public StageProperties {
    try {
      javax.xml.datatype.DatatypeFactory.newInstance().newDuration(reviewInterval);
    } catch (Exception e) {
      throw new IllegalArgumentException(
          "community-lifecycle.stage.review-interval is not an ISO-8601 duration: '" + reviewInterval + "'", e);
    }
  }
}
