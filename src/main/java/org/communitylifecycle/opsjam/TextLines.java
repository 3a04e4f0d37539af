package org.communitylifecycle.opsjam;

import java.util.ArrayList;
import java.util.List;
import org.communitylifecycle.engine.InvalidInputException;
import org.communitylifecycle.engine.VariableValues;

/**
 * The lists of the forms, typed as text: one entry a line, fields separated by '|'. Lines that
 * start with '#' are notes, as are blank lines. Camunda 7 Tasklist cannot complete a form once a
 * field inside a dynamic list has been edited, so lists are edited as text and shown as tables.
 */
final class TextLines {

  /** One entry: its line number (from 1) and its fields, trimmed, null when empty. */
  record Line(int number, List<String> fields) {

    String field(int index) {
      return index < fields.size() ? fields.get(index) : null;
    }

    boolean isEmpty() {
      return fields.stream().allMatch(f -> f == null);
    }
  }

  private TextLines() {}

  /**
   * The entries of a list typed as text.
   *
   * @param text the list as typed, trimmed, or null when none was given
   * @param label how messages name the list
   * @param fields how many fields an entry has at most; the last one takes the rest of the line
   * @param trailingNotes whether '#' also starts a note after an entry, as in "OPS-2 | ines # Identity"
   */
  static List<Line> read(String text, String label, int fields, boolean trailingNotes) {
    Inputs.within(text, label, Inputs.TEXT_LENGTH);
    List<Line> lines = new ArrayList<>();
    if (text == null) {
      return lines;
    }
    String[] raw = text.split("\\R");
    for (int i = 0; i < raw.length; i++) {
      String line = raw[i].strip();
      if (trailingNotes && line.indexOf('#') >= 0) {
        line = line.substring(0, line.indexOf('#')).strip();
      }
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      List<String> values = new ArrayList<>();
      for (String value : line.split("\\|", fields)) {
        values.add(VariableValues.text(value));
      }
      Line entry = new Line(i + 1, values);
      if (!entry.isEmpty()) {
        lines.add(entry);
      }
    }
    return lines;
  }

  /**
   * Text for a form to show and edit, in the 4000 characters a text variable holds: with the notes
   * when they fit, else without them.
   */
  static String write(String header, List<String> entries, List<String> notes) {
    StringBuilder full = new StringBuilder(header);
    StringBuilder bare = new StringBuilder(header);
    for (int i = 0; i < entries.size(); i++) {
      full.append('\n').append(entries.get(i)).append("  # ").append(notes.get(i));
      bare.append('\n').append(entries.get(i));
    }
    if (full.length() <= Inputs.TEXT_LENGTH) {
      return full.toString();
    }
    if (bare.length() <= Inputs.TEXT_LENGTH) {
      return bare.toString();
    }
    throw new InvalidInputException(
        "The list is longer than a form can show (" + entries.size() + " items); split the backlog over two jams");
  }

  /** A note for a line: the start of a title. */
  static String note(String title) {
    return title.length() > 40 ? title.substring(0, 39) + "…" : title;
  }
}
