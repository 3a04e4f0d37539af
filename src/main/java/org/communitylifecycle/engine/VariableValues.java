package org.communitylifecycle.engine;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * How the contracts read the values that forms, REST callers and models put into variables:
 * Tasklist sends text for a date and may send a number as a long or a double, a blank field
 * counts as absent.
 */
public final class VariableValues {

  private VariableValues() {}

  /** The trimmed text of a value, or null when it is absent or blank. */
  public static String text(Object value) {
    return value == null || value.toString().isBlank() ? null : value.toString().strip();
  }

  /** The trimmed text of a variable, or null when it is absent or blank. */
  public static String text(VariableScope scope, String name) {
    return text(scope.getVariable(name));
  }

  /** The trimmed text of a variable, or an {@link InvalidInputException} with the message given. */
  public static String requireText(VariableScope scope, String name, String message) {
    String text = text(scope, name);
    if (text == null) {
      throw new InvalidInputException(message);
    }
    return text;
  }

  /** A whole number, or 0 when the variable is absent or not a number. */
  public static int number(VariableScope scope, String name) {
    return scope.getVariable(name) instanceof Number n ? n.intValue() : 0;
  }

  /** A whole number, or null when the variable is absent or not a number. */
  public static Integer numberOrNull(VariableScope scope, String name) {
    return scope.getVariable(name) instanceof Number n ? n.intValue() : null;
  }

  /**
   * A day: a typed date (REST), a {@link LocalDate}, or text such as 2026-03-02 (Tasklist's date
   * field); null when absent or blank.
   *
   * @param what the field as the person who fills it knows it, for the message when it is not a day
   */
  public static LocalDate day(Object value, String what) {
    if (value instanceof Date date) {
      return LocalDate.ofInstant(date.toInstant(), AppClock.zone());
    }
    if (value instanceof LocalDate date) {
      return date;
    }
    String text = text(value);
    if (text == null) {
      return null;
    }
    try {
      return LocalDate.parse(text.length() > 10 && text.charAt(10) == 'T' ? text.substring(0, 10) : text);
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(what + ": give a date such as 2026-03-02, got '" + text + "'");
    }
  }
}
