package org.communitylifecycle.testsupport;

import java.util.Map;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.communitylifecycle.community.StageEntry;
import org.communitylifecycle.community.StageProperties;
import org.communitylifecycle.community.TaskContext;
import org.communitylifecycle.growth.GrowthMeasureOfSuccess;
import org.communitylifecycle.growth.GrowthProperties;
import org.communitylifecycle.growth.NewContributorCount;
import org.communitylifecycle.milestone.Handoffs;
import org.communitylifecycle.milestone.MilestoneProperties;
import org.communitylifecycle.milestone.MilestoneSetup;
import org.communitylifecycle.milestone.StalledStepFollowUp;

/** Registers the real beans the models call, under the names the models use, with test settings. */
public final class ProcessBeans {

  /** Stall periods of the tests: deliver 14 days, review 7, still stalled 7 more; identifyGaps delivers in 21. */
  public static final MilestoneProperties MILESTONE_SETTINGS =
      new MilestoneProperties(
          new MilestoneProperties.Stall("P14D", "P7D", "P7D"),
          Map.of("identifyGaps", new MilestoneProperties.StallOverride("P21D", null, null)));

  private ProcessBeans() {}

  public static void register(NewContributorCount newContributors) {
    Mocks.register("milestoneSetup", new MilestoneSetup(MILESTONE_SETTINGS));
    Mocks.register("handoffs", new Handoffs());
    Mocks.register("stalledStepFollowUp", new StalledStepFollowUp());
    Mocks.register("stageEntry", new StageEntry(new StageProperties("P30D")));
    Mocks.register("taskContext", new TaskContext());
    Mocks.register("growthMeasureOfSuccess", new GrowthMeasureOfSuccess(newContributors, new GrowthProperties(25)));
  }
}
