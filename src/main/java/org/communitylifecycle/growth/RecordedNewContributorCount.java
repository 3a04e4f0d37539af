package org.communitylifecycle.growth;

import org.communitylifecycle.engine.InvalidInputException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The count the liaison recorded in the stage-exit review. Until contributor data is kept by the
 * application, the liaison's figure is the measure.
 */
@Component
class RecordedNewContributorCount implements NewContributorCount {

  @Override
  public long count(DelegateExecution execution) {
    Object value = execution.getVariable(GrowthStageVariables.NEW_CONTRIBUTORS_IN_PATHWAY);
    if (!(value instanceof Number number)) {
      throw new InvalidInputException(
          "Record the number of new contributors moving through the pathway (newContributorsInPathway), got '"
              + value + "'");
    }
    if (number.longValue() < 0) {
      throw new InvalidInputException("The number of new contributors cannot be negative, got " + number);
    }
    return number.longValue();
  }
}
