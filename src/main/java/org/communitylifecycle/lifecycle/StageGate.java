package org.communitylifecycle.lifecycle;

import static org.communitylifecycle.community.CommunityVariables.*;
import static org.communitylifecycle.lifecycle.LifecycleVariables.*;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.context.Context;
import org.communitylifecycle.engine.AppClock;
import org.communitylifecycle.community.StageProperties;
import org.communitylifecycle.contributor.ContributorFigures;
import org.communitylifecycle.engine.InvalidInputException;
import org.communitylifecycle.identity.Groups;
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
    String stage = (String) execution.getVariable(STAGE);
    history.open(execution.getProcessBusinessKey(), stage, enteredAt(execution).toInstant());
    execution.setVariable(STAGE_ENTERED_ON, enteredOn(execution).toString());
    if (LifecycleStage.SUSTAINING.key().equals(stage)) {
      execution.setVariable(SUSTAINING_REVIEW_INTERVAL, properties.sustainingReviewInterval());
    }
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
    LocalDate today = today();
    ExitCriteriaFigures measured = ExitCriteriaFigures.measure(figures, key, enteredOn(execution), today,
        activatorInGroup(execution), milestoneKey -> execution.getVariable(milestoneKey + "Outcome"));
    execution.setVariables(measured.variables());
    execution.setVariable(EXIT_CRITERIA_MEASURED_ON, today.toString());
    // A reason given at an earlier review must not answer this one.
    execution.removeVariable(STAGE_EXIT_DECISION);
    execution.removeVariable(STAGE_EXIT_REASON);
  }

  /**
   * Complete listener of the liaison's review: advance or hold, with a reason to hold or to
   * advance against the criteria; the decision goes to the stage history.
   */
  public void decide(DelegateTask task) {
    String decision = text(task, STAGE_EXIT_DECISION);
    String reason = text(task, STAGE_EXIT_REASON);
    if (!ADVANCE.equals(decision) && !HOLD.equals(decision)) {
      throw new InvalidInputException(
          "Decide whether the community advances or holds in the stage (stageExitDecision: advance or hold), got '"
              + decision + "'");
    }
    if (HOLD.equals(decision) && reason == null) {
      throw new InvalidInputException("Give a reason for holding the community in the stage (stageExitReason)");
    }
    boolean met = Boolean.TRUE.equals(task.getVariable(EXIT_CRITERIA_MET));
    if (ADVANCE.equals(decision) && !met && reason == null) {
      throw new InvalidInputException(
          "The exit criteria are not met: give a reason for advancing the community anyway (stageExitReason)");
    }
    String stage = (String) task.getVariable(STAGE);
    String recorded = HOLD.equals(decision) ? StageHistory.HELD
        : LifecycleStage.SUSTAINING.key().equals(stage) ? StageHistory.SUSTAINED : StageHistory.ADVANCED;
    String decidedBy = actor(task);
    history.decide(task.getExecution().getProcessBusinessKey(), stage, enteredAt(task).toInstant(), recorded, decidedBy,
        reason, AppClock.now(), StageHistory.ADVANCED.equals(recorded));
    task.setVariable(STAGE_EXIT_REASON, reason);
    task.setVariable(STAGE_EXIT_DECIDED_BY, decidedBy);
  }

  /** Named for the community and still in the activators group. */
  private static boolean activatorInGroup(DelegateExecution execution) {
    Object activator = execution.getVariable(ACTIVATOR);
    if (activator == null) {
      return false;
    }
    return Context.getCommandContext().runWithoutAuthorization(
        () -> execution.getProcessEngineServices().getIdentityService().createUserQuery()
            .userId(activator.toString()).memberOfGroup(Groups.ACTIVATORS).count() > 0);
  }

  private static String actor(DelegateTask task) {
    Authentication authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return authentication != null && authentication.getUserId() != null ? authentication.getUserId() : task.getAssignee();
  }

  private static Date enteredAt(VariableScope scope) {
    Object value = scope.getVariable(STAGE_ENTERED_AT);
    if (!(value instanceof Date date)) {
      throw new IllegalStateException("The stage has no entry date (" + STAGE_ENTERED_AT + "): it was not entered through stageEntry");
    }
    return date;
  }

  private static LocalDate enteredOn(VariableScope scope) {
    return LocalDate.ofInstant(enteredAt(scope).toInstant(), ZoneId.systemDefault());
  }

  private static LocalDate today() {
    return AppClock.today();
  }

  private static String text(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    return value == null || value.toString().isBlank() ? null : value.toString().trim();
  }
}
