package org.communitylifecycle.mentoring;

import static org.communitylifecycle.mentoring.CohortVariables.*;

import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.communitylifecycle.engine.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * The weekly standups: opens each week's standup with the mentor whose turn it is to facilitate
 * (the mentors take turns in the order they were named), records every mentee's update as posted
 * or missed, and says when a run of missed updates calls for the mentor to follow up.
 */
@Component("standups")
public class Standups {

  private static final int MAX_TEXT = 4000;

  private final MentoringRecords records;

  public Standups(MentoringRecords records) {
    this.records = records;
  }

  /**
   * Service task when a standup is due: the next week's number, its facilitator, when its updates
   * close (at the next standup, or at the cohort's end), and when the next standup is due.
   * Raising the week closes the previous week's open updates as missed (their boundary events wait for it).
   */
  public void open(DelegateExecution execution) {
    int week = number(execution.getVariable(CURRENT_STANDUP_WEEK)) + 1;
    List<String> mentors = CohortFormation.split((String) execution.getVariable(MENTORS));
    String facilitator = mentors.get((week - 1) % mentors.size());
    Date opensAt = (Date) execution.getVariable(NEXT_STANDUP_AT);
    Date endsAt = (Date) execution.getVariable(COHORT_ENDS_AT);
    ZonedDateTime startsAt = ((Date) execution.getVariable(COHORT_STARTS_AT)).toInstant().atZone(CohortFormation.zone());
    IsoPeriod interval = IsoPeriod.parse((String) execution.getVariable(STANDUP_INTERVAL));
    // Counted from the cohort's start rather than from the last standup, so monthly rhythms do not drift.
    Date next = Date.from(interval.addTo(startsAt, week).toInstant());
    Date closesAt = next.before(endsAt) ? next : endsAt;

    records.openStandup((String) execution.getVariable(COHORT_KEY), week, facilitator, opensAt.toInstant(), closesAt.toInstant());
    execution.setVariable(CURRENT_FACILITATOR, facilitator);
    execution.setVariable(CURRENT_STANDUP_CLOSES_AT, closesAt);
    execution.setVariable(NEXT_STANDUP_AT, next);
    execution.setVariable(CURRENT_STANDUP_WEEK, week);
  }

  /** Completion of "Facilitate standup". */
  public void facilitated(DelegateTask task) {
    CohortMentors.require(task, "facilitate its standups");
    String summary = requireText(task, STANDUP_SUMMARY,
        "Summarise the standup (standupSummary): themes, blockers, help offered");
    task.setVariable(STANDUP_SUMMARY, summary);
    records.standupFacilitated(key(task), number(task.getVariable(STANDUP_WEEK)), actor(task), CohortFormation.now());
  }

  /** Completion of "Post standup update": the mentee's accomplishments and challenges. */
  public void updatePosted(DelegateTask task) {
    String mentee = (String) task.getVariable(MENTEE);
    String actor = currentUser(task);
    if (actor != null && !actor.equals(mentee)) {
      throw new InvalidInputException("Only " + mentee + " can post their own standup update");
    }
    task.setVariable(ACCOMPLISHMENTS,
        requireText(task, ACCOMPLISHMENTS, "Say what you accomplished since the last standup (accomplishments)"));
    task.setVariable(CHALLENGES,
        requireText(task, CHALLENGES, "Say what challenges you (challenges); write 'none' if nothing does"));
    records.recordUpdate(key(task), number(task.getVariable(STANDUP_WEEK)), mentee, MentoringRecords.POSTED,
        CohortFormation.now());
  }

  /**
   * Service task when the next standup started before the mentee posted: records the miss and
   * whether the run of misses calls for a follow-up (every {@code missedStandupsBeforeFollowUp} in a row).
   */
  public void missed(DelegateExecution execution) {
    String key = key(execution);
    String mentee = (String) execution.getVariable(MENTEE);
    int week = number(execution.getVariable(STANDUP_WEEK));
    records.recordUpdate(key, week, mentee, MentoringRecords.MISSED, CohortFormation.now());
    int inARow = records.missedInARow(key, mentee, week);
    int limit = number(execution.getVariable(MISSED_STANDUPS_BEFORE_FOLLOW_UP));
    execution.setVariableLocal(MISSED_IN_A_ROW, inARow);
    execution.setVariableLocal(FOLLOW_UP_DUE, inARow % limit == 0);
  }

  /** Completion of "Follow up missed standups". */
  public void followedUp(DelegateTask task) {
    CohortMentors.require(task, "follow up its mentees");
    task.setVariable(FOLLOW_UP_NOTE,
        requireText(task, FOLLOW_UP_NOTE, "Say how you followed up with " + task.getVariable(MENTEE) + " (followUpNote)"));
    records.followedUp(key(task), (String) task.getVariable(MENTEE));
  }

  private static String requireText(VariableScope scope, String name, String message) {
    Object value = scope.getVariable(name);
    if (value == null || value.toString().isBlank()) {
      throw new InvalidInputException(message);
    }
    String text = value.toString().trim();
    if (text.length() > MAX_TEXT) {
      throw new InvalidInputException(name + " is longer than " + MAX_TEXT + " characters; shorten it");
    }
    return text;
  }

  private static String key(VariableScope scope) {
    return (String) scope.getVariable(COHORT_KEY);
  }

  private static String actor(DelegateTask task) {
    String user = currentUser(task);
    return user != null ? user : task.getAssignee();
  }

  private static String currentUser(DelegateTask task) {
    Authentication authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return authentication == null ? null : authentication.getUserId();
  }

  static int number(Object value) {
    return value instanceof Number n ? n.intValue() : 0;
  }
}
