package org.communitylifecycle.modelcheck;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import javax.xml.stream.XMLStreamException;

/** Small models for the rule tests: a process around the given elements. */
final class TestModels {

  /** A few of the beans open to models, standing in for {@link OpenBeans#NAMES}. */
  static final Set<String> OPEN_BEANS = Set.of("opsRequests", "alumniCohorts", "milestoneSetup");

  private TestModels() {}

  /** A BPMN process holding the elements, with the bpmn: and camunda: prefixes bound. */
  static String process(String elements) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="Definitions_Test" targetNamespace="test">
          <bpmn:process id="test-process" isExecutable="true" camunda:historyTimeToLive="P1D">
        %s
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(elements);
  }

  /**
   * A probe process for the ITs, deployed as its own key: start, the elements (among them one with
   * the id Task_Run), end.
   */
  static String probe(String key, String elements) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="Definitions_Probe" targetNamespace="test">
          <bpmn:process id="%s" isExecutable="true" camunda:historyTimeToLive="P1D" camunda:isStartableInTasklist="false">
            <bpmn:startEvent id="StartEvent_Started" />
            <bpmn:sequenceFlow id="Flow_In" sourceRef="StartEvent_Started" targetRef="Task_Run" />
        %s
            <bpmn:sequenceFlow id="Flow_Out" sourceRef="Task_Run" targetRef="EndEvent_Done" />
            <bpmn:endEvent id="EndEvent_Done" />
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(key, elements);
  }

  /** A service task whose camunda:expression is the given one. */
  static String serviceTask(String expression) {
    return process("<bpmn:serviceTask id=\"Task_Run\" camunda:expression=\"" + expression + "\" />");
  }

  static List<Violation> check(ModelRule rule, String bpmn) {
    return check(rule, "test.bpmn", bpmn);
  }

  static List<Violation> check(ModelRule rule, String resource, String xml) {
    try {
      byte[] content = xml.getBytes(StandardCharsets.UTF_8);
      return rule.check(ModelReader.read(resource, Model.Kind.of(resource), content));
    } catch (XMLStreamException e) {
      throw new IllegalArgumentException("Not a model: " + e.getMessage(), e);
    }
  }
}
