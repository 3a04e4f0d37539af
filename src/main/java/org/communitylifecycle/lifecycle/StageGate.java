package org.communitylifecycle.lifecycle;

import static org.communitylifecycle.lifecycle.StageContract.ADVANCE;
import static org.communitylifecycle.lifecycle.StageContract.HOLD;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
// getCurrentAuthentication() returns this engine type; the public API has no other.
import org.camunda.bpm.engine.impl.identity.Authentication;
// The gate asks for the activator's groups without the acting user's authorizations; no public API does so.
import org.camunda.bpm.engine.impl.context.Context;
import org.communitylifecycle.engine.AppClock;
import org.communitylifecycle.community.StageProperties;
import org.communitylifecycle.contributor.ContributorFigures;
import org.communitylifecycle.engine.InvalidInputException;
import org.communitylifecycle.identity.Groups;
import org.communitylifecycle.milestone.MilestoneResult;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The exit gate every stage ends with. On entry it opens the stay in the {@link StageHistory};
 * before the gate it measures, from the community's data, the inputs of the decision
 * {@code stage-exit-criteria} ({@link ExitCriteriaFigures}); after the liaison's review it checks
 * and records their decision.
 *
 * <p>The contributor figures come from a {@link ContributorFigures} bean, which the contributor
 * module provides. Without one the gate's measuring job fails with a message saying so, and the
 * stage waits there as an incident in Cockpit until the module is deployed and the job retried.
 */
@Component("stageGate")
public class StageGate {

  private final ObjectProvider<ContributorFigures> contributorFigures;
  private final StageHistory history;
  private final StageProperties properties;

  public StageGate(ObjectProvider<ContributorFigures> contributorFigures, StageHistory history, StageProperties properties) {
    this.contributorFigures = contributorFigures;
    this.history = history;
    this.properties = properties;
  }

  /** Start listener of a stage, after {@code stageEntry}: the stay begins. */
  public void enter(DelegateExecution execution) {
    StageContract stage = StageContract.of(execution);
    history.open(execution.getProcessBusinessKey(), stage.stage(), stage.enteredAt().toInstant());
    stage.entered(LifecycleStage.SUSTAINING.key().equals(stage.stage()) ? properties.sustainingReviewInterval() : null);
  }

  /** Service task before the decision: the figures it decides on. */
  public void measure(DelegateExecution execution) {
    String key = execution.getProcessBusinessKey();
    ContributorFigures figures = contributorFigures.getIfAvailable();
    if (figures == null) {
      throw new IllegalStateException(
          "Cannot measure the exit criteria of '" + key + "': no ContributorFigures is available. "
              + "The contributor module provides it; once it is deployed, retry this job.");
    }
    StageContract stage = StageContract.of(execution);
    LocalDate today = AppClock.today();
    ExitCriteriaFigures measured = ExitCriteriaFigures.measure(figures, key, stage.enteredOn(), today,
        activatorInGroup(execution, stage.community().activator()), milestoneKey -> {
          MilestoneResult result = stage.milestone(milestoneKey);
          return result == null ? null : result.outcome();
        });
    stage.measured(measured, today);
  }

  /**
   * Complete listener of the liaison's review: advance or hold, with a reason to hold or to
   * advance against the criteria; the decision goes to the stage history.
   */
  public void decide(DelegateTask task) {
    StageContract stage = StageContract.of(task);
    String decision = stage.exitDecision();
    String reason = stage.exitReason();
    if (!ADVANCE.equals(decision) && !HOLD.equals(decision)) {
      throw new InvalidInputException(
          "Decide whether the community advances or holds in the stage (stageExitDecision: advance or hold), got '"
              + decision + "'");
    }
    if (HOLD.equals(decision) && reason == null) {
      throw new InvalidInputException("Give a reason for holding the community in the stage (stageExitReason)");
    }
    if (ADVANCE.equals(decision) && !stage.exitCriteriaMet() && reason == null) {
      throw new InvalidInputException(
          "The exit criteria are not met: give a reason for advancing the community anyway (stageExitReason)");
    }
    String recorded = HOLD.equals(decision) ? StageHistory.HELD
        : LifecycleStage.SUSTAINING.key().equals(stage.stage()) ? StageHistory.SUSTAINED : StageHistory.ADVANCED;
    String decidedBy = actor(task);
    history.decide(task.getExecution().getProcessBusinessKey(), stage.stage(), stage.enteredAt().toInstant(), recorded,
        decidedBy, reason, AppClock.now(), StageHistory.ADVANCED.equals(recorded));
    stage.decided(reason, decidedBy);
  }

  /** Named for the community and still in the activators group. */
  private static boolean activatorInGroup(DelegateExecution execution, String activator) {
    if (activator == null) {
      return false;
    }
    return Context.getCommandContext().runWithoutAuthorization(
        () -> execution.getProcessEngineServices().getIdentityService().createUserQuery()
            .userId(activator).memberOfGroup(Groups.ACTIVATORS).count() > 0);
  }

  private static String actor(DelegateTask task) {
    Authentication authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return authentication != null && authentication.getUserId() != null ? authentication.getUserId() : task.getAssignee();
  }
}
