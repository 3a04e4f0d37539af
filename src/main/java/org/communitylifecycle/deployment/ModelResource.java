package org.communitylifecycle.deployment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One file of the deployment, named relative to the classpath root ({@code processes/x.bpmn},
 * {@code forms/x.form}) so the name is the same from the repository, a jar or another host.
 */
record ModelResource(String name, byte[] content) {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern FORM_REF = Pattern.compile("camunda:formRef=\"([^\"$]+)\"");
  private static final Pattern PROCESS = Pattern.compile("<(?:\\w+:)?process\\b[^>]*?\\sid=\"([^\"]+)\"");
  private static final Pattern CALL_ACTIVITY = Pattern.compile("<(?:\\w+:)?callActivity\\b[^>]*>");
  private static final Pattern CALLED_ELEMENT = Pattern.compile("\\scalledElement=\"([^\"$#]+)\"");

  boolean isForm() {
    return name.endsWith(".form");
  }

  boolean isBpmn() {
    return name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml");
  }

  /** Ids of the Camunda Forms a BPMN model refers to by a fixed formRef. */
  Set<String> formRefs() {
    Set<String> refs = new LinkedHashSet<>();
    if (isBpmn()) {
      Matcher m = FORM_REF.matcher(new String(content, StandardCharsets.UTF_8));
      while (m.find()) {
        refs.add(m.group(1));
      }
    }
    return refs;
  }

  /** Ids of the processes a BPMN model defines. */
  Set<String> processIds() {
    return matches(PROCESS, isBpmn() ? text() : "");
  }

  /**
   * Ids of the processes this model calls with {@code camunda:calledElementBinding="deployment"}:
   * the engine looks for them in the caller's own deployment, so they must be deployed with it.
   */
  Set<String> deploymentBoundCalls() {
    Set<String> called = new LinkedHashSet<>();
    if (isBpmn()) {
      Matcher m = CALL_ACTIVITY.matcher(text());
      while (m.find()) {
        String tag = m.group();
        if (tag.contains("camunda:calledElementBinding=\"deployment\"")) {
          called.addAll(matches(CALLED_ELEMENT, tag));
        }
      }
    }
    return called;
  }

  private String text() {
    return new String(content, StandardCharsets.UTF_8);
  }

  private static Set<String> matches(Pattern pattern, String text) {
    Set<String> found = new LinkedHashSet<>();
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }

  boolean sameContentAs(byte[] other) {
    return Arrays.equals(content, other);
  }

  /** A form's top-level id, the value a formRef points at; fails clearly on a malformed form. */
  String formId() {
    JsonNode form;
    try {
      form = JSON.readTree(content);
    } catch (JsonProcessingException e) {
      throw new InvalidModelException(
          name + " is not valid JSON (line " + e.getLocation().getLineNr() + "): " + e.getOriginalMessage());
    } catch (java.io.IOException e) {
      throw new InvalidModelException(name + " cannot be read: " + e.getMessage());
    }
    if (form == null || !form.isObject()) {
      throw new InvalidModelException(name + " is not a Camunda Form: expected a JSON object");
    }
    if (!form.path("components").isArray()) {
      throw new InvalidModelException(name + " is not a Camunda Form: it has no \"components\" list");
    }
    String id = form.path("id").asText("");
    if (id.isBlank()) {
      throw new InvalidModelException(name + ": the form has no top-level \"id\", so no formRef can find it");
    }
    return id;
  }
}
