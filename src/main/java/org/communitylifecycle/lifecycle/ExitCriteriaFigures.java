package org.communitylifecycle.lifecycle;

import static org.communitylifecycle.lifecycle.StageContract.*;
import static org.communitylifecycle.milestone.MilestoneContract.OUTCOME_ACCEPTED;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.communitylifecycle.contributor.ContributorFigures;

/**
 * The figures the decision {@code stage-exit-criteria} decides a stage's exit on, measured from a
 * community's data. The stage gate measures them before its decision; the dashboard measures them
 * the same way to show how far a community is from its stage's exit target. The thresholds stay in
 * the decision table; this only counts.
 *
 * @param activatorAppointed the activator is in the activators group and their commitment to a CBT
 *     partner, if that milestone ran, was accepted
 * @param pathwayDocumented the pathway milestone was accepted
 * @param caseStudyDelivered the case-study milestone was accepted
 * @param prototypeSize all contributors of the community
 * @param newContributorsInPathway contributors who joined since the stage was entered
 * @param activeAtStageEntry active or core contributors on the day the stage was entered
 * @param activeContributors active or core contributors today
 * @param newCoreMembers contributors who became core since the stage was entered
 */
public record ExitCriteriaFigures(
    boolean activatorAppointed,
    boolean pathwayDocumented,
    boolean caseStudyDelivered,
    long prototypeSize,
    long newContributorsInPathway,
    long activeAtStageEntry,
    long activeContributors,
    long newCoreMembers) {

  /**
   * Measures the figures of a community's stay in its stage.
   *
   * @param activatorInGroup whether the community's activator is a member of the activators group
   * @param milestoneOutcome the outcome ({@code accepted}, {@code dropped}, {@code open}) of a
   *     milestone of the stay by its key, or null when it did not run in the stay
   */
  public static ExitCriteriaFigures measure(ContributorFigures figures, String communityKey, LocalDate enteredOn,
      LocalDate today, boolean activatorInGroup, Function<String, Object> milestoneOutcome) {
    Object commitment = milestoneOutcome.apply(COMMITMENT_MILESTONE);
    return new ExitCriteriaFigures(
        activatorInGroup && (commitment == null || OUTCOME_ACCEPTED.equals(commitment)),
        OUTCOME_ACCEPTED.equals(milestoneOutcome.apply(PATHWAY_MILESTONE)),
        OUTCOME_ACCEPTED.equals(milestoneOutcome.apply(CASE_STUDY_MILESTONE)),
        figures.contributors(communityKey),
        figures.newContributorsSince(communityKey, enteredOn),
        figures.activeContributors(communityKey, enteredOn),
        figures.activeContributors(communityKey, today),
        figures.newCoreMembersSince(communityKey, enteredOn));
  }

  /** The figures as the decision's input variables, by their names in the decision table. */
  public Map<String, Object> variables() {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put(ACTIVATOR_APPOINTED, activatorAppointed);
    variables.put(PATHWAY_DOCUMENTED, pathwayDocumented);
    variables.put(CASE_STUDY_DELIVERED, caseStudyDelivered);
    variables.put(PROTOTYPE_SIZE, prototypeSize);
    variables.put(NEW_CONTRIBUTORS_IN_PATHWAY, newContributorsInPathway);
    variables.put(ACTIVE_AT_STAGE_ENTRY, activeAtStageEntry);
    variables.put(ACTIVE_CONTRIBUTORS, activeContributors);
    variables.put(NEW_CORE_MEMBERS, newCoreMembers);
    return variables;
  }
}
