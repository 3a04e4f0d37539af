package org.communitylifecycle.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.Resource;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.communitylifecycle.testsupport.TestDatabase;
import org.communitylifecycle.testsupport.TestProcessEngineConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.communitylifecycle.lifecycle.LifecycleContract;
import org.communitylifecycle.milestone.MilestoneContract;

/** Deploying processes/ and forms/: one deployment, only what changed, forms travelling with their models. */
class ModelDeploymentTest {

  @RegisterExtension static ProcessEngineExtension engine = ProcessEngineExtension.builder().configurationResource(TestProcessEngineConfiguration.RESOURCE).build();

  ProcessEngine processEngine;

  @AfterEach
  void deleteDeployments() {
    RepositoryService repository = processEngine.getRepositoryService();
    repository.createDeploymentQuery().list().forEach(d -> repository.deleteDeployment(d.getId(), true));
  }

  @Test
  void everythingOnTheClasspathIsDeployedOnceUnderRelativeNames() {
    ModelDeployment deployment = new ModelDeployment(processEngine.getRepositoryService());
    List<ModelResource> resources = deployment.scan();

    Deployment first = deployment.deploy(resources).orElseThrow();

    assertThat(names(first)).contains(
        "processes/milestone.bpmn", "processes/learning-and-preparing-for-growth.bpmn",
        "forms/milestone-deliver.form", "forms/start-community-lifecycle.form", "processes/community-lifecycle.bpmn",
        "processes/stage-exit-criteria.dmn");
    assertThat(names(first)).allMatch(n -> n.startsWith("processes/") || n.startsWith("forms/"));
    assertThat(deployment.deploy(deployment.scan())).isEmpty();
    assertThat(processEngine.getRepositoryService().createDeploymentQuery().count()).isEqualTo(1);
  }

  @Test
  void aChangedFormIsRedeployedWithTheModelsThatUseIt() {
    ModelDeployment deployment = new ModelDeployment(processEngine.getRepositoryService());
    List<ModelResource> resources = deployment.scan();
    deployment.deploy(resources);

    List<ModelResource> edited = new ArrayList<>();
    for (ModelResource r : resources) {
      edited.add(r.name().equals("forms/milestone-review.form")
          ? new ModelResource(r.name(), new String(r.content(), StandardCharsets.UTF_8)
              .replace("Request changes", "Ask for changes").getBytes(StandardCharsets.UTF_8))
          : r);
    }
    Deployment second = deployment.deploy(edited).orElseThrow();

    // milestone.bpmn binds its forms by deployment, so it comes along with all of its forms; the
    // stages call it by deployment, so they come along too (with their own forms), and new
    // communities get the new form. Nothing else does.
    assertThat(names(second)).containsExactlyInAnyOrder(
        "forms/milestone-review.form", "processes/milestone.bpmn",
        "forms/milestone-deliver.form", "forms/milestone-follow-up.form",
        "processes/pre-work.bpmn", "processes/starting.bpmn", "processes/learning-and-preparing-for-growth.bpmn",
        "processes/scaling.bpmn", "processes/sustaining.bpmn",
        "forms/review-stage-exit.form", "forms/review-sustaining-stage.form");
    assertThat(processEngine.getRepositoryService().createProcessDefinitionQuery()
            .processDefinitionKey(LifecycleContract.PROCESS_KEY).count()).isEqualTo(1);
    assertThat(processEngine.getRepositoryService().createProcessDefinitionQuery()
            .processDefinitionKey(MilestoneContract.PROCESS_KEY).latestVersion().singleResult().getVersion()).isEqualTo(2);
  }

  @Test
  void twoNodesDeployingTheSameChangeAtOnceMakeOneDeployment() throws Exception {
    // Two instances, as on two nodes: only the engine's deployment lock keeps them apart, which it
    // takes on PostgreSQL, not on H2 (DbSqlSession.lock); run with -Ppostgres.
    assumeTrue(TestDatabase.isPostgres(), "the engine takes no deployment lock on H2");
    ModelDeployment node1 = new ModelDeployment(processEngine.getRepositoryService());
    ModelDeployment node2 = new ModelDeployment(processEngine.getRepositoryService());
    List<ModelResource> resources = node1.scan();
    node1.deploy(resources);

    List<ModelResource> edited = new ArrayList<>();
    for (ModelResource r : resources) {
      edited.add(r.name().equals("forms/milestone-review.form")
          ? new ModelResource(r.name(), new String(r.content(), StandardCharsets.UTF_8)
              .replace("Request changes", "Ask for changes").getBytes(StandardCharsets.UTF_8))
          : r);
    }
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      CountDownLatch go = new CountDownLatch(1);
      Future<Optional<Deployment>> first = pool.submit(() -> { go.await(); return node1.deploy(edited); });
      Future<Optional<Deployment>> second = pool.submit(() -> { go.await(); return node2.deploy(edited); });
      go.countDown();
      assertThat(Stream.of(first.get(30, TimeUnit.SECONDS), second.get(30, TimeUnit.SECONDS))
          .filter(Optional::isPresent).count()).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(processEngine.getRepositoryService().createProcessDefinitionQuery()
            .processDefinitionKey(MilestoneContract.PROCESS_KEY).latestVersion().singleResult().getVersion()).isEqualTo(2);
  }

  @Test
  void aChangedStageIsRedeployedWithTheMilestoneItCallsByDeployment() {
    ModelDeployment deployment = new ModelDeployment(processEngine.getRepositoryService());
    List<ModelResource> resources = deployment.scan();
    deployment.deploy(resources);

    List<ModelResource> edited = new ArrayList<>();
    for (ModelResource r : resources) {
      edited.add(r.name().equals("processes/scaling.bpmn")
          ? new ModelResource(r.name(), new String(r.content(), StandardCharsets.UTF_8)
              .concat("\n").getBytes(StandardCharsets.UTF_8))
          : r);
    }
    Deployment second = deployment.deploy(edited).orElseThrow();

    // The stage's milestones bind "milestone" by deployment: without it in the same deployment they
    // could not start. The milestone itself did not change, so the other stages stay where they are.
    assertThat(names(second)).containsExactlyInAnyOrder(
        "processes/scaling.bpmn", "forms/review-stage-exit.form", "processes/milestone.bpmn",
        "forms/milestone-review.form", "forms/milestone-deliver.form", "forms/milestone-follow-up.form");
    assertThat(processEngine.getRepositoryService().createProcessDefinitionQuery()
            .processDefinitionKey("starting").count()).isEqualTo(1);
  }

  @Test
  void aCallByDeploymentToAMissingProcessIsRefused() {
    ModelDeployment deployment = new ModelDeployment(processEngine.getRepositoryService());
    List<ModelResource> missing = new ArrayList<>(deployment.scan());
    missing.removeIf(r -> r.name().equals("processes/milestone.bpmn"));
    assertThatThrownBy(() -> deployment.deploy(missing))
        .isInstanceOf(InvalidModelException.class)
        .hasMessageStartingWith("processes/")
        .hasMessageContaining("calls the process 'milestone' with calledElementBinding=\"deployment\"");
    assertThat(processEngine.getRepositoryService().createDeploymentQuery().count()).isZero();
  }

  @Test
  void aMalformedFormStopsTheDeploymentAndNamesTheFile() {
    ModelDeployment deployment = new ModelDeployment(processEngine.getRepositoryService());
    List<ModelResource> resources = new ArrayList<>(deployment.scan());
    resources.add(new ModelResource("forms/broken.form", "{ \"components\": [ ".getBytes(StandardCharsets.UTF_8)));

    assertThatThrownBy(() -> deployment.deploy(resources))
        .isInstanceOf(InvalidModelException.class).hasMessageStartingWith("forms/broken.form is not valid JSON");
    assertThat(processEngine.getRepositoryService().createDeploymentQuery().count()).isZero();
  }

  @Test
  void aFormWithoutAnIdOrAMissingFormIsRefused() {
    ModelDeployment deployment = new ModelDeployment(processEngine.getRepositoryService());
    List<ModelResource> noId = new ArrayList<>(deployment.scan());
    noId.add(new ModelResource("forms/anonymous.form", "{\"components\": []}".getBytes(StandardCharsets.UTF_8)));
    assertThatThrownBy(() -> deployment.deploy(noId)).hasMessageContaining("has no top-level \"id\"");

    List<ModelResource> missing = new ArrayList<>(deployment.scan());
    missing.removeIf(r -> r.name().equals("forms/milestone-review.form"));
    assertThatThrownBy(() -> deployment.deploy(missing))
        .hasMessage("processes/milestone.bpmn refers to the form 'milestone-review', which is not in forms/");
    assertThat(processEngine.getRepositoryService().createDeploymentQuery().count()).isZero();
  }

  @Test
  void namesAreRelativeWhereverTheFilesAre() {
    assertThat(ModelDeployment.relativeName("jar:file:/opt/app.jar!/BOOT-INF/classes!/processes/milestone.bpmn"))
        .isEqualTo("processes/milestone.bpmn");
    assertThat(ModelDeployment.relativeName("file:/home/carol/community-lifecycle/target/classes/forms/x.form"))
        .isEqualTo("forms/x.form");
  }

  private List<String> names(Deployment deployment) {
    return processEngine.getRepositoryService().getDeploymentResources(deployment.getId()).stream()
        .map(Resource::getName).toList();
  }
}
