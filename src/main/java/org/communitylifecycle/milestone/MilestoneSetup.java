package org.communitylifecycle.milestone;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.communitylifecycle.engine.AppClock;
import org.springframework.stereotype.Component;

/** Checks a milestone's inputs when it starts, and fills in its stall periods and counters. */
@Component("milestoneSetup")
public class MilestoneSetup {

  private final MilestoneProperties properties;

  public MilestoneSetup(MilestoneProperties properties) {
    this.properties = properties;
  }

  /** Start listener of the milestone process. */
  public void start(DelegateExecution execution) {
    MilestoneContract milestone = MilestoneContract.of(execution);
    milestone.requireInputs(execution.getProcessBusinessKey());
    milestone.startStallPeriods(properties.stallFor(milestone.key()));
    milestone.startCounters();
  }

  /** The due date of a step that starts now and stalls after the given period. */
  public Date dueAfter(String period) {
    Date now = AppClock.date();
    Date due = new Date(now.getTime());
    MilestoneProperties.requireDuration("stall period", period).addTo(due);
    return due;
  }
}
