package org.communitylifecycle.alumni;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.variable.value.BytesValue;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/** Finding and removing a person's name and email in text the engine keeps. */
final class PersonalText {

  static final String ERASED = "[erased]";

  private final List<String> needles;

  /** Matches any of the given identifiers (a name, an email), ignoring case; blanks are ignored. */
  PersonalText(Collection<String> identifiers) {
    needles = identifiers.stream().filter(Objects::nonNull).map(String::strip).filter(s -> !s.isEmpty())
        .map(s -> s.toLowerCase(Locale.ROOT)).distinct().toList();
  }

  boolean isEmpty() {
    return needles.isEmpty();
  }

  boolean mentions(String text) {
    if (text == null || needles.isEmpty()) {
      return false;
    }
    String lower = text.toLowerCase(Locale.ROOT);
    return needles.stream().anyMatch(lower::contains);
  }

  boolean mentions(TypedValue value) {
    return mentions(text(value));
  }

  /** Lists with one person per line lose that person's lines. */
  String withoutLinesMentioning(String text) {
    return Arrays.stream(text.split("\\R", -1)).filter(line -> !mentions(line)).collect(Collectors.joining("\n"));
  }

  /** Free text keeps everything but the name and email themselves. */
  String redacted(String text) {
    String result = text;
    for (String needle : needles) {
      result = Pattern.compile(Pattern.quote(needle), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
          .matcher(result).replaceAll(Matcher.quoteReplacement(ERASED));
    }
    return result;
  }

  /** What a variable holds, as text to search: strings, serialized objects, bytes. */
  static String text(TypedValue value) {
    if (value == null) {
      return null;
    }
    if (value instanceof ObjectValue object) {
      return object.getValueSerialized();
    }
    if (value instanceof BytesValue bytes) {
      return bytes.getValue() == null ? null : new String(bytes.getValue(), StandardCharsets.UTF_8);
    }
    return value.getValue() == null ? null : value.getValue().toString();
  }
}
