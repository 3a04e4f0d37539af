package org.communitylifecycle.milestone;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.communitylifecycle.migration.MigrationDefaults;
import org.springframework.stereotype.Component;

/**
 * What the latest milestone model needs from a milestone that started on an earlier version: its
 * three stall periods, from the settings for its milestone key (as {@link MilestoneSetup} gives a
 * new milestone). A new version that reads a new variable adds it here with its default.
 */
@Component
class MilestoneMigrationDefaults implements MigrationDefaults {

  private final MilestoneProperties properties;

  MilestoneMigrationDefaults(MilestoneProperties properties) {
    this.properties = properties;
  }

  @Override
  public String processKey() {
    return MilestoneContract.PROCESS_KEY;
  }

  @Override
  public Set<String> neededVariables() {
    return Set.of(MilestoneContract.DELIVER_STALL_PERIOD, MilestoneContract.REVIEW_STALL_PERIOD,
        MilestoneContract.STILL_STALLED_PERIOD);
  }

  @Override
  public Optional<Object> defaultValue(String variable, Map<String, Object> variables) {
    Object key = variables.get(MilestoneContract.MILESTONE_KEY);
    MilestoneProperties.Stall stall = properties.stallFor(key instanceof String s ? s : "");
    return Optional.ofNullable(switch (variable) {
      case MilestoneContract.DELIVER_STALL_PERIOD -> stall.deliver();
      case MilestoneContract.REVIEW_STALL_PERIOD -> stall.review();
      case MilestoneContract.STILL_STALLED_PERIOD -> stall.stillStalled();
      default -> null;
    });
  }
}
