package org.communitylifecycle.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Every CSV the application writes: RFC 4180 (Commons CSV), lines ending in CRLF, a field quoted
 * when it must be, quotes doubled. Text that a spreadsheet would run as a formula (starting with
 * =, +, -, @, a tab or a carriage return) gets a leading apostrophe; numbers are written as they
 * are.
 */
public final class CsvCells {

  private static final CSVFormat FORMAT = CSVFormat.RFC4180;
  private static final String FORMULA_STARTS = "=+-@\t\r";

  private CsvCells() {}

  /** A header row, then one row per entry; a cell is text, a number, or null for an empty one. */
  public static String write(List<String> header, List<? extends List<?>> rows) {
    StringBuilder csv = new StringBuilder();
    try (CSVPrinter printer = new CSVPrinter(csv, FORMAT)) {
      printer.printRecord(header);
      for (List<?> row : rows) {
        printer.printRecord(row.stream().map(CsvCells::cell));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringBuilder does not fail
    }
    return csv.toString();
  }

  /** One text field as a row would hold it: neutralised, then quoted if it must be. */
  public static String field(String text) {
    String value = neutralised(text);
    if (value.isEmpty()) {
      return value;
    }
    StringBuilder out = new StringBuilder();
    try {
      FORMAT.print(value, out, true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** Text a spreadsheet will show as text: a formula start gets a leading apostrophe. */
  public static String neutralised(String text) {
    if (text == null) {
      return "";
    }
    return !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
  }

  private static String cell(Object value) {
    if (value instanceof BigDecimal decimal) {
      return decimal.toPlainString();
    }
    return value instanceof Number number ? number.toString() : neutralised(value == null ? null : value.toString());
  }
}
