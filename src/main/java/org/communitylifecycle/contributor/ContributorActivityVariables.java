package org.communitylifecycle.contributor;

/** Variables of processes/record-contributor-activity.bpmn, as its start form names them. */
public final class ContributorActivityVariables {

  public static final String COMMUNITY_KEY = "communityKey";
  public static final String HANDLE = "handle";
  public static final String NAME = "contributorName";
  public static final String JOINED_ON = "joinedOn";
  public static final String ACTIVITY_DATE = "activityDate";
  public static final String ACTIVITY_KIND = "activityKind";
  public static final String ACTIVITY_REFERENCE = "activityReference";
  public static final String ROLE = "role";

  /** Written by the recording: the tier today before and after, and whether it changed. */
  public static final String PREVIOUS_TIER = "previousTier";
  public static final String CONTRIBUTOR_TIER = "contributorTier";
  public static final String TIER_CHANGED = "tierChanged";
  public static final String CONTRIBUTOR_ADDED = "contributorAdded";

  private ContributorActivityVariables() {}
}
