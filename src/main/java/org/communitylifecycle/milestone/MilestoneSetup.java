package org.communitylifecycle.milestone;

import static org.communitylifecycle.milestone.MilestoneVariables.*;

import java.time.Duration;
import java.util.Date;
import org.communitylifecycle.engine.InvalidInputException;
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
    String key = requireText(execution, MILESTONE_KEY);
    requireText(execution, MILESTONE_NAME);
    requireText(execution, DELIVERABLE);
    requireText(execution, RESPONSIBLE_GROUP);
    requireText(execution, SUPPORT_GROUP);
    Object community = execution.getVariable(COMMUNITY_NAME);
    if (community == null || community.toString().isBlank()) {
      // Task names show the community; a milestone started on its own shows its key instead.
      String businessKey = execution.getProcessBusinessKey();
      execution.setVariable(COMMUNITY_NAME, businessKey != null ? businessKey : "no community");
    }

    MilestoneProperties.Stall stall = properties.stallFor(key);
    period(execution, DELIVER_STALL_PERIOD, stall.deliver());
    period(execution, REVIEW_STALL_PERIOD, stall.review());
    period(execution, STILL_STALLED_PERIOD, stall.stillStalled());

    execution.setVariable(MILESTONE_OUTCOME, OUTCOME_OPEN);
    execution.setVariable(REVIEW_ROUNDS, 0);
    execution.setVariable(ESCALATION_COUNT, 0);
    execution.setVariable(TIME_WITH_RESPONSIBLE, Duration.ZERO.toString());
    execution.setVariable(TIME_WAITING_ON_SUPPORT, Duration.ZERO.toString());
  }

  /** The due date of a step that starts now and stalls after the given period. */
  public Date dueAfter(String period) {
    Date now = AppClock.date();
    Date due = new Date(now.getTime());
    MilestoneProperties.requireDuration("stall period", period).addTo(due);
    return due;
  }

  private static void period(DelegateExecution execution, String name, String fallback) {
    Object given = execution.getVariable(name);
    if (given == null || given.toString().isBlank()) {
      execution.setVariable(name, fallback);
      return;
    }
    try {
      MilestoneProperties.requireDuration(name, given.toString());
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(e.getMessage());
    }
  }

  private static String requireText(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    if (value == null || value.toString().isBlank()) {
      throw new InvalidInputException(
          "A milestone needs the input variable '" + name + "'; the calling stage did not pass it");
    }
    return value.toString();
  }
}
