package org.communitylifecycle.lifecycle;

/** Variables of the lifecycle, its stage gates and the status-change process, beyond those of {@code CommunityVariables}. */
public final class LifecycleVariables {

  // community-lifecycle
  public static final String ENTRY_STAGE = "entryStage";
  public static final String COMMUNITY_STATUS = "communityStatus";
  public static final String PAUSE_REASON = "pauseReason";
  public static final String PAUSED_BY = "pausedBy";
  public static final String PAUSED_AT = "pausedAt";
  public static final String RESUMED_BY = "resumedBy";
  public static final String CLOSE_REASON = "closeReason";
  public static final String CLOSED_BY = "closedBy";
  public static final String CLOSED_AT = "closedAt";

  // values of communityStatus, as in cl_community.status
  public static final String ACTIVE = "active";
  public static final String PAUSED = "paused";
  public static final String CLOSED = "closed";

  // messages the lifecycle catches
  public static final String COMMUNITY_PAUSED = "CommunityPaused";
  public static final String COMMUNITY_RESUMED = "CommunityResumed";
  public static final String COMMUNITY_CLOSED = "CommunityClosed";

  // the exit gate of every stage: inputs of stage-exit-criteria.dmn
  public static final String ACTIVATOR_APPOINTED = "activatorAppointed";
  public static final String PATHWAY_DOCUMENTED = "pathwayDocumented";
  public static final String PROTOTYPE_SIZE = "prototypeSize";
  public static final String NEW_CONTRIBUTORS_IN_PATHWAY = "newContributorsInPathway";
  public static final String ACTIVE_CONTRIBUTORS = "activeContributors";
  public static final String ACTIVE_AT_STAGE_ENTRY = "activeAtStageEntry";
  public static final String NEW_CORE_MEMBERS = "newCoreMembers";
  public static final String CASE_STUDY_DELIVERED = "caseStudyDelivered";
  // ... its outputs
  public static final String EXIT_CRITERIA_MET = "exitCriteriaMet";
  public static final String EXIT_CRITERIA_SUMMARY = "exitCriteriaSummary";
  // ... and the liaison's review
  public static final String STAGE_ENTERED_ON = "stageEnteredOn";
  public static final String EXIT_CRITERIA_MEASURED_ON = "exitCriteriaMeasuredOn";
  public static final String STAGE_EXIT_DECISION = "stageExitDecision";
  public static final String STAGE_EXIT_REASON = "stageExitReason";
  public static final String STAGE_EXIT_DECIDED_BY = "stageExitDecidedBy";
  public static final String SUSTAINING_REVIEW_INTERVAL = "sustainingReviewInterval";
  public static final String ADVANCE = "advance";
  public static final String HOLD = "hold";

  // Milestones whose acceptance a gate reads: a renamed milestone key must be renamed here too.
  static final String COMMITMENT_MILESTONE = "commitToCbtPartner";
  static final String PATHWAY_MILESTONE = "buildPathway";
  static final String CASE_STUDY_MILESTONE = "keepMomentum";

  // change-community-status
  public static final String STATUS_CHANGE = "statusChange";
  public static final String STATUS_CHANGE_REASON = "statusChangeReason";

  private LifecycleVariables() {}
}
