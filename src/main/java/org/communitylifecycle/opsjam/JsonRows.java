package org.communitylifecycle.opsjam;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.communitylifecycle.engine.InvalidInputException;

/**
 * The lists of a form (Camunda Forms dynamic lists), which Tasklist submits as Json variables:
 * read into rows of field values, and written back for a form to show.
 */
final class JsonRows {

  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonRows() {}

  /** The rows of a list variable; none when the variable is missing. */
  static List<Map<String, Object>> read(Object value, String label) {
    if (value == null) {
      return List.of();
    }
    if (value instanceof Collection<?> collection) {
      List<Map<String, Object>> rows = new ArrayList<>();
      for (Object row : collection) {
        rows.add(row(row, label));
      }
      return rows;
    }
    String json = value instanceof SpinJsonNode node ? node.toString() : value.toString();
    if (json.isBlank()) {
      return List.of();
    }
    try {
      Object parsed = JSON.readValue(json, Object.class);
      if (!(parsed instanceof Collection<?>)) {
        throw new InvalidInputException(label + ": expected a list of items, got " + abbreviate(json));
      }
      return read(parsed, label);
    } catch (JsonProcessingException e) {
      throw new InvalidInputException(label + ": not valid JSON (" + e.getOriginalMessage() + ")");
    }
  }

  /** A list for a form to show and edit. */
  static TypedValue write(List<Map<String, Object>> rows) {
    try {
      return SpinValues.jsonValue(JSON.writeValueAsString(rows)).create();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write form rows as JSON", e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> row(Object row, String label) {
    if (!(row instanceof Map<?, ?> map)) {
      throw new InvalidInputException(label + ": every item must be a set of fields, got " + abbreviate(String.valueOf(row)));
    }
    return new LinkedHashMap<>((Map<String, Object>) map);
  }

  private static String abbreviate(String text) {
    return "'" + (text.length() > 60 ? text.substring(0, 60) + "…" : text) + "'";
  }
}
