package org.communitylifecycle.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.junit.jupiter.api.Test;

/**
 * Checks processes/ and forms/ as a designer leaves them: every formRef, calledElement and
 * decisionRef points at something that is deployed with them, every model has a history
 * time to live, is named after its process id, and has a full diagram.
 */
class ModelReferencesTest {

  static final Path PROCESSES = Path.of("processes");
  static final Path FORMS = Path.of("forms");

  @Test
  void everyReferenceResolvesToSomethingDeployed() throws IOException {
    Set<String> formIds = formIds();
    Set<String> processIds = new HashSet<>();
    Set<String> decisionIds = new HashSet<>();
    List<BpmnModelInstance> models = new ArrayList<>();
    for (Path file : files(PROCESSES, ".bpmn")) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      models.add(model);
      model.getModelElementsByType(Process.class).forEach(p -> processIds.add(p.getId()));
    }
    for (Path file : files(PROCESSES, ".dmn")) {
      Dmn.readModelFromFile(file.toFile()).getModelElementsByType(Decision.class).forEach(d -> decisionIds.add(d.getId()));
    }

    List<String> broken = new ArrayList<>();
    for (BpmnModelInstance model : models) {
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        check(broken, task.getId(), "formRef", task.getCamundaFormRef(), formIds);
      }
      for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
        check(broken, start.getId(), "formRef", start.getCamundaFormRef(), formIds);
      }
      for (CallActivity call : model.getModelElementsByType(CallActivity.class)) {
        check(broken, call.getId(), "calledElement", call.getCalledElement(), processIds);
      }
      for (BusinessRuleTask rule : model.getModelElementsByType(BusinessRuleTask.class)) {
        check(broken, rule.getId(), "decisionRef", rule.getCamundaDecisionRef(), decisionIds);
      }
    }
    assertThat(broken).as("references to forms, processes or decisions that are not deployed").isEmpty();
  }

  @Test
  void everyModelIsNamedAfterItsProcessAndOpensCleanlyInTheModeler() throws IOException {
    List<Path> models = files(PROCESSES, ".bpmn");
    assertThat(models).isNotEmpty();
    for (Path file : models) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      Bpmn.validateModel(model);
      Process process = model.getModelElementsByType(Process.class).iterator().next();
      String name = file.getFileName().toString().replace(".bpmn", "");
      assertThat(process.getId()).as("process id of %s", file).isEqualTo(name);
      assertThat(process.getCamundaHistoryTimeToLiveString()).as("historyTimeToLive of %s", file).isNotBlank();

      Set<String> drawn = new HashSet<>();
      model.getModelElementsByType(BpmnShape.class).forEach(s -> drawn.add(s.getBpmnElement().getId()));
      model.getModelElementsByType(BpmnEdge.class).forEach(e -> drawn.add(e.getBpmnElement().getId()));
      model.getModelElementsByType(FlowNode.class)
          .forEach(n -> assertThat(drawn).as("%s: shape for %s", file, n.getId()).contains(n.getId()));
      model.getModelElementsByType(SequenceFlow.class)
          .forEach(f -> assertThat(drawn).as("%s: edge for %s", file, f.getId()).contains(f.getId()));
    }
  }

  @Test
  void everyFormIsNamedAfterItsId() throws IOException {
    ObjectMapper json = new ObjectMapper();
    for (Path file : files(FORMS, ".form")) {
      String id = json.readTree(file.toFile()).path("id").asText();
      assertThat(file.getFileName().toString()).isEqualTo(id + ".form");
    }
  }

  private static void check(List<String> broken, String element, String kind, String ref, Set<String> known) {
    if (ref != null && !ref.contains("${") && !known.contains(ref)) {
      broken.add(element + ": " + kind + " '" + ref + "'");
    }
  }

  private static Set<String> formIds() throws IOException {
    Set<String> ids = new HashSet<>();
    for (Path file : files(FORMS, ".form")) {
      ids.add(new ModelResource("forms/" + file.getFileName(), Files.readAllBytes(file)).formId());
    }
    return ids;
  }

  private static List<Path> files(Path dir, String suffix) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
    }
  }
}
