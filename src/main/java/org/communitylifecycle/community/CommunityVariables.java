package org.communitylifecycle.community;

/** Variables every stage process holds about its community. */
public final class CommunityVariables {

  public static final String COMMUNITY_NAME = "communityName";
  public static final String COMMUNITY_KEY = "communityKey";
  public static final String ACTIVATOR = "activator";
  public static final String LIAISON = "liaison";
  public static final String STAGE_REVIEW_INTERVAL = "stageReviewInterval";

  private CommunityVariables() {}
}
