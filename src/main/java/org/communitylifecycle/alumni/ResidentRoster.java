package org.communitylifecycle.alumni;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.communitylifecycle.engine.InvalidInputException;

/**
 * Reads the residents a host pastes into the start form: one per line, "Name, email",
 * "Name &lt;email&gt;", "Name; email", a tab between the two (a spreadsheet paste), or the
 * email first. Messages name the line, never its content: they end up in logs.
 */
final class ResidentRoster {

  static final int MAX_RESIDENTS = 200;
  static final int MAX_NAME = 120;
  static final int MAX_EMAIL = 254;
  private static final int MAX_REPORTED = 5;

  private static final Pattern ANGLE = Pattern.compile("^(.*?)\\s*<\\s*([^<>\\s]+)\\s*>\\s*$");
  private static final Pattern EMAIL =
      Pattern.compile("^[^@\\s<>,;\"()\\[\\]]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$");

  private ResidentRoster() {}

  static List<Resident> parse(Object value) {
    String text = value == null ? "" : value.toString();
    List<Resident> residents = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    Map<String, Integer> lineOfEmail = new HashMap<>();
    String[] lines = text.split("\\R");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (!line.isEmpty()) {
        String problem = read(line, i + 1, lineOfEmail, residents);
        if (problem != null) {
          problems.add(problem);
        }
      }
    }
    requireValid(residents, problems);
    return residents;
  }

  /** Adds the resident of one line; or returns what is wrong with it, naming only the line. */
  private static String read(String line, int number, Map<String, Integer> lineOfEmail, List<Resident> residents) {
    String[] parts = split(line);
    if (parts == null) {
      return line.contains("@")
          ? "line " + number + ": the name is missing"
          : "line " + number + " has no email address";
    }
    String name = parts[0].replaceAll("\\s+", " ").strip();
    String email = parts[1].strip();
    if (!isEmail(email) && isEmail(name)) {
      String swap = name;
      name = email;
      email = swap;
    }
    if (!isEmail(email)) {
      return "line " + number + ": the email address is not valid";
    }
    if (name.isEmpty() || name.codePoints().noneMatch(Character::isLetter)) {
      return "line " + number + ": the name is missing";
    }
    if (name.length() > MAX_NAME) {
      return "line " + number + ": the name is longer than " + MAX_NAME + " characters";
    }
    if (name.codePoints().anyMatch(c -> Character.isISOControl(c) || c == '<' || c == '>')) {
      return "line " + number + ": the name contains characters that are not allowed";
    }
    Integer earlier = lineOfEmail.putIfAbsent(email.toLowerCase(Locale.ROOT), number);
    if (earlier != null) {
      return "line " + number + " has the same email address as line " + earlier;
    }
    residents.add(new Resident(name, email));
    return null;
  }

  private static void requireValid(List<Resident> residents, List<String> problems) {
    if (!problems.isEmpty()) {
      String shown = String.join("; ", problems.subList(0, Math.min(MAX_REPORTED, problems.size())));
      String more = problems.size() > MAX_REPORTED ? " (and " + (problems.size() - MAX_REPORTED) + " more)" : "";
      throw new InvalidInputException("Residents: " + shown + more + ". Write one resident per line as 'Name, email'.");
    }
    if (residents.isEmpty()) {
      throw new InvalidInputException(
          "Residents: list the cohort's residents, one per line as 'Name, email' (for example 'Ana Lima, ana@example.org')");
    }
    if (residents.size() > MAX_RESIDENTS) {
      throw new InvalidInputException(
          "Residents: at most " + MAX_RESIDENTS + " in one cohort, got " + residents.size() + "; split the cohort");
    }
  }

  static boolean isEmail(String text) {
    return text != null && text.length() <= MAX_EMAIL && EMAIL.matcher(text).matches();
  }

  /** Name and email of one line, or null when no separator or address can be found. */
  private static String[] split(String line) {
    Matcher angle = ANGLE.matcher(line);
    if (angle.matches()) {
      return new String[] {angle.group(1), angle.group(2)};
    }
    int separator = Math.max(line.lastIndexOf(','), Math.max(line.lastIndexOf(';'), line.lastIndexOf('\t')));
    if (separator >= 0) {
      String before = line.substring(0, separator);
      String after = line.substring(separator + 1);
      // "email, Name" has its separator after the address.
      if (!after.contains("@") && before.contains("@")) {
        return new String[] {after, before};
      }
      return new String[] {before, after};
    }
    // "Ana Lima ana@example.org": the address is the last word.
    int space = line.lastIndexOf(' ');
    if (space > 0 && line.substring(space + 1).contains("@")) {
      return new String[] {line.substring(0, space), line.substring(space + 1)};
    }
    return null;
  }
}
