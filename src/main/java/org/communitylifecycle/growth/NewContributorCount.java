package org.communitylifecycle.growth;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/** How many new contributors are moving into or through a community's pathway. */
public interface NewContributorCount {

  /** The count for the community of this growth-stage execution. */
  long count(DelegateExecution execution);
}
