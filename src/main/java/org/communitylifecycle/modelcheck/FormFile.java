package org.communitylifecycle.modelcheck;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;

/**
 * A Camunda Form ({@code .form}): JSON with an {@code id}, the key a {@code camunda:formRef} names,
 * and {@code components}. Tasklist renders it in the browser; a file it cannot read would leave the
 * task without a form, so it is refused with the line and column where the JSON breaks.
 */
final class FormFile {

  private static final ObjectMapper JSON = new ObjectMapper();

  private FormFile() {}

  /** Where the form is no Camunda Form; empty when it is one. */
  static List<Violation> check(byte[] content) {
    JsonNode form;
    try {
      form = JSON.readTree(content);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      return List.of(new Violation("", "the file", "is not valid JSON: " + e.getOriginalMessage(),
          at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr()));
    } catch (IOException e) {
      return List.of(new Violation("", "the file", "cannot be read: " + e.getMessage(), 0));
    }
    if (form == null || !form.isObject()) {
      return List.of(new Violation("", "the file", "a Camunda Form is a JSON object with an \"id\" and \"components\"", 1));
    }
    if (!form.path("id").isTextual() || form.path("id").asText().isBlank()) {
      return List.of(new Violation("", "id", "a Camunda Form needs an \"id\", the key camunda:formRef names", 1));
    }
    if (!form.path("components").isArray()) {
      return List.of(new Violation(form.path("id").asText(), "components",
          "a Camunda Form needs \"components\", a list of its fields", 1));
    }
    return List.of();
  }

  /** The form's id, or null when it has none or is no JSON. */
  static String id(byte[] content) {
    try {
      JsonNode id = JSON.readTree(content).path("id");
      return id.isTextual() ? id.asText() : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
