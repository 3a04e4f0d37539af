package org.communitylifecycle.testsupport;

import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.communitylifecycle.community.CommunityDirectory;
import org.communitylifecycle.community.StageEntry;
import org.communitylifecycle.community.StageProperties;
import org.communitylifecycle.community.TaskContext;
import org.communitylifecycle.contributor.ContributorFigures;
import org.communitylifecycle.lifecycle.LifecycleStatus;
import org.communitylifecycle.lifecycle.CommunityStatusChange;
import org.communitylifecycle.lifecycle.LifecycleStart;
import org.communitylifecycle.lifecycle.MilestoneCall;
import org.communitylifecycle.lifecycle.StageCall;
import org.communitylifecycle.lifecycle.StageGate;
import org.communitylifecycle.lifecycle.StageHistory;
import org.communitylifecycle.milestone.Handoffs;
import org.communitylifecycle.milestone.MilestoneProperties;
import org.communitylifecycle.milestone.MilestoneSetup;
import org.communitylifecycle.milestone.StalledStepFollowUp;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Registers the real beans the models call, under the names the models use, with test settings.
 * The app's own tables live in the test engine's database ({@link AppTables}).
 */
public final class ProcessBeans {

  /** Stall periods of the tests: deliver 14 days, review 7, still stalled 7 more; identifyGaps delivers in 21. */
  public static final MilestoneProperties MILESTONE_SETTINGS =
      new MilestoneProperties(
          new MilestoneProperties.Stall("P14D", "P7D", "P7D"),
          Map.of("identifyGaps", new MilestoneProperties.StallOverride("P21D", null, null)));

  /** Holds come back after 30 days, sustaining reviews after a year: the defaults. */
  public static final StageProperties STAGE_SETTINGS = new StageProperties("P30D", "P1Y");

  private ProcessBeans() {}

  /** The beans, with contributor figures of zero everywhere. */
  public static void register(ProcessEngine engine) {
    register(engine, new FakeContributorFigures());
  }

  /** The beans, with these contributor figures; {@code null} stands for an app without a ContributorFigures bean. */
  public static void register(ProcessEngine engine, ContributorFigures figures) {
    JdbcClient jdbc = AppTables.jdbc(engine);
    CommunityDirectory directory = new CommunityDirectory(jdbc);
    StageHistory history = new StageHistory(jdbc);
    StaticListableBeanFactory beans = new StaticListableBeanFactory();
    if (figures != null) {
      beans.addBean("contributorFigures", figures);
    }
    StageEntry stageEntry = new StageEntry(STAGE_SETTINGS, directory);
    Mocks.register("milestoneSetup", new MilestoneSetup(MILESTONE_SETTINGS));
    Mocks.register("handoffs", new Handoffs());
    Mocks.register("stalledStepFollowUp", new StalledStepFollowUp());
    Mocks.register("stageEntry", stageEntry);
    Mocks.register("taskContext", new TaskContext());
    Mocks.register("stageGate", new StageGate(beans.getBeanProvider(ContributorFigures.class), history, STAGE_SETTINGS));
    Mocks.register("lifecycleStart", new LifecycleStart(stageEntry));
    Mocks.register("lifecycleStatus", new LifecycleStatus(directory, history));
    Mocks.register("communityStatusChange", new CommunityStatusChange(directory));
    Mocks.register("milestoneCall", new MilestoneCall());
    Mocks.register("stageCall", new StageCall());
  }
}
