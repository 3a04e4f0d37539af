package org.communitylifecycle.mentoring;

import static org.communitylifecycle.mentoring.CohortVariables.*;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.communitylifecycle.engine.AppClock;
import org.communitylifecycle.community.CommunitySlug;
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
    String name = text(execution.getVariable(COHORT_NAME));
    if (name == null) {
      throw new InvalidInputException("Give the cohort a name (cohortName)");
    }
    if (name.length() > MAX_NAME) {
      throw new InvalidInputException("The cohort name is longer than " + MAX_NAME + " characters");
    }
    String key = CommunitySlug.of(name);
    if (key.isEmpty()) {
      throw new InvalidInputException("The cohort name '" + name + "' needs at least one letter or digit to make its key");
    }
    String rung = text(execution.getVariable(GOAL_RUNG));
    if (!RUNG_REVIEWER.equals(rung) && !RUNG_APPROVER.equals(rung)) {
      throw new InvalidInputException(
          "Choose the rung the cohort aims at (goalRung): 'reviewer' (member to reviewer) or 'approver'"
              + " (reviewer to approver), got '" + rung + "'");
    }
    List<String> mentors = ids(execution.getVariable(MENTORS), MENTORS);
    List<String> mentees = ids(execution.getVariable(MENTEES), MENTEES);
    checkPeople(mentors, mentees);

    LocalDate today = LocalDate.ofInstant(AppClock.now(), zone());
    LocalDate start = date(execution.getVariable(START_DATE));
    if (start.isBefore(today)) {
      throw new InvalidInputException("The start date " + start + " is in the past; a cohort starts today (" + today + ") or later");
    }
    String durationText = text(execution.getVariable(PLANNED_DURATION));
    IsoPeriod duration = IsoPeriod.parse(durationText);
    if (duration == null || !duration.isPositive()) {
      throw new InvalidInputException(
          "Give the planned duration (plannedDuration) as an ISO-8601 period such as P3M or P10W, got '" + durationText + "'");
    }
    ZonedDateTime startsAt = start.atStartOfDay(zone());
    ZonedDateTime endsAt = duration.addTo(startsAt);
    ZonedDateTime earliestEnd = properties.shortest().addTo(startsAt);
    ZonedDateTime latestEnd = properties.longest().addTo(startsAt);
    if (endsAt.isBefore(earliestEnd) || endsAt.isAfter(latestEnd)) {
      throw new InvalidInputException(
          "A cohort runs from " + properties.minDuration() + " to " + properties.maxDuration() + ": starting on " + start
              + " it ends between " + earliestEnd.toLocalDate() + " and " + latestEnd.toLocalDate() + ", but "
              + duration + " ends on " + endsAt.toLocalDate());
    }

    String processKey = CohortVariables.PROCESS_KEY;
    Context.getCommandContext().runWithoutAuthorization(() -> {
      // The starting mentor may not read other users or instances; these checks are the engine's own.
      IdentityService identity = execution.getProcessEngineServices().getIdentityService();
      mentors.forEach(id -> requireMember(identity, id, "mentor", Groups.MENTORS));
      mentees.forEach(id -> requireMember(identity, id, "mentee", Groups.MENTEES));
      long running = execution.getProcessEngineServices().getRuntimeService().createProcessInstanceQuery()
          .processDefinitionKey(processKey).processInstanceBusinessKey(key).count();
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

    execution.setProcessBusinessKey(key);
    execution.setVariable(COHORT_NAME, name);
    execution.setVariable(COHORT_KEY, key);
    execution.setVariable(GOAL_RUNG, rung);
    execution.setVariable(MENTORS, String.join(",", mentors));
    execution.setVariable(MENTEES, String.join(",", mentees));
    execution.setVariable(START_DATE, start.toString());
    execution.setVariable(PLANNED_DURATION, duration.text());
    execution.setVariable(END_DATE, endsAt.toLocalDate().toString());
    execution.setVariable(COHORT_STARTS_AT, Date.from(startsAt.toInstant()));
    execution.setVariable(COHORT_ENDS_AT, Date.from(endsAt.toInstant()));
    execution.setVariable(STANDUP_INTERVAL, properties.standupInterval());
    execution.setVariable(MISSED_STANDUPS_BEFORE_FOLLOW_UP, properties.missedStandupsBeforeFollowUp());
    execution.setVariable(CURRENT_STANDUP_WEEK, 0);
    execution.setVariable(NEXT_STANDUP_AT, Date.from(startsAt.toInstant()));
    execution.setVariable(FORMED_BY, currentUser(execution));
    // The cohort's mentors see and act on its work; a mentee sees only the updates assigned to them.
    execution.setVariable(MENTOR_TEAM, Teams.ensure(execution.getProcessEngineServices().getIdentityService(),
        Teams.Kind.MENTORS, key, name, mentors));
  }

  /** Service task: records the cohort and assigns each mentee a mentor, in turn. */
  public void enrol(DelegateExecution execution) {
    String key = (String) execution.getVariable(COHORT_KEY);
    List<String> mentors = split((String) execution.getVariable(MENTORS));
    List<String> mentees = split((String) execution.getVariable(MENTEES));
    List<MentoringRecords.Enrolment> enrolments = new ArrayList<>();
    for (int i = 0; i < mentees.size(); i++) {
      enrolments.add(new MentoringRecords.Enrolment(mentees.get(i), mentors.get(i % mentors.size())));
    }
    // A cohort that was cancelled, or whose instance was removed, leaves its name free again.
    records.forget(key);
    records.form(
        new MentoringRecords.NewCohort(key, (String) execution.getVariable(COHORT_NAME),
            (String) execution.getVariable(GOAL_RUNG), mentors,
            LocalDate.parse((String) execution.getVariable(START_DATE)),
            LocalDate.parse((String) execution.getVariable(END_DATE)),
            (String) execution.getVariable(PLANNED_DURATION), execution.getProcessInstanceId(),
            (String) execution.getVariable(FORMED_BY), AppClock.now()),
        enrolments);
    execution.setVariable(MENTEE_MENTORS,
        enrolments.stream().map(e -> e.mentee() + " (" + e.mentor() + ")").collect(Collectors.joining(", ")));
  }

  /** The cohort's mentees, in the order they were named: the collection of the multi-instance steps. */
  public List<String> mentees(DelegateExecution execution) {
    return split((String) execution.getVariable(MENTEES));
  }

  /** The mentor a mentee was assigned when the cohort was formed. */
  public String mentorOf(DelegateExecution execution, String mentee) {
    String key = (String) execution.getVariable(COHORT_KEY);
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

  /** User ids from a comma-separated list; each may be named once. */
  private static List<String> ids(Object value, String field) {
    List<String> ids = split(value == null ? null : value.toString());
    Set<String> seen = new LinkedHashSet<>();
    for (String id : ids) {
      if (!seen.add(id)) {
        throw new InvalidInputException("'" + id + "' is named twice in " + field);
      }
    }
    return ids;
  }

  static List<String> split(String value) {
    if (value == null || value.isBlank()) {
      return List.of();
    }
    return Arrays.stream(value.split("[,;\\s]+")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  private static LocalDate date(Object value) {
    if (value instanceof Date date) {
      return LocalDate.ofInstant(date.toInstant(), zone());
    }
    String text = text(value);
    if (text == null) {
      throw new InvalidInputException("Give the start date (startDate), such as 2026-03-02");
    }
    try {
      // Tasklist's date field sends the day alone; a REST client may send a full timestamp.
      return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    } catch (DateTimeParseException e) {
      throw new InvalidInputException("The start date (startDate) must be a date such as 2026-03-02, got '" + text + "'");
    }
  }

  private static String currentUser(DelegateExecution execution) {
    Authentication authentication =
        execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return authentication == null ? null : authentication.getUserId();
  }

  static ZoneId zone() {
    return ZoneId.systemDefault();
  }

  static Instant now() {
    return AppClock.now();
  }

  private static String text(Object value) {
    return value == null || value.toString().isBlank() ? null : value.toString().trim();
  }
}
