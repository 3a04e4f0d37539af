package org.communitylifecycle.community;

/** Variables every stage process holds about its community. */
public final class CommunityVariables {

  public static final String COMMUNITY_NAME = "communityName";
  public static final String COMMUNITY_KEY = "communityKey";
  public static final String ACTIVATOR = "activator";
  public static final String LIAISON = "liaison";
  /** The group of the community's activators ({@link org.communitylifecycle.identity.Teams}): who may deliver. */
  public static final String ACTIVATOR_TEAM = "activatorTeam";
  /** The group of the community's liaisons: who may review, follow up and decide at a stage gate. */
  public static final String LIAISON_TEAM = "liaisonTeam";
  public static final String STAGE_REVIEW_INTERVAL = "stageReviewInterval";
  /** The stage's process key, such as {@code scaling}. */
  public static final String STAGE = "stage";
  /** The stage's name as its process names it, such as "Scaling". */
  public static final String STAGE_NAME = "stageName";
  /** When the community entered the stage (a date-time). */
  public static final String STAGE_ENTERED_AT = "stageEnteredAt";

  private CommunityVariables() {}
}
