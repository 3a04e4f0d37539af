package org.communitylifecycle.contributor;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the contributor CSV format: a header row naming the columns, then one row per
 * contribution or role (or a contributor alone). Fields may be quoted with double quotes, a quote
 * inside doubled; a field may not span lines. This step only reads text and dates; what the
 * values mean is checked by {@link ContributorService}.
 */
final class ContributorCsv {

  static final String HANDLE = "handle";
  static final String NAME = "name";
  static final String JOINED_ON = "joined_on";
  static final String ACTIVITY_DATE = "activity_date";
  static final String ACTIVITY_KIND = "activity_kind";
  static final String ACTIVITY_REFERENCE = "activity_reference";
  static final String ROLE = "role";
  static final String ROLE_FROM = "role_from";
  static final String ROLE_TO = "role_to";
  static final List<String> COLUMNS =
      List.of(HANDLE, NAME, JOINED_ON, ACTIVITY_DATE, ACTIVITY_KIND, ACTIVITY_REFERENCE, ROLE, ROLE_FROM, ROLE_TO);

  /** The rows that could be read, and what was wrong with the others. */
  record Parsed(List<ContributorRecord> records, List<ContributorProblem> problems) {}

  private ContributorCsv() {}

  static Parsed parse(String text, int maxRows) {
    List<ContributorRecord> records = new ArrayList<>();
    List<ContributorProblem> problems = new ArrayList<>();
    String[] lines = (text == null ? "" : text.replace("\uFEFF", "")).split("\r\n|\n|\r", -1);
    int header = firstNonBlank(lines);
    if (header < 0) {
      problems.add(new ContributorProblem(1, null,
          "The file is empty: it needs a header row such as " + String.join(",", COLUMNS)));
      return new Parsed(records, problems);
    }
    Header columns = header(lines[header], header + 1, problems);
    if (!problems.isEmpty()) {
      return new Parsed(records, problems);
    }
    int rows = 0;
    for (int i = header + 1; i < lines.length; i++) {
      int line = i + 1;
      if (lines[i].isBlank()) {
        continue;
      }
      ContributorRules.Place place = new ContributorRules.Place(line, problems);
      List<String> fields = fields(lines[i], line, problems);
      if (fields == null) {
        continue;
      }
      if (fields.stream().allMatch(String::isBlank)) {
        continue;
      }
      if (++rows > maxRows) {
        problems.add(new ContributorProblem(line, null,
            "The file has more than " + maxRows + " rows; split it into smaller files"));
        break;
      }
      if (fields.size() != columns.width()) {
        place.add(null, "The row has " + fields.size() + " fields, the header has " + columns.width()
            + (fields.size() > columns.width() ? "; quote fields that contain a comma" : ""));
        continue;
      }
      int before = problems.size();
      // A row whose dates cannot be read is reported for that alone; its values mean nothing yet.
      ContributorRecord record = new ContributorRecord(
          line,
          text(fields, columns, HANDLE),
          text(fields, columns, NAME),
          date(fields, columns, JOINED_ON, place),
          date(fields, columns, ACTIVITY_DATE, place),
          text(fields, columns, ACTIVITY_KIND),
          text(fields, columns, ACTIVITY_REFERENCE),
          text(fields, columns, ROLE),
          date(fields, columns, ROLE_FROM, place),
          date(fields, columns, ROLE_TO, place));
      if (problems.size() == before) {
        records.add(record);
      }
    }
    return new Parsed(records, problems);
  }

  private static int firstNonBlank(String[] lines) {
    for (int i = 0; i < lines.length; i++) {
      if (!lines[i].isBlank()) {
        return i;
      }
    }
    return -1;
  }

  /** Where each column is, and how many fields a row has. */
  private record Header(Map<String, Integer> index, int width) {}

  private static Header header(String text, int line, List<ContributorProblem> problems) {
    Map<String, Integer> columns = new HashMap<>();
    List<String> names = fields(text, line, problems);
    if (names == null) {
      return new Header(columns, 0);
    }
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i).trim().toLowerCase(Locale.ROOT);
      if (!COLUMNS.contains(name)) {
        problems.add(new ContributorProblem(line, name,
            "Unknown column '" + names.get(i).trim() + "' in the header; the columns are " + String.join(",", COLUMNS)));
      } else if (columns.putIfAbsent(name, i) != null) {
        problems.add(new ContributorProblem(line, name, "The column '" + name + "' appears twice in the header"));
      }
    }
    if (!columns.containsKey(HANDLE)) {
      problems.add(new ContributorProblem(line, HANDLE,
          "The header has no column 'handle'; it needs one, for example " + String.join(",", COLUMNS)));
    }
    return new Header(columns, names.size());
  }

  /** The fields of one line, or null (with a problem) when a quote is not closed. */
  static List<String> fields(String text, int line, List<ContributorProblem> problems) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"' && field.toString().isBlank()) {
        field.setLength(0);
        quoted = true;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    if (quoted) {
      problems.add(new ContributorProblem(line, null, "A quoted field is not closed; a field may not span lines"));
      return null;
    }
    fields.add(field.toString());
    return fields;
  }

  private static String text(List<String> fields, Header columns, String column) {
    Integer index = columns.index().get(column);
    return index == null ? null : ContributorRules.blankToNull(fields.get(index));
  }

  private static LocalDate date(List<String> fields, Header columns, String column,
      ContributorRules.Place place) {
    return ContributorRules.date(text(fields, columns, column), column, place);
  }
}
