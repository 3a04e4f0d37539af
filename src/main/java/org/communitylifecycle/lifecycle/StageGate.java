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
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.communitylifecycle.community.StageProperties;
import org.communitylifecycle.contributor.ContributorFigures;
import org.communitylifecycle.engine.InvalidInputException;
import org.communitylifecycle.identity.Groups;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The exit gate every stage ends with. On entry it opens the stay in the {@link StageHistory};
 * before the gate it measures, from the community's data, the inputs of the decision
 * {@code stage-exit-criteria}; after the liaison's review it checks and records their decision.
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
    LocalDate enteredOn = enteredOn(execution);
    LocalDate today = today();
    execution.setVariable(ACTIVATOR_APPOINTED, activatorAppointed(execution));
    execution.setVariable(PATHWAY_DOCUMENTED, accepted(execution, PATHWAY_MILESTONE));
    execution.setVariable(CASE_STUDY_DELIVERED, accepted(execution, CASE_STUDY_MILESTONE));
    execution.setVariable(PROTOTYPE_SIZE, figures.contributors(key));
    execution.setVariable(NEW_CONTRIBUTORS_IN_PATHWAY, figures.newContributorsSince(key, enteredOn));
    execution.setVariable(ACTIVE_AT_STAGE_ENTRY, figures.activeContributors(key, enteredOn));
    execution.setVariable(ACTIVE_CONTRIBUTORS, figures.activeContributors(key, today));
    execution.setVariable(NEW_CORE_MEMBERS, figures.newCoreMembersSince(key, enteredOn));
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
        reason, ClockUtil.getCurrentTime().toInstant(), StageHistory.ADVANCED.equals(recorded));
    task.setVariable(STAGE_EXIT_REASON, reason);
    task.setVariable(STAGE_EXIT_DECIDED_BY, decidedBy);
  }

  /** Named for the community, still an activator, and (in Pre-work) committed to a CBT partner. */
  private static boolean activatorAppointed(DelegateExecution execution) {
    Object activator = execution.getVariable(ACTIVATOR);
    if (activator == null) {
      return false;
    }
    boolean inGroup = Context.getCommandContext().runWithoutAuthorization(
        () -> execution.getProcessEngineServices().getIdentityService().createUserQuery()
            .userId(activator.toString()).memberOfGroup(Groups.ACTIVATORS).count() > 0);
    Object commitment = execution.getVariable(COMMITMENT_MILESTONE + "Outcome");
    return inGroup && (commitment == null || "accepted".equals(commitment));
  }

  private static boolean accepted(VariableScope scope, String milestoneKey) {
    return "accepted".equals(scope.getVariable(milestoneKey + "Outcome"));
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
    return LocalDate.ofInstant(Instant.ofEpochMilli(ClockUtil.getCurrentTime().getTime()), ZoneId.systemDefault());
  }

  private static String text(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    return value == null || value.toString().isBlank() ? null : value.toString().trim();
  }
}
