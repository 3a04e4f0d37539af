package org.communitylifecycle.growth;

/** Variables of the growth stage process beyond those every stage has. */
public final class GrowthStageVariables {

  public static final String NEW_CONTRIBUTORS_IN_PATHWAY = "newContributorsInPathway";
  public static final String NEW_CONTRIBUTOR_TARGET = "newContributorTarget";
  public static final String MEASURE_OF_SUCCESS_MET = "measureOfSuccessMet";

  private GrowthStageVariables() {}
}
