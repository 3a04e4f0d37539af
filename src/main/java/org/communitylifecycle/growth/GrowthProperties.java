package org.communitylifecycle.growth;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The growth stage's measure of success.
 *
 * @param newContributorTarget the stage is done when more than this many new contributors move
 *     into or through the pathway (the seed says "roughly more than 25")
 */
@ConfigurationProperties("community-lifecycle.growth")
public record GrowthProperties(@DefaultValue("25") int newContributorTarget) {

  public GrowthProperties {
    if (newContributorTarget < 0) {
      throw new IllegalArgumentException(
          "community-lifecycle.growth.new-contributor-target must not be negative, got " + newContributorTarget);
    }
  }
}
