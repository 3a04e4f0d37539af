package org.communitylifecycle.lifecycle;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.communitylifecycle.lifecycle.StageTestSupport.*;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.communitylifecycle.testsupport.FakeContributorFigures;
import org.communitylifecycle.testsupport.StageDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.communitylifecycle.milestone.MilestoneContract;

/** Every path through processes/sustaining.bpmn. */
@Deployment(resources = {"processes/sustaining.bpmn", "processes/milestone.bpmn", "processes/stage-exit-criteria.dmn"})
class SustainingTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = StageDriver.coverage(MilestoneContract.PROCESS_KEY);

  static final String STAGE = "sustaining";
  static final String KEY = "mdn-localization";

  ProcessEngine processEngine;
  StageDriver driver;

  @BeforeEach
  void setUp() {
    driver = StageDriver.ready(processEngine, new FakeContributorFigures().active(80).contributors(200), ENTERED);
  }

  @AfterEach
  void tearDown() {
    StageDriver.reset(processEngine);
  }

  @Test
  void afterTheCaseStudyTheCommunityIsReviewedEveryYearAndNeverEndsByItself() {
    ProcessInstance stage = startStage(processEngine, STAGE, "MDN Localization");
    assertThat(stage).isWaitingAt("CallActivity_KeepMomentum", "CallActivity_RetainKeyContributors");
    driver.acceptAll(KEY);
    driver.measure(KEY);

    assertThat(stage).isWaitingAt(StageContract.TASK_REVIEW_STAGE_EXIT).variables()
        .containsEntry("caseStudyDelivered", true).containsEntry("exitCriteriaMet", true);
    assertThat(driver.reviewTask(KEY)).hasName("Review stage: Sustaining (MDN Localization)");
    driver.review(KEY, "advance", null);

    assertThat(stage).isWaitingAt("Timer_YearlyReview").isNotEnded();
    Date nextYear = Date.from(ZonedDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneId.systemDefault())
        .plusYears(1).toInstant());
    Assertions.assertThat(job(processEngine, "Timer_YearlyReview").getDuedate()).isEqualTo(nextYear);
    Assertions.assertThat(history(processEngine, KEY)).singleElement().satisfies(stay -> {
      Assertions.assertThat(stay.decision()).isEqualTo("sustained");
      Assertions.assertThat(stay.leftAt()).as("a sustaining community stays in the stage").isNull();
    });

    fire(processEngine, "Timer_YearlyReview");
    driver.measure(KEY);

    assertThat(stage).isWaitingAt(StageContract.TASK_REVIEW_STAGE_EXIT).variables().doesNotContainKey("stageExitDecision");
    driver.review(KEY, "advance", "Second year: the localizers run their own sprints");
    assertThat(stage).isWaitingAt("Timer_YearlyReview");
  }

  @Test
  void withoutACaseStudyTheLiaisonHoldsAndReviewsAgainSooner() {
    ProcessInstance stage = startStage(processEngine, STAGE, "MDN Localization");
    driver.drop(KEY, "keepMomentum", "Nobody had time to write it this quarter");
    driver.acceptAll(KEY);
    driver.measure(KEY);
    assertThat(stage).variables().containsEntry("caseStudyDelivered", false).containsEntry("exitCriteriaMet", false);

    driver.review(KEY, "hold", "The case study is planned for the next quarter");

    assertThat(stage).isWaitingAt("Timer_ReviewStageExitAgain");
    Assertions.assertThat(job(processEngine, "Timer_ReviewStageExitAgain").getDuedate())
        .isEqualTo(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(30))));
    fire(processEngine, "Timer_ReviewStageExitAgain");
    driver.measure(KEY);
    assertThat(stage).isWaitingAt(StageContract.TASK_REVIEW_STAGE_EXIT);
  }

  @Test
  void keepMomentumDeliversTheCaseStudy() {
    startStage(processEngine, STAGE, "MDN Localization");

    Task momentum = driver.deliverTask(KEY, "keepMomentum");
    assertThat(momentum).isAssignedTo("alice");
    Assertions.assertThat(taskService().getVariables(momentum.getId()))
        .containsEntry("milestoneName", "Keep momentum")
        .containsEntry("deliverable", "A case study of the community: what worked, and how its pathways were optimised from data")
        .containsEntry("supportGroup", "liaisons-" + KEY).containsEntry("stage", STAGE);
    Assertions.assertThat(taskService().getVariable(driver.deliverTask(KEY, "retainKeyContributors").getId(), "milestoneName"))
        .isEqualTo("Retain key contributors");
  }
}
