package org.communitylifecycle.milestone;

import static org.communitylifecycle.milestone.MilestoneVariables.*;

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
    String url = text(task, DELIVERABLE_URL);
    if (url == null) {
      throw new InvalidInputException("Give the link to the deliverable (deliverableUrl)");
    }
    requireWebLink(url);
    if (text(task, DELIVERABLE_SUMMARY) == null) {
      throw new InvalidInputException("Summarise the deliverable (deliverableSummary)");
    }
    String delegatedTo = text(task, DELEGATED_TO);
    if (delegatedTo == null) {
      task.removeVariable(DELEGATED_TO);
    } else {
      task.setVariable(DELEGATED_TO, delegatedTo);
    }
    addTimeSinceCreation(task, TIME_WITH_RESPONSIBLE);
    task.setVariable(DELIVERED_BY, Actor.current(task.getProcessEngineServices(), task.getAssignee()));
    // The previous round's review has been read; the history keeps it, the next review starts blank.
    task.removeVariable(REVIEW_DECISION);
    task.removeVariable(REVIEW_COMMENT);
  }

  /** Completion of Review: accepted, or back to the responsible with a comment. */
  public void reviewed(DelegateTask task) {
    String decision = text(task, REVIEW_DECISION);
    if (!DECISION_ACCEPT.equals(decision) && !DECISION_REQUEST_CHANGES.equals(decision)) {
      throw new InvalidInputException(
          "reviewDecision must be 'accept' or 'request-changes', got '" + decision + "'");
    }
    if (DECISION_REQUEST_CHANGES.equals(decision) && text(task, REVIEW_COMMENT) == null) {
      throw new InvalidInputException("Say what should change (reviewComment) when requesting changes");
    }
    task.setVariable(REVIEW_ROUNDS, number(task, REVIEW_ROUNDS) + 1);
    addTimeSinceCreation(task, TIME_WAITING_ON_SUPPORT);
    if (DECISION_ACCEPT.equals(decision)) {
      task.setVariable(ACCEPTED_BY, Actor.current(task.getProcessEngineServices(), task.getAssignee()));
      task.setVariable(MILESTONE_OUTCOME, OUTCOME_ACCEPTED);
    }
  }

  /** Creation of a follow-up or escalation task for a stalled step. */
  public void escalated(DelegateTask task) {
    task.setVariable(ESCALATION_COUNT, number(task, ESCALATION_COUNT) + 1);
  }

  private static void addTimeSinceCreation(DelegateTask task, String totalVariable) {
    Duration spent =
        Duration.ofMillis(AppClock.now().toEpochMilli() - task.getCreateTime().getTime());
    Object total = task.getVariable(totalVariable);
    Duration before = total == null ? Duration.ZERO : Duration.parse(total.toString());
    task.setVariable(totalVariable, before.plus(spent).toString());
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

  private static int number(DelegateTask task, String name) {
    Object value = task.getVariable(name);
    return value instanceof Number n ? n.intValue() : 0;
  }

  private static String text(DelegateTask task, String name) {
    Object value = task.getVariable(name);
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    return value.toString().trim();
  }
}
