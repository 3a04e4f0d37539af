package org.communitylifecycle.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The Camunda Modeler element templates in {@code .camunda/element-templates/} and the models in
 * {@code processes/} that use them: a templated element carries exactly what its template writes,
 * so editing one by hand (or forgetting the template on a new milestone) fails here, not in Modeler.
 */
class ElementTemplatesTest {

  static final Path TEMPLATES = Path.of(".camunda/element-templates");
  static final Path PROCESSES = Path.of("processes");
  static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
  static final String BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  static final String SCHEMA = "https://unpkg.com/@camunda/element-templates-json-schema/resources/schema.json";
  static final String MILESTONE_TEMPLATE = "org.communitylifecycle.milestone";
  static final String STAGE_EXIT_REVIEW_TEMPLATE = "org.communitylifecycle.stage-exit-review";
  /** Camunda 7 templates cannot write task listeners: these come with the review by hand, and are checked here. */
  static final List<String> STAGE_EXIT_REVIEW_LISTENERS =
      List.of("create ${taskContext.name(task)}", "complete ${stageGate.decide(task)}");

  /** Binding types of Camunda 7 templates, with the field types the schema allows for each. */
  static final Map<String, Set<String>> FIELD_TYPES = Map.of(
      "property", Set.of("String", "Text", "Hidden", "Dropdown", "Boolean"),
      "camunda:property", Set.of("String", "Hidden", "Dropdown"),
      "camunda:in", Set.of("String", "Hidden", "Dropdown"),
      "camunda:in:businessKey", Set.of("String", "Hidden", "Dropdown"),
      "camunda:out", Set.of("String", "Hidden", "Dropdown"),
      "camunda:inputParameter", Set.of("String", "Text", "Hidden", "Dropdown"),
      "camunda:outputParameter", Set.of("String", "Hidden", "Dropdown"));

  static final ObjectMapper JSON = new ObjectMapper();
  static Map<String, JsonNode> templates; // "id@version" → template
  static Map<String, Document> models;

  @BeforeAll
  static void read() throws Exception {
    templates = new LinkedHashMap<>();
    for (Path file : files(TEMPLATES, ".json")) {
      JsonNode root = JSON.readTree(file.toFile());
      for (JsonNode template : root.isArray() ? root : List.of(root)) {
        String key = template.path("id").asText() + "@" + template.path("version").asInt();
        assertThat(templates.put(key, template)).as("%s: template %s defined twice", file, key).isNull();
      }
    }
    models = new LinkedHashMap<>();
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    for (Path file : files(PROCESSES, ".bpmn")) {
      models.put(file.getFileName().toString(), factory.newDocumentBuilder().parse(file.toFile()));
    }
  }

  @Test
  void theTemplatesHaveTheEssentials() {
    assertThat(templates).containsKeys(MILESTONE_TEMPLATE + "@2", STAGE_EXIT_REVIEW_TEMPLATE + "@1");
    List<String> problems = new ArrayList<>();
    templates.forEach((key, t) -> problems.addAll(templateProblems(key, t)));
    assertThat(problems).isEmpty();
  }

  @Test
  void everyTemplatedElementIsWhatItsTemplateWrites() {
    List<String> problems = new ArrayList<>();
    int templated = 0;
    for (var model : models.entrySet()) {
      for (Element element : elements(model.getValue().getDocumentElement())) {
        String id = element.getAttributeNS(CAMUNDA_NS, "modelerTemplate");
        if (id.isEmpty()) {
          continue;
        }
        templated++;
        String where = model.getKey() + " " + element.getAttribute("id");
        String version = element.getAttributeNS(CAMUNDA_NS, "modelerTemplateVersion");
        JsonNode template = templates.get(id + "@" + version);
        if (template == null) {
          problems.add(where + ": no template " + id + " version " + version + " in " + TEMPLATES);
          continue;
        }
        problems.addAll(elementProblems(where, element, template));
      }
    }
    assertThat(templated).as("templated elements").isEqualTo(25);
    assertThat(problems).isEmpty();
  }

  @Test
  void everyMilestoneCallUsesTheMilestoneTemplate() {
    List<String> untemplated = new ArrayList<>();
    int calls = 0;
    for (var model : models.entrySet()) {
      for (Element call : elements(model.getValue().getDocumentElement())) {
        if (call.getLocalName().equals("callActivity") && call.getAttribute("calledElement").equals("milestone")) {
          calls++;
          if (!call.getAttributeNS(CAMUNDA_NS, "modelerTemplate").equals(MILESTONE_TEMPLATE)) {
            untemplated.add(model.getKey() + " " + call.getAttribute("id"));
          }
        }
      }
    }
    assertThat(calls).isEqualTo(20);
    assertThat(untemplated).as("milestone calls without the %s template", MILESTONE_TEMPLATE).isEmpty();
  }

  @Test
  void everyStageExitReviewUsesItsTemplateAndKeepsItsListeners() {
    List<String> problems = new ArrayList<>();
    int reviews = 0;
    for (var model : models.entrySet()) {
      for (Element task : elements(model.getValue().getDocumentElement())) {
        if (!task.getLocalName().equals("userTask")) {
          continue;
        }
        List<String> listeners = new ArrayList<>();
        Element extension = first(task, BPMN_NS, "extensionElements");
        for (Element l : extension == null ? List.<Element>of() : children(extension)) {
          if (l.getLocalName().equals("taskListener")) listeners.add(l.getAttribute("event") + " " + l.getAttribute("expression"));
        }
        boolean decides = listeners.contains("complete ${stageGate.decide(task)}");
        boolean templated = task.getAttributeNS(CAMUNDA_NS, "modelerTemplate").equals(STAGE_EXIT_REVIEW_TEMPLATE);
        String where = model.getKey() + " " + task.getAttribute("id");
        if (decides) reviews++;
        if (decides && !templated) problems.add(where + ": decides a stage exit without the " + STAGE_EXIT_REVIEW_TEMPLATE + " template");
        if (templated && !listeners.containsAll(STAGE_EXIT_REVIEW_LISTENERS)) {
          problems.add(where + ": a stage exit review needs the task listeners " + STAGE_EXIT_REVIEW_LISTENERS + ", has " + listeners);
        }
      }
    }
    assertThat(reviews).isEqualTo(5);
    assertThat(problems).isEmpty();
  }

  /** Sanity of the checker itself: a hand edit the template would not write is caught. */
  @Test
  void anExtraMappingOrAWrongFixedValueIsCaught() throws Exception {
    Document model = models.get("scaling.bpmn");
    Element call = (Element) model.getElementsByTagNameNS(BPMN_NS, "callActivity").item(0).cloneNode(true);
    JsonNode template = templates.get(MILESTONE_TEMPLATE + "@2");
    assertThat(elementProblems("copy", call, template)).isEmpty();

    Element extension = first(call, BPMN_NS, "extensionElements");
    Element extra = model.createElementNS(CAMUNDA_NS, "camunda:in");
    extra.setAttribute("source", "secret");
    extra.setAttribute("target", "secret");
    extension.appendChild(extra);
    call.setAttributeNS(CAMUNDA_NS, "camunda:calledElementBinding", "latest");
    assertThat(elementProblems("copy", call, template)).anyMatch(p -> p.contains("target=secret") && p.contains("not in the template"))
        .anyMatch(p -> p.contains("camunda:calledElementBinding"));
  }

  // --- the template itself --------------------------------------------------------------------

  static List<String> templateProblems(String key, JsonNode t) {
    List<String> problems = new ArrayList<>();
    if (!SCHEMA.equals(t.path("$schema").asText())) problems.add(key + ": $schema is not " + SCHEMA);
    if (t.path("id").asText().isBlank()) problems.add(key + ": no id");
    if (t.path("name").asText().isBlank()) problems.add(key + ": no name");
    if (!t.path("version").isInt() || t.path("version").asInt() < 1) problems.add(key + ": version is not a positive integer");
    if (!t.path("appliesTo").isArray() || t.path("appliesTo").isEmpty()) problems.add(key + ": no appliesTo");
    t.path("appliesTo").forEach(a -> { if (!a.asText().startsWith("bpmn:")) problems.add(key + ": appliesTo " + a); });
    if (!t.path("properties").isArray() || t.path("properties").isEmpty()) problems.add(key + ": no properties");
    Set<String> groups = new java.util.HashSet<>();
    t.path("groups").forEach(g -> groups.add(g.path("id").asText()));
    Set<String> bound = new java.util.HashSet<>();
    for (JsonNode p : t.path("properties")) {
      JsonNode b = p.path("binding");
      String what = key + " property " + (p.has("id") ? p.get("id").asText() : b.toString());
      String type = b.path("type").asText();
      String fieldType = p.path("type").asText("String");
      if (!FIELD_TYPES.containsKey(type)) {
        problems.add(what + ": binding type '" + type + "' is not one this test knows");
        continue;
      }
      if (!FIELD_TYPES.get(type).contains(fieldType)) problems.add(what + ": a " + fieldType + " cannot bind " + type);
      String required = switch (type) {
        case "property", "camunda:property", "camunda:inputParameter" -> "name";
        case "camunda:in" -> "target";
        case "camunda:out", "camunda:outputParameter" -> "source";
        default -> null;
      };
      if (required != null && b.path(required).asText().isBlank()) problems.add(what + ": binding has no " + required);
      if (!bound.add(type + " " + b.path("name").asText() + b.path("target").asText() + b.path("source").asText())) {
        problems.add(what + ": bound twice");
      }
      if (fieldType.equals("Hidden") && !p.has("value")) problems.add(what + ": a Hidden property needs a value");
      if (!fieldType.equals("Hidden") && p.path("label").asText().isBlank()) problems.add(what + ": a field needs a label");
      if (p.has("group") && !groups.contains(p.get("group").asText())) problems.add(what + ": unknown group");
      if (fieldType.equals("Dropdown") && p.has("value") && !choices(p).contains(p.get("value").asText())) {
        problems.add(what + ": default is not one of the choices");
      }
      JsonNode pattern = p.path("constraints").path("pattern");
      if (!pattern.isMissingNode()) {
        String regex = pattern.isTextual() ? pattern.asText() : pattern.path("value").asText();
        try {
          Pattern compiled = Pattern.compile(regex);
          if (p.has("value") && !compiled.matcher(p.get("value").asText()).matches()) {
            problems.add(what + ": default does not match its own pattern");
          }
        } catch (PatternSyntaxException e) {
          problems.add(what + ": pattern does not compile: " + e.getMessage());
        }
      }
    }
    return problems;
  }

  // --- an element against its template ----------------------------------------------------------

  static List<String> elementProblems(String where, Element element, JsonNode template) {
    List<String> problems = new ArrayList<>();
    String type = "bpmn:" + Character.toUpperCase(element.getLocalName().charAt(0)) + element.getLocalName().substring(1);
    List<String> appliesTo = new ArrayList<>();
    template.path("appliesTo").forEach(a -> appliesTo.add(a.asText()));
    if (!appliesTo.contains(type)) problems.add(where + ": the template does not apply to a " + type);

    List<Element> mappings = new ArrayList<>(); // camunda:in and camunda:out, in document order
    Element extension = first(element, BPMN_NS, "extensionElements");
    if (extension != null) {
      for (Element child : children(extension)) {
        if (CAMUNDA_NS.equals(child.getNamespaceURI()) && Set.of("in", "out").contains(child.getLocalName())) {
          mappings.add(child);
        }
      }
    }
    List<Element> expected = new ArrayList<>();
    for (JsonNode p : template.path("properties")) {
      JsonNode b = p.path("binding");
      String what = where + " " + describe(b);
      boolean hidden = p.path("type").asText("String").equals("Hidden");
      boolean optional = p.path("optional").asBoolean(false);
      String value = null;
      switch (b.path("type").asText()) {
        case "property" -> {
          String name = b.path("name").asText();
          value = name.startsWith("camunda:")
              ? attribute(element, CAMUNDA_NS, name.substring("camunda:".length()))
              : attribute(element, null, name);
        }
        case "camunda:in:businessKey" -> {
          Element in = find(mappings, "in", m -> m.hasAttribute("businessKey"));
          if (in != null) {
            expected.add(in);
            value = in.getAttribute("businessKey");
          }
        }
        case "camunda:in" -> {
          Element in = find(mappings, "in", m -> m.getAttribute("target").equals(b.path("target").asText()));
          if (in != null) {
            expected.add(in);
            boolean expression = b.path("expression").asBoolean(false);
            String kept = expression ? "sourceExpression" : "source";
            String other = expression ? "source" : "sourceExpression";
            if (in.hasAttribute(other)) problems.add(what + ": uses " + other + ", the template writes " + kept);
            value = in.hasAttribute(kept) ? in.getAttribute(kept) : null;
          }
        }
        case "camunda:out" -> {
          Element out = find(mappings, "out", m -> m.getAttribute("source").equals(b.path("source").asText()));
          if (out != null) {
            expected.add(out);
            value = out.hasAttribute("target") ? out.getAttribute("target") : null;
          }
        }
        default -> problems.add(what + ": binding type not checked by this test");
      }
      if (value == null || (value.isEmpty() && !hidden)) {
        if (!optional) problems.add(what + ": missing");
        continue;
      }
      if (hidden && !value.equals(p.path("value").asText())) {
        problems.add(what + ": is '" + value + "', the template fixes '" + p.path("value").asText() + "'");
      }
      JsonNode pattern = p.path("constraints").path("pattern");
      if (!pattern.isMissingNode()) {
        String regex = pattern.isTextual() ? pattern.asText() : pattern.path("value").asText();
        if (!Pattern.compile(regex).matcher(value).matches()) problems.add(what + ": '" + value + "' does not match " + regex);
      }
      if (p.path("type").asText().equals("Dropdown") && !choices(p).contains(value)) {
        problems.add(what + ": '" + value + "' is not one of " + choices(p));
      }
    }
    for (Element m : mappings) {
      if (!expected.contains(m)) problems.add(where + ": camunda:" + m.getLocalName() + describe(m) + " is not in the template");
    }
    List<Element> inDocument = mappings.stream().filter(expected::contains).toList();
    if (!inDocument.equals(expected)) problems.add(where + ": the mappings are not in the template's order");

    // The milestone's result goes to the stage through the mapping the template fixes (${milestoneCall}),
    // under the milestone key: no output names to check here any more.
    return problems;
  }

  // --- helpers ----------------------------------------------------------------------------------

  static List<Path> files(Path dir, String suffix) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
    }
  }

  static List<String> choices(JsonNode p) {
    List<String> values = new ArrayList<>();
    p.path("choices").forEach(c -> values.add(c.path("value").asText()));
    return values;
  }

  static String attribute(Element e, String ns, String name) {
    return (ns == null ? e.hasAttribute(name) : e.hasAttributeNS(ns, name))
        ? (ns == null ? e.getAttribute(name) : e.getAttributeNS(ns, name)) : null;
  }

  static Element find(List<Element> mappings, String localName, java.util.function.Predicate<Element> test) {
    return mappings.stream().filter(m -> m.getLocalName().equals(localName)).filter(test).findFirst().orElse(null);
  }

  static String describe(JsonNode binding) {
    return binding.path("type").asText() + " " + (binding.has("name") ? "name=" + binding.get("name").asText()
        : binding.has("target") ? "target=" + binding.get("target").asText()
        : binding.has("source") ? "source=" + binding.get("source").asText() : "");
  }

  static String describe(Element m) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < m.getAttributes().getLength(); i++) {
      Node a = m.getAttributes().item(i);
      s.append(' ').append(a.getNodeName()).append('=').append(a.getNodeValue());
    }
    return s.toString();
  }

  static Element first(Element parent, String ns, String localName) {
    for (Element child : children(parent)) {
      if (ns.equals(child.getNamespaceURI()) && localName.equals(child.getLocalName())) return child;
    }
    return null;
  }

  static List<Element> children(Element parent) {
    List<Element> result = new ArrayList<>();
    NodeList nodes = parent.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      if (nodes.item(i) instanceof Element e) result.add(e);
    }
    return result;
  }

  static List<Element> elements(Element root) {
    List<Element> result = new ArrayList<>();
    NodeList all = root.getElementsByTagNameNS("*", "*");
    for (int i = 0; i < all.getLength(); i++) result.add((Element) all.item(i));
    return result;
  }
}
