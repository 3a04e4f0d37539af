package org.communitylifecycle.mentoring;

import static org.communitylifecycle.mentoring.MentoringCohortContract.MENTEES;
import static org.communitylifecycle.mentoring.MentoringCohortContract.MENTORS;
import static org.communitylifecycle.mentoring.MentoringCohortContract.RUNG_APPROVER;
import static org.communitylifecycle.mentoring.MentoringCohortContract.RUNG_REVIEWER;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
// runWithoutAuthorization has no public API: the checks must read users the starting mentor may not.
import org.camunda.bpm.engine.impl.context.Context;
import org.communitylifecycle.community.CommunitySlug;
import org.communitylifecycle.engine.AppClock;
import org.communitylifecycle.engine.InvalidInputException;
import org.communitylifecycle.identity.Groups;
import org.communitylifecycle.identity.Teams;
import org.springframework.stereotype.Component;

/**
 * Forms a cohort from the start form: checks its name, goal, people, start and duration against
 * the limits in {@link MentoringProperties}, keys the instance by the slug of the name, and
 * assigns the mentees to the mentors in turn. Also gives the model the cohort's mentees, each
 * mentee's mentor, and the cohort's team of mentors, the audience of its tasks.
 */
@Component("cohortFormation")
public class CohortFormation {

  private static final int MAX_NAME = 120;

  private final MentoringProperties properties;
  private final MentoringRecords records;

  public CohortFormation(MentoringProperties properties, MentoringRecords records) {
    this.properties = properties;
    this.records = records;
  }

  /** Start listener: checks the start form and fills in the cohort's schedule. */
  public void form(DelegateExecution execution) {
    MentoringCohortContract cohort = MentoringCohortContract.of(execution);
    String name = checkedName(cohort.cohortName());
    String key = keyOf(name);
    String rung = checkedRung(cohort.goalRung());
    List<String> mentors = distinct(cohort.mentors(), MENTORS);
    List<String> mentees = distinct(cohort.mentees(), MENTEES);
    checkPeople(mentors, mentees);
    Schedule schedule = schedule(cohort.startDate(), cohort.plannedDuration());
    checkNewCohort(execution, key, name, mentors, mentees);

    execution.setProcessBusinessKey(key);
    // The cohort's mentors see and act on its work; a mentee sees only the updates assigned to them.
    String mentorTeam = Teams.ensure(execution.getProcessEngineServices().getIdentityService(),
        Teams.Kind.MENTORS, key, name, mentors);
    cohort.formed(new MentoringCohortContract.Formed(name, key, rung, mentors, mentees, schedule.start(),
        schedule.duration(), schedule.startsAt(), schedule.endsAt(), properties.standupInterval(),
        properties.missedStandupsBeforeFollowUp(), CohortMentors.currentUser(execution.getProcessEngineServices()),
        mentorTeam));
  }

  /** When a cohort runs: from the start of its start day for its planned duration. */
  private record Schedule(LocalDate start, IsoPeriod duration, ZonedDateTime startsAt, ZonedDateTime endsAt) {}

  private static String checkedName(String name) {
    if (name == null) {
      throw new InvalidInputException("Give the cohort a name (cohortName)");
    }
    if (name.length() > MAX_NAME) {
      throw new InvalidInputException("The cohort name is longer than " + MAX_NAME + " characters");
    }
    return name;
  }

  private static String keyOf(String name) {
    String key = CommunitySlug.of(name);
    if (key.isEmpty()) {
      throw new InvalidInputException("The cohort name '" + name + "' needs at least one letter or digit to make its key");
    }
    return key;
  }

  private static String checkedRung(String rung) {
    if (!RUNG_REVIEWER.equals(rung) && !RUNG_APPROVER.equals(rung)) {
      throw new InvalidInputException(
          "Choose the rung the cohort aims at (goalRung): 'reviewer' (member to reviewer) or 'approver'"
              + " (reviewer to approver), got '" + rung + "'");
    }
    return rung;
  }

  /** A start today or later, and a planned duration within the limits of {@link MentoringProperties}. */
  private Schedule schedule(LocalDate start, String durationText) {
    LocalDate today = AppClock.today();
    if (start.isBefore(today)) {
      throw new InvalidInputException("The start date " + start + " is in the past; a cohort starts today (" + today + ") or later");
    }
    IsoPeriod duration = IsoPeriod.parse(durationText);
    if (duration == null || !duration.isPositive()) {
      throw new InvalidInputException(
          "Give the planned duration (plannedDuration) as an ISO-8601 period such as P3M or P10W, got '" + durationText + "'");
    }
    ZonedDateTime startsAt = start.atStartOfDay(AppClock.zone());
    ZonedDateTime endsAt = duration.addTo(startsAt);
    ZonedDateTime earliestEnd = properties.shortest().addTo(startsAt);
    ZonedDateTime latestEnd = properties.longest().addTo(startsAt);
    if (endsAt.isBefore(earliestEnd) || endsAt.isAfter(latestEnd)) {
      throw new InvalidInputException(
          "A cohort runs from " + properties.minDuration() + " to " + properties.maxDuration() + ": starting on " + start
              + " it ends between " + earliestEnd.toLocalDate() + " and " + latestEnd.toLocalDate() + ", but "
              + duration + " ends on " + endsAt.toLocalDate());
    }
    return new Schedule(start, duration, startsAt, endsAt);
  }

  /** The people are users in the right groups, and no cohort of this key runs or has run. */
  private void checkNewCohort(DelegateExecution execution, String key, String name, List<String> mentors,
      List<String> mentees) {
    Context.getCommandContext().runWithoutAuthorization(() -> {
      // The starting mentor may not read other users or instances; these checks are the engine's own.
      IdentityService identity = execution.getProcessEngineServices().getIdentityService();
      mentors.forEach(id -> requireMember(identity, id, "mentor", Groups.MENTORS));
      mentees.forEach(id -> requireMember(identity, id, "mentee", Groups.MENTEES));
      long running = execution.getProcessEngineServices().getRuntimeService().createProcessInstanceQuery()
          .processDefinitionKey(MentoringCohortContract.PROCESS_KEY).processInstanceBusinessKey(key).count();
      if (running > 0) {
        throw new InvalidInputException("The cohort '" + key + "' is already running; open its instance instead");
      }
      return null;
    });
    if (records.statusOf(key).filter(MentoringRecords.COMPLETED::equals).isPresent()) {
      throw new InvalidInputException(
          "A cohort '" + key + "' has already run; its report is kept under that key, so give the new cohort"
              + " another name, such as '" + name + " 2'");
    }
  }

  /** Service task: records the cohort and assigns each mentee a mentor, in turn. */
  public void enrol(DelegateExecution execution) {
    MentoringCohortContract cohort = MentoringCohortContract.of(execution);
    String key = cohort.cohortKey();
    List<String> mentors = cohort.mentors();
    List<String> mentees = cohort.mentees();
    List<MentoringRecords.Enrolment> enrolments = new ArrayList<>();
    for (int i = 0; i < mentees.size(); i++) {
      enrolments.add(new MentoringRecords.Enrolment(mentees.get(i), mentors.get(i % mentors.size())));
    }
    // A cohort that was cancelled, or whose instance was removed, leaves its name free again.
    records.forget(key);
    records.form(
        new MentoringRecords.NewCohort(key, cohort.cohortName(), cohort.goalRung(), mentors, cohort.startDate(),
            cohort.endDate(), cohort.plannedDuration(), execution.getProcessInstanceId(), cohort.formedBy(),
            AppClock.now()),
        enrolments);
    cohort.setMenteeMentors(
        enrolments.stream().map(e -> e.mentee() + " (" + e.mentor() + ")").collect(Collectors.joining(", ")));
  }

  /** The cohort's mentees, in the order they were named: the collection of the multi-instance steps. */
  public List<String> mentees(DelegateExecution execution) {
    return MentoringCohortContract.of(execution).mentees();
  }

  /** The mentor a mentee was assigned when the cohort was formed. */
  public String mentorOf(DelegateExecution execution, String mentee) {
    String key = MentoringCohortContract.of(execution).cohortKey();
    return records.mentorOf(key, mentee)
        .orElseThrow(() -> new IllegalStateException("'" + mentee + "' is not enrolled in cohort '" + key + "'"));
  }

  private void checkPeople(List<String> mentors, List<String> mentees) {
    if (mentors.isEmpty()) {
      throw new InvalidInputException("Name at least one mentor by user id (mentors), separated by commas");
    }
    if (mentees.isEmpty()) {
      throw new InvalidInputException("Name the mentees by user id (mentees), separated by commas");
    }
    Set<String> both = new LinkedHashSet<>(mentors);
    both.retainAll(mentees);
    if (!both.isEmpty()) {
      throw new InvalidInputException(
          "'" + both.iterator().next() + "' cannot be both a mentor and a mentee of the same cohort");
    }
    if (mentees.size() > properties.maxMentees()) {
      throw new InvalidInputException(
          "A cohort has at most " + properties.maxMentees() + " mentees; " + mentees.size() + " were named");
    }
    int needed = (mentees.size() + properties.menteesPerMentor() - 1) / properties.menteesPerMentor();
    if (mentors.size() < needed) {
      throw new InvalidInputException(
          "A cohort needs one mentor for every " + properties.menteesPerMentor() + " mentees: " + mentees.size()
              + " mentees need " + needed + " mentors, but " + mentors.size() + " were named");
    }
  }

  private static void requireMember(IdentityService identity, String userId, String role, String group) {
    if (identity.createUserQuery().userId(userId).count() == 0) {
      throw new InvalidInputException("The " + role + " '" + userId + "' is not a known user");
    }
    if (identity.createUserQuery().userId(userId).memberOfGroup(group).count() == 0) {
      throw new InvalidInputException("The " + role + " '" + userId + "' is not in the group '" + group + "'");
    }
  }

  /** User ids as named in the start form; each may be named once. */
  private static List<String> distinct(List<String> ids, String field) {
    Set<String> seen = new LinkedHashSet<>();
    for (String id : ids) {
      if (!seen.add(id)) {
        throw new InvalidInputException("'" + id + "' is named twice in " + field);
      }
    }
    return ids;
  }
}
