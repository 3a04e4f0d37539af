package org.communitylifecycle.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.communitylifecycle.testsupport.TestProcessEngineConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.communitylifecycle.milestone.MilestoneContract;

/** Saving a file in a copy of processes/ and forms/ deploys what changed; a broken file is refused and watching goes on. */
class LiveRedeployTest {

  @RegisterExtension static ProcessEngineExtension engine = ProcessEngineExtension.builder().configurationResource(TestProcessEngineConfiguration.RESOURCE).build();

  private static final Duration DEADLINE = Duration.ofSeconds(10);

  ProcessEngine processEngine;
  @TempDir Path repo;
  LiveRedeploy live;

  @AfterEach
  void stopAndDeleteDeployments() {
    if (live != null) {
      live.close();
    }
    RepositoryService repository = processEngine.getRepositoryService();
    repository.createDeploymentQuery().list().forEach(d -> repository.deleteDeployment(d.getId(), true));
  }

  @Test
  void aSavedFileIsRedeployedABrokenOneRefusedAndWatchingGoesOn() throws IOException {
    copy(Path.of("processes"), repo.resolve("processes"));
    copy(Path.of("forms"), repo.resolve("forms"));
    ModelDeployment deployment = new ModelDeployment(processEngine.getRepositoryService());
    deployment.deploy(deployment.scan(repo)).orElseThrow();
    assertThat(milestoneVersion()).isEqualTo(1);
    live = new LiveRedeploy(deployment, repo);
    assertThat(live.start()).isTrue();

    // A label changed in a form: the milestone process comes again with its forms.
    edit(repo.resolve("forms/milestone-review.form"), "Request changes", "Ask for changes");
    waitFor(() -> milestoneVersion() == 2, "milestone version 2 after editing forms/milestone-review.form");

    // A truncated model is refused; the version stays, nothing is deployed.
    Path model = repo.resolve("processes/milestone.bpmn");
    byte[] good = Files.readAllBytes(model);
    long deployments = deploymentCount();
    Files.write(model, java.util.Arrays.copyOf(good, good.length / 2));
    waitFor(() -> live.refusedCount() == 1, "the truncated processes/milestone.bpmn refused");
    assertThat(milestoneVersion()).isEqualTo(2);
    assertThat(deploymentCount()).isEqualTo(deployments);

    // The watcher still works: the model mended and another form edited deploy version 3.
    Files.write(model, good);
    edit(repo.resolve("forms/milestone-deliver.form"), "\"label\"", "\"label\" ");
    waitFor(() -> milestoneVersion() == 3, "milestone version 3 after mending the model");
    assertThat(live.refusedCount()).isEqualTo(1);
  }

  @Test
  void withoutTheFoldersOnDiskItIsOff() {
    live = new LiveRedeploy(new ModelDeployment(processEngine.getRepositoryService()), repo);
    assertThat(live.start()).isFalse();
  }

  private int milestoneVersion() {
    var latest = processEngine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(MilestoneContract.PROCESS_KEY).latestVersion().singleResult();
    return latest == null ? 0 : latest.getVersion();
  }

  private long deploymentCount() {
    return processEngine.getRepositoryService().createDeploymentQuery().count();
  }

  private static void edit(Path file, String from, String to) throws IOException {
    String before = Files.readString(file, StandardCharsets.UTF_8);
    assertThat(before).contains(from);
    Files.writeString(file, before.replaceFirst(java.util.regex.Pattern.quote(from), to), StandardCharsets.UTF_8);
  }

  /** Polls every 100 ms until the condition holds, at most {@link #DEADLINE}. */
  private static void waitFor(BooleanSupplier condition, String what) {
    long end = System.nanoTime() + DEADLINE.toNanos();
    for (int i = 0; i < 200 && System.nanoTime() < end; i++) {
      if (condition.getAsBoolean()) {
        return;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    assertThat(condition.getAsBoolean()).as("within %s: %s", DEADLINE, what).isTrue();
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path source : (Iterable<Path>) files::iterator) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }
}
