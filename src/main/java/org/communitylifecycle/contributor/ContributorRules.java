package org.communitylifecycle.contributor;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The shape of contributor data, checked the same way whether it comes as JSON, a CSV row or a
 * Tasklist form. Each check adds a problem naming the field as the caller knows it, and returns
 * the cleaned value, or null when there is none or it is wrong.
 */
final class ContributorRules {

  static final int HANDLE_MAX = 64;
  static final int NAME_MAX = 120;
  static final int KIND_MAX = 32;
  static final int ROLE_MAX = 80;
  static final int REFERENCE_MAX = 200;

  private static final Pattern HANDLE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0," + (HANDLE_MAX - 1) + "}");
  private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9-]{0," + (KIND_MAX - 1) + "}");
  /** Path segments of the API next to the handles. */
  static final Set<String> RESERVED_HANDLES = Set.of("conversions", "import", "figures", "duplicates");

  /** Where a problem is reported: a CSV line, or none. */
  record Place(Integer line, List<ContributorProblem> problems) {
    void add(String field, String message) {
      problems.add(new ContributorProblem(line, field, message));
    }
  }

  private ContributorRules() {}

  static String handle(String raw, String field, Place place) {
    String value = blankToNull(raw);
    if (value == null) {
      place.add(field, field + " is missing: give the contributor's handle, for example kiki or jane.doe");
      return null;
    }
    if (!HANDLE.matcher(value).matches()) {
      place.add(field, field + " '" + value + "' is not a handle: use up to " + HANDLE_MAX
          + " letters, digits, '.', '_' or '-', starting with a letter or digit");
      return null;
    }
    if (RESERVED_HANDLES.contains(value.toLowerCase(Locale.ROOT))) {
      place.add(field, field + " '" + value + "' is reserved by the API; choose another handle");
      return null;
    }
    return value;
  }

  static String name(String raw, String field, Place place) {
    return atMost(NAME_MAX, blankToNull(raw), field, place);
  }

  static String kind(String raw, String field, Place place) {
    String value = blankToNull(raw);
    if (value == null) {
      place.add(field, field + " is missing: say what kind of contribution it was, for example code, docs, translation, support, event or review");
      return null;
    }
    String kind = value.toLowerCase(Locale.ROOT);
    if (!KIND.matcher(kind).matches()) {
      place.add(field, field + " '" + value + "' is not a kind: use one word of up to " + KIND_MAX
          + " letters, digits or '-', for example code, docs, translation, support, event or review");
      return null;
    }
    return kind;
  }

  static String role(String raw, String field, Place place) {
    String value = blankToNull(raw);
    if (value == null) {
      place.add(field, field + " is missing: name the leadership or ownership role, for example locale lead");
      return null;
    }
    return atMost(ROLE_MAX, value, field, place);
  }

  /** An optional reference (a link, a pull request, an event); empty when there is none. */
  static String reference(String raw, String field, Place place) {
    String value = blankToNull(raw);
    return value == null ? "" : atMost(REFERENCE_MAX, value, field, place);
  }

  /** The value, or null with a problem when it is longer than {@code max} characters; null stays null. */
  private static String atMost(int max, String value, String field, Place place) {
    if (value != null && value.length() > max) {
      place.add(field, field + " is longer than " + max + " characters");
      return null;
    }
    return value;
  }

  /** A date given as text, YYYY-MM-DD; null when blank (the caller decides whether it may be). */
  static LocalDate date(String raw, String field, Place place) {
    String value = blankToNull(raw);
    if (value == null) {
      return null;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      place.add(field, field + " '" + value + "' is not a date: use YYYY-MM-DD, for example 2026-03-02");
      return null;
    }
  }

  /** A date that must be there. */
  static LocalDate requiredDate(String raw, String field, String what, Place place) {
    if (blankToNull(raw) == null) {
      place.add(field, field + " is missing: give " + what + " as YYYY-MM-DD");
      return null;
    }
    return date(raw, field, place);
  }

  /** Days that have happened: contributions, joining, the start of a role. */
  static void notAfter(LocalDate date, LocalDate today, String field, Place place) {
    if (date != null && date.isAfter(today)) {
      place.add(field, field + " " + date + " is in the future; record what has happened, up to today (" + today + ")");
    }
  }

  static String blankToNull(String raw) {
    return raw == null || raw.isBlank() ? null : raw.trim();
  }

  /** The key handles are unique by: "Kiki" and "kiki" are one contributor. */
  static String handleKey(String handle) {
    return handle.toLowerCase(Locale.ROOT);
  }
}
