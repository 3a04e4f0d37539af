package org.communitylifecycle.mentoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.communitylifecycle.testsupport.TestProcessEngineConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every rule of processes/contributor-ladder.dmn: for each rung, the rule that says every
 * requirement is met, one rule per requirement not met, its boundaries, and how the process
 * turns the collected rules into one piece of advice.
 */
@Deployment(resources = "processes/contributor-ladder.dmn")
class ContributorLadderDecisionTest {

  @RegisterExtension
  static ProcessEngineExtension engine =
      ProcessEngineExtension.builder().configurationResource(TestProcessEngineConfiguration.RESOURCE).build();

  ProcessEngine processEngine;

  private final GraduationReview review = new GraduationReview(null);

  // --- member to reviewer ---

  @Test
  void reviewerRequirementsAllMetAdviseGraduation() {
    DmnDecisionResult result = evaluate("reviewer", 3, 5, 20);

    assertThat(result).extracting(e -> e.get("advice"), e -> e.get("reason")).containsExactly(tuple("graduate",
        "Meets every reviewer requirement: member for 3 months, primary reviewer on 5 PRs, reviewed or merged 20 substantial PRs"));
    assertThat(review.advice(result)).isEqualTo("graduate");
  }

  @Test
  void reviewerNeedsThreeMonthsOfMembership() {
    assertThat(reasons("reviewer", 2, 5, 20)).isEqualTo("Member for 2 months; a reviewer has been a member for at least 3");
  }

  @Test
  void reviewerNeedsPrimaryReviewOfFivePrs() {
    assertThat(reasons("reviewer", 3, 4, 20))
        .isEqualTo("Primary reviewer on 4 PRs; a reviewer has been primary reviewer on at least 5");
  }

  @Test
  void reviewerNeedsTwentySubstantialPrsReviewedOrMerged() {
    assertThat(reasons("reviewer", 3, 5, 19))
        .isEqualTo("Reviewed or merged 19 substantial PRs; a reviewer has reviewed or merged at least 20");
  }

  @Test
  void everyReviewerRequirementNotMetIsGivenAsAReason() {
    DmnDecisionResult result = evaluate("reviewer", 0, 0, 0);

    assertThat(result).extracting(e -> (Object) e.get("advice")).containsOnly("not-yet").hasSize(3);
    assertThat(review.advice(result)).isEqualTo("not-yet");
    assertThat(review.reasons(result)).isEqualTo("Member for 0 months; a reviewer has been a member for at least 3; "
        + "Primary reviewer on 0 PRs; a reviewer has been primary reviewer on at least 5; "
        + "Reviewed or merged 0 substantial PRs; a reviewer has reviewed or merged at least 20");
  }

  // --- reviewer to approver ---

  @Test
  void approverRequirementsAllMetAdviseGraduation() {
    DmnDecisionResult result = evaluate("approver", 3, 10, 30);

    assertThat(review.advice(result)).isEqualTo("graduate");
    assertThat(review.reasons(result)).isEqualTo("Meets every approver requirement: reviewer for 3 months, primary reviewer"
        + " on 10 substantial PRs, reviewed or merged 30 PRs");
  }

  @Test
  void approverNeedsThreeMonthsAsReviewer() {
    assertThat(reasons("approver", 2, 10, 30)).isEqualTo("Reviewer for 2 months; an approver has been a reviewer for at least 3");
  }

  @Test
  void approverNeedsPrimaryReviewOfTenSubstantialPrs() {
    assertThat(reasons("approver", 3, 9, 30))
        .isEqualTo("Primary reviewer on 9 substantial PRs; an approver has been primary reviewer on at least 10");
  }

  @Test
  void approverNeedsThirtyPrsReviewedOrMerged() {
    assertThat(reasons("approver", 3, 10, 29))
        .isEqualTo("Reviewed or merged 29 PRs; an approver has reviewed or merged at least 30");
  }

  @Test
  void aReviewerWhoWouldMeetTheApproverBarStillOnlyMeetsTheRungAimedAt() {
    assertThat(evaluate("reviewer", 12, 40, 90)).extracting(e -> (Object) e.get("advice")).containsExactly("graduate");
    assertThat(evaluate("approver", 3, 5, 20)).extracting(e -> (Object) e.get("advice")).containsOnly("not-yet").hasSize(2);
  }

  @Test
  void aRungTheLadderDoesNotKnowMatchesNoRule() {
    DmnDecisionResult result = evaluate("owner", 12, 40, 90);

    assertThat(result).isEmpty();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> review.advice(result))
        .hasMessage("The contributor-ladder decision has no rule for these inputs");
  }

  private String reasons(String rung, int months, int primary, int reviewed) {
    DmnDecisionResult result = evaluate(rung, months, primary, reviewed);
    assertThat(result).hasSize(1);
    assertThat(review.advice(result)).isEqualTo("not-yet");
    return review.reasons(result);
  }

  private DmnDecisionResult evaluate(String rung, int months, int primary, int reviewed) {
    return processEngine.getDecisionService().evaluateDecisionByKey("contributor-ladder")
        .variables(Map.of("goalRung", rung, "monthsAtCurrentRung", months, "primaryReviewerPrs", primary,
            "prsReviewedOrMerged", reviewed))
        .evaluate();
  }
}
