package org.communitylifecycle.mentoring;

import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.communitylifecycle.engine.AppClock;
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
    MentoringCohortContract cohort = MentoringCohortContract.of(execution);
    int week = cohort.currentStandupWeek() + 1;
    List<String> mentors = cohort.mentors();
    String facilitator = mentors.get((week - 1) % mentors.size());
    Date opensAt = cohort.nextStandupAt();
    Date endsAt = cohort.cohortEndsAt();
    ZonedDateTime startsAt = cohort.cohortStartsAt().toInstant().atZone(AppClock.zone());
    // Counted from the cohort's start rather than from the last standup, so monthly rhythms do not drift.
    Date next = Date.from(cohort.standupInterval().addTo(startsAt, week).toInstant());
    Date closesAt = next.before(endsAt) ? next : endsAt;

    records.openStandup(cohort.cohortKey(), week, facilitator, opensAt.toInstant(), closesAt.toInstant());
    cohort.standupOpened(week, facilitator, closesAt, next);
  }

  /** Completion of "Facilitate standup". */
  public void facilitated(DelegateTask task) {
    CohortMentors.require(task, "facilitate its standups");
    MentoringCohortContract cohort = MentoringCohortContract.of(task);
    cohort.setStandupSummary(required(cohort.standupSummary(), MentoringCohortContract.STANDUP_SUMMARY,
        "Summarise the standup (standupSummary): themes, blockers, help offered"));
    records.standupFacilitated(cohort.cohortKey(), cohort.standupWeek(), actor(task), AppClock.now());
  }

  /** Completion of "Post standup update": the mentee's accomplishments and challenges. */
  public void updatePosted(DelegateTask task) {
    MentoringCohortContract cohort = MentoringCohortContract.of(task);
    String mentee = cohort.mentee();
    String actor = CohortMentors.currentUser(task.getProcessEngineServices());
    if (actor != null && !actor.equals(mentee)) {
      throw new InvalidInputException("Only " + mentee + " can post their own standup update");
    }
    cohort.setAccomplishments(required(cohort.accomplishments(), MentoringCohortContract.ACCOMPLISHMENTS,
        "Say what you accomplished since the last standup (accomplishments)"));
    cohort.setChallenges(required(cohort.challenges(), MentoringCohortContract.CHALLENGES,
        "Say what challenges you (challenges); write 'none' if nothing does"));
    records.recordUpdate(cohort.cohortKey(), cohort.standupWeek(), mentee, MentoringRecords.POSTED, AppClock.now());
  }

  /**
   * Service task when the next standup started before the mentee posted: records the miss and
   * whether the run of misses calls for a follow-up (every {@code missedStandupsBeforeFollowUp} in a row).
   */
  public void missed(DelegateExecution execution) {
    MentoringCohortContract cohort = MentoringCohortContract.of(execution);
    String key = cohort.cohortKey();
    String mentee = cohort.mentee();
    int week = cohort.standupWeek();
    records.recordUpdate(key, week, mentee, MentoringRecords.MISSED, AppClock.now());
    int inARow = records.missedInARow(key, mentee, week);
    cohort.missed(inARow, inARow % cohort.missedStandupsBeforeFollowUp() == 0);
  }

  /** Completion of "Follow up missed standups". */
  public void followedUp(DelegateTask task) {
    CohortMentors.require(task, "follow up its mentees");
    MentoringCohortContract cohort = MentoringCohortContract.of(task);
    cohort.setFollowUpNote(required(cohort.followUpNote(), MentoringCohortContract.FOLLOW_UP_NOTE,
        "Say how you followed up with " + cohort.mentee() + " (followUpNote)"));
    records.followedUp(cohort.cohortKey(), cohort.mentee());
  }

  /** Text a form must hold, within what a text variable keeps. */
  private static String required(String text, String field, String message) {
    if (text == null) {
      throw new InvalidInputException(message);
    }
    if (text.length() > MAX_TEXT) {
      throw new InvalidInputException(field + " is longer than " + MAX_TEXT + " characters; shorten it");
    }
    return text;
  }

  private static String actor(DelegateTask task) {
    String user = CohortMentors.currentUser(task.getProcessEngineServices());
    return user != null ? user : task.getAssignee();
  }
}
