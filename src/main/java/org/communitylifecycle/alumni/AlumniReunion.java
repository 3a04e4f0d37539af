package org.communitylifecycle.alumni;

import static org.communitylifecycle.alumni.AlumniNetworkContract.CATCH_UP_NOTES;
import static org.communitylifecycle.alumni.AlumniNetworkContract.DECISION_PLANNED;
import static org.communitylifecycle.alumni.AlumniNetworkContract.DECISION_SKIPPED;
import static org.communitylifecycle.alumni.AlumniNetworkContract.SKIP_REASON;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.communitylifecycle.engine.AppClock;
import org.communitylifecycle.alumni.AlumniDirectory.Alumnus;
import org.communitylifecycle.engine.InvalidInputException;
import org.springframework.stereotype.Component;

/** The reunion some months after a residency, with the alumni who agreed to be contacted. */
@Component("alumniReunion")
public class AlumniReunion {

  static final Set<String> FORMATS = Set.of("online-call", "in-person");
  static final Set<String> OUTCOMES = Set.of("held", "cancelled");
  static final int MAX_TEXT = 4000;
  static final int MAX_UP_TO_SHOWN = 60;
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);

  private final AlumniDirectory directory;

  public AlumniReunion(AlumniDirectory directory) {
    this.directory = directory;
  }

  /** How many of the cohort's alumni agreed to be contacted; the count, not who. */
  public void gather(DelegateExecution execution) {
    AlumniNetworkContract contract = AlumniNetworkContract.of(execution);
    contract.contactableAlumni(directory.contactable(contract.cohortId()).size());
  }

  /**
   * Create listener of "Organise reunion": the contacts, one per line, as a variable of this
   * task only. It goes with the task and never reaches history.
   */
  public void showContacts(DelegateTask task) {
    AlumniNetworkContract contract = AlumniNetworkContract.of(task);
    List<Alumnus> contacts = directory.contactable(contract.cohortId());
    StringBuilder lines = new StringBuilder();
    int shown = 0;
    for (Alumnus alumnus : contacts) {
      String line = alumnus.name() + " <" + alumnus.email() + ">" + upTo(alumnus.upTo());
      // Within the engine's 4000 characters, which the cohort's list of links already respected.
      if (lines.length() + line.length() + 60 > AlumniInvitations.MAX_TEXT) {
        lines.append("… and ").append(contacts.size() - shown).append(" more who did not fit here");
        break;
      }
      lines.append(line).append('\n');
      shown++;
    }
    contract.reunionContacts(lines.toString().strip());
    contract.contactableAlumni(contacts.size());
  }

  /** What an alumnus is up to, short enough for one line of the list. */
  private static String upTo(String upTo) {
    if (upTo == null || upTo.isBlank()) {
      return "";
    }
    String oneLine = upTo.replaceAll("\\s+", " ").strip();
    return ": " + (oneLine.length() > MAX_UP_TO_SHOWN ? oneLine.substring(0, MAX_UP_TO_SHOWN - 1) + "…" : oneLine);
  }

  /** Completion of "Organise reunion": planned for a date, or skipped with a reason. */
  public void organised(DelegateTask task) {
    AlumniNetworkContract contract = AlumniNetworkContract.of(task);
    String decision = contract.reunionDecision();
    if (DECISION_PLANNED.equals(decision)) {
      String format = contract.reunionFormat();
      if (format == null || !FORMATS.contains(format)) {
        throw new InvalidInputException("Choose how the reunion meets (reunionFormat): online-call or in-person");
      }
      LocalDate day = notPast(contract.reunionDate());
      // The catch-up is recorded once the reunion's day is over.
      contract.reunionPlanned(Date.from(day.plusDays(1).atStartOfDay(AppClock.zone()).toInstant()),
          ("online-call".equals(format) ? "an online catch-up call" : "an in-person reunion") + " on " + DAY.format(day));
    } else if (DECISION_SKIPPED.equals(decision)) {
      String reason = contract.skipReason();
      if (reason == null) {
        throw new InvalidInputException("Say why there is no reunion this time (skipReason)");
      }
      requireLength(SKIP_REASON, reason);
    } else {
      throw new InvalidInputException("reunionDecision must be 'planned' or 'skipped', got '" + decision + "'");
    }
  }

  /** Completion of "Record catch-up": held (with how many came) or cancelled, and notes. */
  public void recorded(DelegateTask task) {
    AlumniNetworkContract contract = AlumniNetworkContract.of(task);
    String outcome = contract.catchUpOutcome();
    if (outcome == null || !OUTCOMES.contains(outcome)) {
      throw new InvalidInputException("catchUpOutcome must be 'held' or 'cancelled', got '" + outcome + "'");
    }
    if ("held".equals(outcome)) {
      Number number = contract.attendeeCount();
      if (number == null || number.doubleValue() < 0 || number.doubleValue() != Math.floor(number.doubleValue())) {
        throw new InvalidInputException("Give how many alumni took part (attendeeCount) as a whole number, 0 or more");
      }
      contract.attendeeCount(number.intValue());
    } else {
      contract.forgetAttendeeCount();
    }
    String notes = contract.catchUpNotes();
    if (notes != null) {
      requireLength(CATCH_UP_NOTES, notes);
    }
  }

  private static LocalDate notPast(LocalDate date) {
    if (date.isBefore(AppClock.today())) {
      throw new InvalidInputException("The reunion's date " + date + " has passed; give a date from today on");
    }
    return date;
  }

  private static void requireLength(String variable, String text) {
    if (text.length() > MAX_TEXT) {
      throw new InvalidInputException(variable + " is too long: at most " + MAX_TEXT + " characters, got " + text.length());
    }
  }
}
