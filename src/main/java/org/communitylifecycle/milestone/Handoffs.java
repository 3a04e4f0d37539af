package org.communitylifecycle.milestone;

import static org.communitylifecycle.milestone.MilestoneContract.DECISION_ACCEPT;
import static org.communitylifecycle.milestone.MilestoneContract.DECISION_REQUEST_CHANGES;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import org.communitylifecycle.engine.InvalidInputException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.communitylifecycle.engine.AppClock;
import org.springframework.stereotype.Component;

/**
 * Records each handoff between the responsible and the support role: what was handed over, by
 * whom, and how long the step held the milestone. The engine's task history keeps who and when;
 * this keeps the running totals the milestone returns to its stage.
 */
@Component("handoffs")
public class Handoffs {

  /** Completion of Deliver: the deliverable goes to support for review. */
  public void delivered(DelegateTask task) {
    MilestoneContract milestone = MilestoneContract.of(task);
    String url = milestone.deliverableUrl();
    if (url == null) {
      throw new InvalidInputException("Give the link to the deliverable (deliverableUrl)");
    }
    requireWebLink(url);
    if (milestone.deliverableSummary() == null) {
      throw new InvalidInputException("Summarise the deliverable (deliverableSummary)");
    }
    milestone.delivered(milestone.delegatedTo(), Actor.current(task.getProcessEngineServices(), task.getAssignee()),
        timeSinceCreation(task));
  }

  /** Completion of Review: accepted, or back to the responsible with a comment. */
  public void reviewed(DelegateTask task) {
    MilestoneContract milestone = MilestoneContract.of(task);
    String decision = milestone.reviewDecision();
    if (!DECISION_ACCEPT.equals(decision) && !DECISION_REQUEST_CHANGES.equals(decision)) {
      throw new InvalidInputException(
          "reviewDecision must be 'accept' or 'request-changes', got '" + decision + "'");
    }
    if (DECISION_REQUEST_CHANGES.equals(decision) && milestone.reviewComment() == null) {
      throw new InvalidInputException("Say what should change (reviewComment) when requesting changes");
    }
    String acceptedBy = DECISION_ACCEPT.equals(decision)
        ? Actor.current(task.getProcessEngineServices(), task.getAssignee()) : null;
    milestone.reviewed(acceptedBy, timeSinceCreation(task));
  }

  /** Creation of a follow-up or escalation task for a stalled step. */
  public void escalated(DelegateTask task) {
    MilestoneContract.of(task).escalated();
  }

  private static Duration timeSinceCreation(DelegateTask task) {
    return Duration.ofMillis(AppClock.now().toEpochMilli() - task.getCreateTime().getTime());
  }

  private static void requireWebLink(String url) {
    if (!isWebLink(url)) {
      throw new InvalidInputException(
          "Link to the deliverable: give a web address such as https://wiki.example.org/page; '" + url + "' is not one");
    }
  }

  /**
   * Whether the (trimmed) text is a web address: http or https, with a host. The deliver form's
   * pattern (forms/milestone-deliver.form) lets through everything this accepts.
   */
  static boolean isWebLink(String url) {
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme();
      // The authority rather than the host: java.net.URI finds no host in names such as team_wiki.example.org.
      return ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))
          && uri.getRawAuthority() != null && !uri.getRawAuthority().isBlank();
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
