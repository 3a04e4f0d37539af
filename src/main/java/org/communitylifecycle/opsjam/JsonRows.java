package org.communitylifecycle.opsjam;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * Rows for a form's table: a Json variable, which Tasklist hands to Camunda Forms as a list. The
 * tables only show; what people change, they type as {@link TextLines}.
 */
final class JsonRows {

  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonRows() {}

  static TypedValue write(List<Map<String, Object>> rows) {
    try {
      return SpinValues.jsonValue(JSON.writeValueAsString(rows)).create();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write form rows as JSON", e);
    }
  }
}
