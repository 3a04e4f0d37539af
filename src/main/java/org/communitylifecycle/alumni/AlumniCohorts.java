package org.communitylifecycle.alumni;

import static org.communitylifecycle.alumni.AlumniVariables.*;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.communitylifecycle.engine.AppClock;
import org.communitylifecycle.community.CommunitySlug;
import org.communitylifecycle.engine.InvalidInputException;
import org.communitylifecycle.identity.Teams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A residency cohort entering and leaving the alumni network. The start form's roster goes
 * straight into the app's tables; the process keeps the cohort's id.
 */
@Component("alumniCohorts")
public class AlumniCohorts {

  /** Path segments of the public pages that no hub may take as its key. */
  static final Set<String> RESERVED_HUB_KEYS = Set.of("feedback", "withdraw", "static", "assets");
  /** A typo guard: nobody plans the end of a residency this far ahead. */
  static final int MAX_YEARS_AHEAD = 2;

  private static final Logger log = LoggerFactory.getLogger(AlumniCohorts.class);

  private final AlumniDirectory directory;
  private final AlumniProperties properties;
  private final AlumniInvitations invitations;

  public AlumniCohorts(AlumniDirectory directory, AlumniProperties properties, AlumniInvitations invitations) {
    this.directory = directory;
    this.properties = properties;
    this.invitations = invitations;
  }

  /**
   * Start listener: checks the start form, stores the residents, keys the instance by hub and
   * cohort, and makes the host who opened it the cohort's team of hosts.
   */
  public void open(DelegateExecution execution) {
    String hubName = requireName(execution, HUB_NAME, "the hub's name");
    String cohortName = requireName(execution, COHORT_NAME, "the cohort's name");
    String hubKey = CommunitySlug.of(hubName);
    String cohortKey = CommunitySlug.of(cohortName);
    if (hubKey.isEmpty() || cohortKey.isEmpty()) {
      throw new InvalidInputException("The hub's and the cohort's names need at least one letter or digit");
    }
    if (RESERVED_HUB_KEYS.contains(hubKey)) {
      throw new InvalidInputException("'" + hubName + "' cannot be a hub's name: the alumni pages use it; choose another");
    }
    LocalDate end = date(execution.getVariable(RESIDENCY_END_DATE));
    List<Resident> residents = ResidentRoster.parse(execution.getVariable(RESIDENTS));
    int links = invitations.linksLength(residents);
    if (links > AlumniInvitations.MAX_TEXT) {
      int fit = Math.max(1, (int) ((long) residents.size() * AlumniInvitations.MAX_TEXT / links));
      throw new InvalidInputException("Residents: the links for " + residents.size() + " residents would not fit in the host's task ("
          + links + " of at most " + AlumniInvitations.MAX_TEXT + " characters); split them into cohorts of about " + fit);
    }

    Date now = AppClock.date();
    ZoneId zone = ZoneId.systemDefault();
    // Invitations go out the day after the last day of residency.
    Date invitationsDue = Date.from(end.plusDays(1).atStartOfDay(zone).toInstant());
    Date reunionDue = AlumniProperties.after(properties.reunionAfter(), invitationsDue);
    if (reunionDue.before(now)) {
      throw new InvalidInputException(
          "The residency ended on " + end + ", longer ago than the reunion period (" + properties.reunionAfter()
              + "): the alumni network starts with recent cohorts, not every past resident");
    }
    if (end.isAfter(LocalDate.ofInstant(now.toInstant(), zone).plusYears(MAX_YEARS_AHEAD))) {
      throw new InvalidInputException(
          "The residency end date " + end + " is more than " + MAX_YEARS_AHEAD + " years away; check the year");
    }
    directory.cohort(hubKey, cohortKey).ifPresent(existing -> {
      throw new InvalidInputException(
          "The cohort '" + cohortName + "' of " + hubName + " is already in the alumni network; give this cohort another name");
    });

    long cohortId = directory.createCohort(hubKey, hubName, cohortKey, cohortName, end,
        execution.getProcessInstanceId(), residents, now.toInstant());
    // The roster is in the app's tables now; the process keeps no names or emails.
    execution.removeVariable(RESIDENTS);
    execution.setProcessBusinessKey(hubKey + "/" + cohortKey);
    execution.setVariable(HUB_NAME, hubName);
    execution.setVariable(HUB_KEY, hubKey);
    execution.setVariable(COHORT_NAME, cohortName);
    execution.setVariable(COHORT_KEY, cohortKey);
    execution.setVariable(COHORT_ID, cohortId);
    execution.setVariable(RESIDENCY_END_DATE, end.toString());
    execution.setVariable(RESIDENT_COUNT, residents.size());
    String host = startedBy(execution);
    execution.setVariable(HUB_HOST, host);
    execution.setVariable(HOST_TEAM, Teams.ensure(execution.getProcessEngineServices().getIdentityService(),
        Teams.Kind.HUB_HOSTS, teamKey(hubKey, cohortKey), cohortName + " (" + hubName + ")", Stream.ofNullable(host).toList()));
    execution.setVariable(INVITATION_VALID_FOR, properties.invitationValidFor());
    execution.setVariable(REUNION_AFTER, properties.reunionAfter());
    execution.setVariable(INVITATIONS_DUE_AT, invitationsDue);
    execution.setVariable(REUNION_DUE_AT, reunionDue);
  }

  /**
   * The key of a cohort's team: its hub's and its own slug, as in the business key, joined by a
   * double dash (which no slug contains) since a group id has no slash.
   */
  static String teamKey(String hubKey, String cohortKey) {
    return hubKey + "--" + cohortKey;
  }

  /**
   * End listener of the process, also when it is cancelled: no invitation keeps a name or email
   * after its cohort's process, and pending links stop working.
   */
  public void close(DelegateExecution execution) {
    Object cohortId = execution.getVariable(COHORT_ID);
    if (cohortId instanceof Number id) {
      int forgotten = directory.closeCohort(id.longValue());
      if (forgotten > 0) {
        log.info("Cohort {} closed: {} invitations forgot who they were for", id, forgotten);
      }
    }
  }

  /** Create listener: the task's name says which cohort of which hub it is about. */
  public void name(DelegateTask task) {
    task.setName(task.getName() + ": " + task.getVariable(COHORT_NAME) + " (" + task.getVariable(HUB_NAME) + ")");
  }

  private static String startedBy(DelegateExecution execution) {
    Authentication authentication = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return authentication == null ? null : authentication.getUserId();
  }

  private static String requireName(DelegateExecution execution, String variable, String what) {
    Object value = execution.getVariable(variable);
    String name = value == null ? "" : value.toString().replaceAll("\\s+", " ").strip();
    if (name.isEmpty()) {
      throw new InvalidInputException("Give " + what + " (" + variable + ")");
    }
    if (name.length() > 120) {
      throw new InvalidInputException(
          "Shorten " + what + " (" + variable + ") to at most 120 characters; it has " + name.length());
    }
    return name;
  }

  static LocalDate date(Object value) {
    if (value instanceof Date date) {
      return LocalDate.ofInstant(date.toInstant(), ZoneId.systemDefault());
    }
    if (value == null || value.toString().isBlank()) {
      throw new InvalidInputException("Give the last day of the residency (" + RESIDENCY_END_DATE + ")");
    }
    String text = value.toString().strip();
    try {
      // A date-time from the REST API counts by its date.
      return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(
          RESIDENCY_END_DATE + " must be a date such as 2026-06-30, got '" + text + "'");
    }
  }
}
