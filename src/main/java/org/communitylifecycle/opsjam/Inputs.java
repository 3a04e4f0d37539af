package org.communitylifecycle.opsjam;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.communitylifecycle.engine.AppClock;
import org.communitylifecycle.engine.InvalidInputException;

/** Reading what people typed: trimmed text within limits, days, and who is acting. */
final class Inputs {

  static final int TITLE_LENGTH = 200;
  static final int TEXT_LENGTH = 4000;
  static final int NAME_LENGTH = 120;

  private Inputs() {}

  /** Trimmed text, or null when the variable is missing or blank. */
  static String text(VariableScope scope, String name) {
    return text(scope.getVariable(name));
  }

  static String text(Object value) {
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    return value.toString().trim();
  }

  /** Text that must be there, at most {@code max} characters. */
  static String required(VariableScope scope, String name, String label, int max) {
    String value = text(scope, name);
    if (value == null) {
      throw new InvalidInputException(label + " (" + name + ")");
    }
    return within(value, label, max);
  }

  /** Text that may be missing, at most {@code max} characters. */
  static String optional(VariableScope scope, String name, String label, int max) {
    String value = text(scope, name);
    return value == null ? null : within(value, label, max);
  }

  static String within(String value, String label, int max) {
    if (value != null && value.length() > max) {
      throw new InvalidInputException(label + ": at most " + max + " characters, got " + value.length());
    }
    return value;
  }

  /** A day from a form (2026-03-10, or a date-time whose day counts), or null when none was given. */
  static LocalDate day(Object value, String label) {
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    if (value instanceof LocalDate day) {
      return day;
    }
    if (value instanceof Date date) {
      return LocalDate.ofInstant(date.toInstant(), ZoneId.systemDefault());
    }
    String text = value.toString().trim();
    try {
      return LocalDate.parse(text.length() > 10 && text.charAt(10) == 'T' ? text.substring(0, 10) : text);
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(label + " must be a date such as 2026-03-10, got '" + text + "'");
    }
  }

  /** Today by the engine's clock, which the tests move. */
  static LocalDate today() {
    return LocalDate.ofInstant(AppClock.now(), ZoneId.systemDefault());
  }

  static Date startOf(LocalDate day) {
    return Date.from(day.atStartOfDay(ZoneId.systemDefault()).toInstant());
  }

  /** The authenticated user, or the fallback when the engine runs without one (jobs, seeding). */
  static String actor(ProcessEngineServices services, String fallback) {
    Authentication authentication = services.getIdentityService().getCurrentAuthentication();
    if (authentication != null && authentication.getUserId() != null) {
      return authentication.getUserId();
    }
    return fallback;
  }
}
