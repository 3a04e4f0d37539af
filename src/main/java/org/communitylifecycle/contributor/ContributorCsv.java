package org.communitylifecycle.contributor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the contributor CSV format (Commons CSV): a header row naming the columns, then one row
 * per contribution or role (or a contributor alone). Fields may be quoted with double quotes, a
 * quote inside doubled; a quoted field may span lines. This step only reads text and dates; what
 * the values mean is checked by {@link ContributorService}.
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

  /** Spaces around a quoted field are allowed, as is text after its closing quote. */
  private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
      .setIgnoreSurroundingSpaces(true)
      .setTrailingData(true)
      .get();

  private ContributorCsv() {}

  static Parsed parse(String text, int maxRows) {
    List<ContributorRecord> records = new ArrayList<>();
    List<ContributorProblem> problems = new ArrayList<>();
    try (Rows rows = new Rows(text == null ? "" : text.replace("\uFEFF", ""), problems)) {
      Row header = rows.next();
      while (header != null && header.blankLine()) {
        header = rows.next();
      }
      if (header == null) {
        if (problems.isEmpty()) {
          problems.add(new ContributorProblem(1, null,
              "The file is empty: it needs a header row such as " + String.join(",", COLUMNS)));
        }
        return new Parsed(records, problems);
      }
      Header columns = header(header, problems);
      if (!problems.isEmpty()) {
        return new Parsed(records, problems);
      }
      int count = 0;
      for (Row row = rows.next(); row != null; row = rows.next()) {
        if (row.blank()) {
          continue;
        }
        if (++count > maxRows) {
          problems.add(new ContributorProblem(row.line(), null,
              "The file has more than " + maxRows + " rows; split it into smaller files"));
          break;
        }
        read(row, columns, problems).ifPresent(records::add);
      }
    }
    return new Parsed(records, problems);
  }

  /** One row as a record, or empty (with a problem) when it has the wrong width or a date that cannot be read. */
  private static Optional<ContributorRecord> read(Row row, Header columns, List<ContributorProblem> problems) {
    ContributorRules.Place place = new ContributorRules.Place(row.line(), problems);
    List<String> fields = row.fields();
    if (fields.size() != columns.width()) {
      place.add(null, "The row has " + fields.size() + " fields, the header has " + columns.width()
          + (fields.size() > columns.width() ? "; quote fields that contain a comma" : ""));
      return Optional.empty();
    }
    int before = problems.size();
    // A row whose dates cannot be read is reported for that alone; its values mean nothing yet.
    ContributorRecord record = new ContributorRecord(
        row.line(),
        column(fields, columns, HANDLE),
        column(fields, columns, NAME),
        dayColumn(fields, columns, JOINED_ON, place),
        dayColumn(fields, columns, ACTIVITY_DATE, place),
        column(fields, columns, ACTIVITY_KIND),
        column(fields, columns, ACTIVITY_REFERENCE),
        column(fields, columns, ROLE),
        dayColumn(fields, columns, ROLE_FROM, place),
        dayColumn(fields, columns, ROLE_TO, place));
    return problems.size() == before ? Optional.of(record) : Optional.empty();
  }

  /** One record of the file and the line it starts on. */
  private record Row(int line, List<String> fields) {
    boolean blank() {
      return fields.stream().allMatch(String::isBlank);
    }

    /** An empty or white line, as opposed to a row of empty fields. */
    boolean blankLine() {
      return fields.size() <= 1 && blank();
    }
  }

  /** The records of a file in order; a quoted field left open ends the reading with a problem. */
  private static final class Rows implements AutoCloseable {
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<ContributorProblem> problems;

    Rows(String text, List<ContributorProblem> problems) {
      try {
        this.parser = CSVParser.builder().setCharSequence(text).setFormat(FORMAT).get();
      } catch (IOException e) {
        throw new UncheckedIOException(e); // reading a string does not fail
      }
      this.records = parser.iterator();
      this.problems = problems;
    }

    /** The next record, or null at the end of the file or after a problem. */
    Row next() {
      int line = (int) parser.getCurrentLineNumber() + 1;
      try {
        return records.hasNext() ? new Row(line, records.next().toList()) : null;
      } catch (UncheckedIOException e) {
        problems.add(new ContributorProblem(line, null,
            "A quoted field is not closed: it runs to the end of the file; close it with a double quote"
                + " (a quote inside a quoted field is doubled)"));
        return null;
      }
    }

    @Override
    public void close() {
      try {
        parser.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Where each column is, and how many fields a row has. */
  private record Header(Map<String, Integer> index, int width) {}

  private static Header header(Row row, List<ContributorProblem> problems) {
    Map<String, Integer> columns = new HashMap<>();
    List<String> names = row.fields();
    int line = row.line();
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

  private static String column(List<String> fields, Header columns, String column) {
    Integer index = columns.index().get(column);
    return index == null ? null : ContributorRules.blankToNull(fields.get(index));
  }

  private static LocalDate dayColumn(List<String> fields, Header columns, String column,
      ContributorRules.Place place) {
    return ContributorRules.date(column(fields, columns, column), column, place);
  }
}
