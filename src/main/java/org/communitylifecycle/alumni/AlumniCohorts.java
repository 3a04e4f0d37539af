package org.communitylifecycle.alumni;

import static org.communitylifecycle.alumni.AlumniNetworkContract.COHORT_NAME;
import static org.communitylifecycle.alumni.AlumniNetworkContract.HUB_NAME;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
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
    AlumniNetworkContract contract = AlumniNetworkContract.of(execution);
    String hubName = requireName(contract.hubName(), HUB_NAME, "the hub's name");
    String cohortName = requireName(contract.cohortName(), COHORT_NAME, "the cohort's name");
    String hubKey = CommunitySlug.of(hubName);
    String cohortKey = CommunitySlug.of(cohortName);
    requireKeys(hubName, hubKey, cohortKey);
    LocalDate end = contract.residencyEndDate();
    List<Resident> residents = ResidentRoster.parse(contract.residents());
    requireLinksFit(residents);

    Date now = AppClock.date();
    // Invitations go out the day after the last day of residency.
    Date invitationsDue = Date.from(end.plusDays(1).atStartOfDay(AppClock.zone()).toInstant());
    Date reunionDue = AlumniProperties.after(properties.reunionAfter(), invitationsDue);
    requireRecentEnd(end, reunionDue, now);
    directory.cohort(hubKey, cohortKey).ifPresent(existing -> {
      throw new InvalidInputException(
          "The cohort '" + cohortName + "' of " + hubName + " is already in the alumni network; give this cohort another name");
    });

    long cohortId = directory.createCohort(hubKey, hubName, cohortKey, cohortName, end,
        execution.getProcessInstanceId(), residents, now.toInstant());
    // The roster is in the app's tables now; the process keeps no names or emails.
    contract.forgetResidents();
    execution.setProcessBusinessKey(hubKey + "/" + cohortKey);
    String host = startedBy(execution);
    String hostTeam = Teams.ensure(execution.getProcessEngineServices().getIdentityService(),
        Teams.Kind.HUB_HOSTS, teamKey(hubKey, cohortKey), cohortName + " (" + hubName + ")", Stream.ofNullable(host).toList());
    contract.opened(new AlumniNetworkContract.OpenedCohort(hubName, hubKey, cohortName, cohortKey, cohortId, end,
        residents.size(), host, hostTeam, properties.invitationValidFor(), properties.reunionAfter(), invitationsDue,
        reunionDue));
  }

  private static void requireKeys(String hubName, String hubKey, String cohortKey) {
    if (hubKey.isEmpty() || cohortKey.isEmpty()) {
      throw new InvalidInputException("The hub's and the cohort's names need at least one letter or digit");
    }
    if (RESERVED_HUB_KEYS.contains(hubKey)) {
      throw new InvalidInputException("'" + hubName + "' cannot be a hub's name: the alumni pages use it; choose another");
    }
  }

  /** The host's task shows every resident's link: the list must fit in one variable. */
  private void requireLinksFit(List<Resident> residents) {
    int links = invitations.linksLength(residents);
    if (links > AlumniInvitations.MAX_TEXT) {
      int fit = Math.max(1, (int) ((long) residents.size() * AlumniInvitations.MAX_TEXT / links));
      throw new InvalidInputException("Residents: the links for " + residents.size() + " residents would not fit in the host's task ("
          + links + " of at most " + AlumniInvitations.MAX_TEXT + " characters); split them into cohorts of about " + fit);
    }
  }

  private void requireRecentEnd(LocalDate end, Date reunionDue, Date now) {
    if (reunionDue.before(now)) {
      throw new InvalidInputException(
          "The residency ended on " + end + ", longer ago than the reunion period (" + properties.reunionAfter()
              + "): the alumni network starts with recent cohorts, not every past resident");
    }
    if (end.isAfter(LocalDate.ofInstant(now.toInstant(), AppClock.zone()).plusYears(MAX_YEARS_AHEAD))) {
      throw new InvalidInputException(
          "The residency end date " + end + " is more than " + MAX_YEARS_AHEAD + " years away; check the year");
    }
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
    Long cohortId = AlumniNetworkContract.of(execution).cohortIdIfOpened();
    if (cohortId != null) {
      int forgotten = directory.closeCohort(cohortId);
      if (forgotten > 0) {
        log.info("Cohort {} closed: {} invitations forgot who they were for", cohortId, forgotten);
      }
    }
  }

  /** Create listener: the task's name says which cohort of which hub it is about. */
  public void name(DelegateTask task) {
    AlumniNetworkContract contract = AlumniNetworkContract.of(task);
    task.setName(task.getName() + ": " + contract.cohortName() + " (" + contract.hubName() + ")");
  }

  private static String startedBy(DelegateExecution execution) {
    // The engine's Authentication type is in engine.impl; IdentityService is the public way to it.
    var authentication = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return authentication == null ? null : authentication.getUserId();
  }

  private static String requireName(String given, String variable, String what) {
    String name = given == null ? "" : given.replaceAll("\\s+", " ").strip();
    if (name.isEmpty()) {
      throw new InvalidInputException("Give " + what + " (" + variable + ")");
    }
    if (name.length() > 120) {
      throw new InvalidInputException(
          "Shorten " + what + " (" + variable + ") to at most 120 characters; it has " + name.length());
    }
    return name;
  }
}
