package org.communitylifecycle.growth;

import static org.communitylifecycle.growth.GrowthStageVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Decides whether the growth stage has met its measure of success. */
@Component("growthMeasureOfSuccess")
public class GrowthMeasureOfSuccess {

  private final NewContributorCount newContributors;
  private final GrowthProperties properties;

  public GrowthMeasureOfSuccess(NewContributorCount newContributors, GrowthProperties properties) {
    this.newContributors = newContributors;
    this.properties = properties;
  }

  /** Start listener: the target the stage-exit review shows. */
  public void prepare(DelegateExecution execution) {
    execution.setVariable(NEW_CONTRIBUTOR_TARGET, properties.newContributorTarget());
  }

  /** After the stage-exit review: counts new contributors and compares with the target. */
  public void assess(DelegateExecution execution) {
    long count = newContributors.count(execution);
    execution.setVariable(NEW_CONTRIBUTORS_IN_PATHWAY, count);
    execution.setVariable(NEW_CONTRIBUTOR_TARGET, properties.newContributorTarget());
    execution.setVariable(MEASURE_OF_SUCCESS_MET, count > properties.newContributorTarget());
  }
}
