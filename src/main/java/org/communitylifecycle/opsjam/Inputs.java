package org.communitylifecycle.opsjam;

import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineServices;
// The engine hands out the current authentication only as this impl type; there is no public one.
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.communitylifecycle.engine.AppClock;
import org.communitylifecycle.engine.InvalidInputException;
import org.communitylifecycle.engine.VariableValues;

/** Checking what people typed: text within limits, days, and who is acting. */
final class Inputs {

  static final int TITLE_LENGTH = 200;
  static final int TEXT_LENGTH = 4000;
  static final int NAME_LENGTH = 120;

  private Inputs() {}

  /** Text that must be there, at most {@code max} characters; the field is named in the message. */
  static String required(String value, String field, String label, int max) {
    if (value == null) {
      throw new InvalidInputException(label + " (" + field + ")");
    }
    return within(value, label, max);
  }

  /** Text that may be missing, at most {@code max} characters. */
  static String within(String value, String label, int max) {
    if (value != null && value.length() > max) {
      throw new InvalidInputException(label + ": at most " + max + " characters, got " + value.length());
    }
    return value;
  }

  /** A day from a form (2026-03-10, or a date-time whose day counts), or null when none was given. */
  static LocalDate day(Object value, String label) {
    try {
      return VariableValues.day(value, label);
    } catch (InvalidInputException e) {
      throw new InvalidInputException(
          label + " must be a date such as 2026-03-10, got '" + VariableValues.text(value) + "'");
    }
  }

  static Date startOf(LocalDate day) {
    return Date.from(day.atStartOfDay(AppClock.zone()).toInstant());
  }

  /** The authenticated user, or the fallback when the engine runs without one (jobs, seeding). */
  static String actor(ProcessEngineServices services, String fallback) {
    String user = currentUser(services.getIdentityService());
    return user != null ? user : fallback;
  }

  /** The authenticated user, or null when there is none. */
  static String currentUser(IdentityService identity) {
    Authentication authentication = identity.getCurrentAuthentication();
    return authentication == null ? null : authentication.getUserId();
  }
}
