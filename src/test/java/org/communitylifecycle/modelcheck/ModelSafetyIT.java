package org.communitylifecycle.modelcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.el.JuelExpressionManager;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.PropertyNotFoundException;
import org.communitylifecycle.testsupport.RestDeployment;
import org.communitylifecycle.testsupport.RunningApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * carol, a process designer, deploys through the REST API as Camunda Modeler does. A model that
 * would run code is refused with 400 naming the element, changes nothing (she does not become an
 * admin, the previous version stays the latest), and a harmless model still deploys.
 */
class ModelSafetyIT extends RunningApplication {

  static final String KEY = "model-safety-probe";
  static final String ATTACK = "${execution.processEngineServices.identityService.createMembership('carol','camunda-admin')}";

  static String harmlessDeploymentId;

  @Autowired TestRestTemplate rest;
  @Autowired RepositoryService repository;
  @Autowired IdentityService identity;
  @Autowired ProcessEngineConfigurationImpl engineConfiguration;

  /** The first version of the probe, which every refused deployment would have replaced. */
  @BeforeAll
  static void deployTheHarmlessVersion(@Autowired TestRestTemplate rest) {
    ResponseEntity<Map> deployed = deployAsCarol(rest, harmless());
    assertThat(deployed.getStatusCode()).as("%s", deployed.getBody()).isEqualTo(HttpStatus.OK);
    harmlessDeploymentId = (String) deployed.getBody().get("id");
  }

  @AfterAll
  static void removeTheProbe(@Autowired RepositoryService repository) {
    repository.deleteDeployment(harmlessDeploymentId, true, true);
  }

  record Attack(String name, String elementId, String bpmn) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Attack> attacks() {
    return Stream.of(
        new Attack("the engine's services from an expression", "Task_Run", probe(
            "<bpmn:serviceTask id=\"Task_Run\" camunda:expression=\"" + ATTACK + "\" />")),
        new Attack("a script task", "Task_Run", probe("""
            <bpmn:scriptTask id="Task_Run" scriptFormat="javascript">
              <bpmn:script>execution.getProcessEngineServices().getIdentityService().createMembership('carol', 'camunda-admin')</bpmn:script>
            </bpmn:scriptTask>""")),
        new Attack("a Java class listener", "Task_Run", probe("""
            <bpmn:userTask id="Task_Run" camunda:candidateGroups="process-designers">
              <bpmn:extensionElements>
                <camunda:taskListener event="create" class="org.camunda.bpm.engine.impl.bpmn.listener.ScriptExecutionListener" />
              </bpmn:extensionElements>
            </bpmn:userTask>""")),
        new Attack("the process engine from an expression", "Task_Run", probe(
            "<bpmn:serviceTask id=\"Task_Run\" camunda:expression=\"${execution.getProcessEngine().getIdentityService()"
                + ".createMembership('carol','camunda-admin')}\" />")),
        new Attack("reflection from a string", "Task_Run", probe(
            "<bpmn:serviceTask id=\"Task_Run\" camunda:expression=\"${''.getClass().forName('java.lang.Runtime')}\" />")),
        new Attack("a Spring bean not open to models", "Task_Run", probe(
            "<bpmn:serviceTask id=\"Task_Run\" camunda:expression=\"${identityService.createMembership('carol','camunda-admin')}\" />")),
        new Attack("a delegate that is no open bean", "Task_Run", probe(
            "<bpmn:serviceTask id=\"Task_Run\" camunda:delegateExpression=\"${modelDeployment}\" />")),
        new Attack("an input mapping script", "Task_Run", probe("""
            <bpmn:userTask id="Task_Run" camunda:candidateGroups="process-designers">
              <bpmn:extensionElements>
                <camunda:inputOutput>
                  <camunda:inputParameter name="admin"><camunda:script scriptFormat="groovy">'x'</camunda:script></camunda:inputParameter>
                </camunda:inputOutput>
              </bpmn:extensionElements>
            </bpmn:userTask>""")),
        new Attack("a condition calling the engine", "Flow_Checked", probe("""
            <bpmn:task id="Task_Run" />
            <bpmn:sequenceFlow id="Flow_Checked" sourceRef="Task_Run" targetRef="EndEvent_Done">
              <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${execution.getProcessEngineServices().getIdentityService() != null}</bpmn:conditionExpression>
            </bpmn:sequenceFlow>""")),
        new Attack("a timer expression calling a method", "TimerDef_Wait", probe("""
            <bpmn:userTask id="Task_Run" camunda:candidateGroups="process-designers" />
            <bpmn:boundaryEvent id="Timer_Wait" attachedToRef="Task_Run">
              <bpmn:timerEventDefinition id="TimerDef_Wait">
                <bpmn:timeDuration xsi:type="bpmn:tFormalExpression">${execution.getProcessEngine().getName()}</bpmn:timeDuration>
              </bpmn:timerEventDefinition>
            </bpmn:boundaryEvent>""")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("attacks")
  void aModelThatWouldRunCodeIsRefusedAndChangesNothing(Attack attack) {
    List<String> groupsBefore = carolsGroups();
    String latestBefore = latestProbe().getId();

    ResponseEntity<Map> response = deployAsCarol(rest, attack.bpmn());

    assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) response.getBody().get("message")).contains("Element '" + attack.elementId() + "'");
    assertThat(response.getBody().get("details")).as("the violations by file, for Camunda Modeler")
        .asString().contains("probe.bpmn", attack.elementId());
    assertThat(carolsGroups()).isEqualTo(groupsBefore).doesNotContain("camunda-admin");
    assertThat(latestProbe().getId()).isEqualTo(latestBefore);
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(KEY).count()).isEqualTo(1);
  }

  @Test
  void theHarmlessModelDeployedAsTheFirstVersion() {
    assertThat(latestProbe().getVersion()).isEqualTo(1);
    assertThat(latestProbe().getDeploymentId()).isEqualTo(harmlessDeploymentId);
  }

  @Test
  void aTruncatedModelIsABadRequestToo() {
    String bpmn = harmless();

    ResponseEntity<Map> response = deployAsCarol(rest, bpmn.substring(0, bpmn.length() / 2));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) response.getBody().get("message")).contains("not well-formed XML");
  }

  /** The app deploys processes/ at startup with the same engine API, so it is held to the same rules. */
  @Test
  void theJavaApiRefusesToo() {
    assertThatThrownBy(() -> repository.createDeployment().name("model-safety-it")
        .addString("probe.bpmn", probe("<bpmn:serviceTask id=\"Task_Run\" camunda:expression=\"" + ATTACK + "\" />"))
        .deploy())
        .isInstanceOf(ModelRefusedException.class)
        .hasMessageContaining("Element 'Task_Run'");
  }

  /** What got past the deploy-time rules would still reach the open beans only. */
  @Test
  void expressionsResolveOnlyTheOpenBeans() {
    JuelExpressionManager expressions = (JuelExpressionManager) engineConfiguration.getExpressionManager();
    ELContext context = expressions.createElContext(Variables.emptyVariableContext());

    assertThat(expressions.createValueExpression("${opsRequests}").getValue(context)).isNotNull();
    assertThatThrownBy(() -> expressions.createValueExpression("${identityService}").getValue(context))
        .isInstanceOf(PropertyNotFoundException.class);
    assertThatThrownBy(() -> expressions.createValueExpression("${modelDeployment}").getValue(context))
        .isInstanceOf(PropertyNotFoundException.class);
  }

  private List<String> carolsGroups() {
    return identity.createGroupQuery().groupMember("carol").list().stream().map(Group::getId).sorted().toList();
  }

  private ProcessDefinition latestProbe() {
    return repository.createProcessDefinitionQuery().processDefinitionKey(KEY).latestVersion().singleResult();
  }

  /** Reads variables, calls beans open to models: what a designer may deploy. */
  static String harmless() {
    return probe("""
        <bpmn:userTask id="Task_Run" name="Review ${communityName}" camunda:candidateGroups="process-designers">
          <bpmn:extensionElements>
            <camunda:taskListener event="create" expression="${taskContext.name(task)}" />
          </bpmn:extensionElements>
        </bpmn:userTask>""");
  }

  /** The probe process of this test, with the elements. */
  static String probe(String elements) {
    return TestModels.probe(KEY, elements);
  }

  /** POST /engine-rest/deployment/create, multipart, as carol (process-designers) with password "demo". */
  static ResponseEntity<Map> deployAsCarol(TestRestTemplate rest, String bpmn) {
    return RestDeployment.create(rest, "carol", "model-safety-it", "probe.bpmn", bpmn, Map.class);
  }

}
