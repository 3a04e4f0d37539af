package org.communitylifecycle.alumni;

import static org.communitylifecycle.alumni.AlumniVariables.*;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
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
    long cohortId = ((Number) execution.getVariable(COHORT_ID)).longValue();
    execution.setVariable(CONTACTABLE_ALUMNI, directory.contactable(cohortId).size());
  }

  /**
   * Create listener of "Organise reunion": the contacts, one per line, as a variable of this
   * task only. It goes with the task and never reaches history.
   */
  public void showContacts(DelegateTask task) {
    long cohortId = ((Number) task.getVariable(COHORT_ID)).longValue();
    List<Alumnus> contacts = directory.contactable(cohortId);
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
    task.setVariableLocal(REUNION_CONTACTS, lines.toString().strip());
    task.setVariable(CONTACTABLE_ALUMNI, contacts.size());
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
    String decision = text(task, REUNION_DECISION);
    if (DECISION_PLANNED.equals(decision)) {
      String format = text(task, REUNION_FORMAT);
      if (format == null || !FORMATS.contains(format)) {
        throw new InvalidInputException("Choose how the reunion meets (reunionFormat): online-call or in-person");
      }
      LocalDate day = futureDay(task.getVariable(REUNION_DATE));
      // The catch-up is recorded once the reunion's day is over.
      task.setVariable(REUNION_ON, Date.from(day.plusDays(1).atStartOfDay(ZoneId.systemDefault()).toInstant()));
      task.setVariable(REUNION_PLAN, ("online-call".equals(format) ? "an online catch-up call" : "an in-person reunion")
          + " on " + DAY.format(day));
      task.removeVariable(SKIP_REASON);
    } else if (DECISION_SKIPPED.equals(decision)) {
      String reason = text(task, SKIP_REASON);
      if (reason == null) {
        throw new InvalidInputException("Say why there is no reunion this time (skipReason)");
      }
      requireLength(SKIP_REASON, reason);
    } else {
      throw new InvalidInputException(
          "reunionDecision must be 'planned' or 'skipped', got '" + task.getVariable(REUNION_DECISION) + "'");
    }
  }

  /** Completion of "Record catch-up": held (with how many came) or cancelled, and notes. */
  public void recorded(DelegateTask task) {
    String outcome = text(task, CATCH_UP_OUTCOME);
    if (outcome == null || !OUTCOMES.contains(outcome)) {
      throw new InvalidInputException("catchUpOutcome must be 'held' or 'cancelled', got '" + task.getVariable(CATCH_UP_OUTCOME) + "'");
    }
    if ("held".equals(outcome)) {
      Object count = task.getVariable(ATTENDEE_COUNT);
      if (!(count instanceof Number number) || number.doubleValue() < 0 || number.doubleValue() != Math.floor(number.doubleValue())) {
        throw new InvalidInputException("Give how many alumni took part (attendeeCount) as a whole number, 0 or more");
      }
      task.setVariable(ATTENDEE_COUNT, number.intValue());
    } else {
      task.removeVariable(ATTENDEE_COUNT);
    }
    String notes = text(task, CATCH_UP_NOTES);
    if (notes != null) {
      requireLength(CATCH_UP_NOTES, notes);
    }
  }

  private static LocalDate futureDay(Object value) {
    if (value == null || value.toString().isBlank()) {
      throw new InvalidInputException("Give the reunion's date (reunionDate)");
    }
    LocalDate date;
    if (value instanceof Date given) {
      date = LocalDate.ofInstant(given.toInstant(), ZoneId.systemDefault());
    } else {
      String text = value.toString().strip();
      try {
        date = LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
      } catch (DateTimeParseException e) {
        throw new InvalidInputException("reunionDate must be a date such as 2026-12-05, got '" + text + "'");
      }
    }
    LocalDate today = LocalDate.ofInstant(AppClock.now(), ZoneId.systemDefault());
    if (date.isBefore(today)) {
      throw new InvalidInputException("The reunion's date " + date + " has passed; give a date from today on");
    }
    return date;
  }

  private static void requireLength(String variable, String text) {
    if (text.length() > MAX_TEXT) {
      throw new InvalidInputException(variable + " is too long: at most " + MAX_TEXT + " characters, got " + text.length());
    }
  }

  private static String text(DelegateTask task, String name) {
    Object value = task.getVariable(name);
    return value == null || value.toString().isBlank() ? null : value.toString().strip();
  }
}
