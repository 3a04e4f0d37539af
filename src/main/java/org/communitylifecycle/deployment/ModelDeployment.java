package org.communitylifecycle.deployment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.RepositoryService;
// Comparing and deploying under the engine's deployment lock runs as one command; no public API runs one.
import org.camunda.bpm.engine.impl.ServiceImpl;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys every BPMN and DMN in {@code processes/} and every Camunda Form in {@code forms/} (the
 * starter's auto-deploy skips forms) under one deployment name.
 *
 * <p>Only what changed is deployed again. Because a task's {@code formRefBinding="deployment"}
 * looks for its form in the process's own deployment, a changed form is deployed together with
 * the models that use it, and a changed model together with its forms. Likewise a call activity
 * with {@code calledElementBinding="deployment"} (every milestone of a stage) finds the called
 * process only in its own deployment: a changed stage is deployed with the milestone, and a
 * milestone deployed again brings every stage that calls it.
 */
@Component
@Order(0)
class ModelDeployment implements ApplicationRunner {

  public static final String DEPLOYMENT_NAME = "community-lifecycle";

  private static final Logger log = LoggerFactory.getLogger(ModelDeployment.class);
  /** Where the models and forms are, relative to the classpath root or to the repository folder. */
  private static final List<String> PATTERNS =
      List.of("processes/**/*.bpmn", "processes/**/*.dmn", "forms/**/*.form");

  private final RepositoryService repository;
  private final ResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();

  public ModelDeployment(RepositoryService repository) {
    this.repository = repository;
  }

  @Override
  public void run(ApplicationArguments args) {
    deploy(scan());
  }

  /** Reads the models and forms from the classpath, keyed by their relative names. */
  List<ModelResource> scan() {
    return scan("classpath*:");
  }

  /**
   * Reads the models and forms from {@code root/processes} and {@code root/forms} on disk (the
   * repository's folders, as saved in an editor, not the classpath copy a build makes).
   */
  List<ModelResource> scan(Path root) {
    String location = root.toAbsolutePath().normalize().toUri().toString();
    return scan(location.endsWith("/") ? location : location + "/");
  }

  private List<ModelResource> scan(String location) {
    Map<String, ModelResource> found = new LinkedHashMap<>();
    for (String pattern : PATTERNS) {
      try {
        for (org.springframework.core.io.Resource resource : resolver.getResources(location + pattern)) {
          String filename = resource.getFilename();
          if (filename == null || filename.startsWith(".")) {
            continue; // an editor's hidden lock or swap file (Emacs's .#x.form), not a model
          }
          String name = relativeName(resource.getURL().toString());
          try (InputStream in = resource.getInputStream()) {
            found.putIfAbsent(name, new ModelResource(name, in.readAllBytes()));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + location + pattern, e);
      }
    }
    return new ArrayList<>(found.values());
  }

  /**
   * Deploys what differs from the latest deployed version of each file, plus what must travel
   * with it. Returns the new deployment, or empty when nothing changed.
   *
   * <p>Synchronized, so that in one application the startup deployment and a live redeploy
   * ({@link LiveRedeploy}) never compare and deploy at the same time; across nodes on one database
   * the comparison and the deploy run in the engine's exclusive deployment lock (a row lock on
   * {@code ACT_GE_PROPERTY 'deployment.lock'}, {@code deploymentLockUsed} being on by default).
   */
  public synchronized Optional<Deployment> deploy(List<ModelResource> resources) {
    Map<String, String> formIdToName = new HashMap<>();
    for (ModelResource r : resources) {
      if (r.isForm()) {
        String previous = formIdToName.put(r.formId(), r.name());
        if (previous != null) {
          throw new InvalidModelException(
              "Two forms have the id '" + r.formId() + "': " + previous + " and " + r.name());
        }
      }
    }
    for (ModelResource r : resources) {
      for (String ref : r.formRefs()) {
        if (!formIdToName.containsKey(ref)) {
          throw new InvalidModelException(r.name() + " refers to the form '" + ref + "', which is not in forms/");
        }
      }
    }

    Map<String, String> processIdToName = new HashMap<>();
    for (ModelResource r : resources) {
      for (String id : r.processIds()) {
        processIdToName.putIfAbsent(id, r.name());
      }
    }
    for (ModelResource r : resources) {
      for (String called : r.deploymentBoundCalls()) {
        if (!processIdToName.containsKey(called)) {
          throw new InvalidModelException(r.name() + " calls the process '" + called
              + "' with calledElementBinding=\"deployment\", but no model in processes/ defines it");
        }
      }
    }

    return inDeploymentLock(() -> deployChanged(resources, formIdToName, processIdToName));
  }

  /**
   * Runs the comparison and the deploy in one engine command holding the engine's exclusive
   * deployment lock, the one its deploy command takes (nested commands join the transaction), so
   * that two nodes starting on one database, or a node's live redeploy, cannot both deploy the same
   * change. The engine takes no such lock on H2 (table locks would deadlock its id generator), where
   * one application is all there is and {@code synchronized} suffices.
   */
  private <T> T inDeploymentLock(Supplier<T> work) {
    if (!(repository instanceof ServiceImpl service)) {
      return work.get(); // not the engine's own service (a mock): its deploy command locks on its own
    }
    return service.getCommandExecutor().execute(context -> {
      if (context.getProcessEngineConfiguration().isDeploymentLockUsed()) {
        context.getPropertyManager().acquireExclusiveLock();
      }
      return work.get();
    });
  }

  private Optional<Deployment> deployChanged(
      List<ModelResource> resources, Map<String, String> formIdToName, Map<String, String> processIdToName) {
    Map<String, byte[]> deployed = latestDeployedContent();
    Set<String> changed = new LinkedHashSet<>();
    for (ModelResource r : resources) {
      byte[] before = deployed.get(r.name());
      if (before == null || !r.sameContentAs(before)) {
        changed.add(r.name());
      }
    }
    if (changed.isEmpty()) {
      log.info("Models and forms unchanged: nothing to deploy ({} files)", resources.size());
      return Optional.empty();
    }

    // Renewed: changed, or using a changed form, or calling a renewed process by deployment (so the
    // newest caller binds the newest callee). A renewed model travels with its forms and with the
    // processes it calls by deployment, which travel with theirs.
    Set<String> renewed = new LinkedHashSet<>(changed);
    for (boolean grew = true; grew; ) {
      grew = false;
      for (ModelResource r : resources) {
        boolean usesChangedForm = r.formRefs().stream().map(formIdToName::get).anyMatch(changed::contains);
        boolean callsRenewed = r.deploymentBoundCalls().stream().map(processIdToName::get).anyMatch(renewed::contains);
        if (usesChangedForm || callsRenewed) {
          grew |= renewed.add(r.name());
        }
      }
    }
    Set<String> toDeploy = new LinkedHashSet<>(renewed);
    for (boolean grew = true; grew; ) {
      grew = false;
      for (ModelResource r : resources) {
        if (toDeploy.contains(r.name())) {
          for (String form : r.formRefs()) {
            grew |= toDeploy.add(formIdToName.get(form));
          }
          for (String called : r.deploymentBoundCalls()) {
            grew |= toDeploy.add(processIdToName.get(called));
          }
        }
      }
    }

    DeploymentBuilder builder = repository.createDeployment().name(DEPLOYMENT_NAME).source(DEPLOYMENT_NAME);
    for (ModelResource r : resources) {
      if (toDeploy.contains(r.name())) {
        builder.addInputStream(r.name(), new ByteArrayInputStream(r.content()));
      }
    }
    Deployment deployment = builder.deploy();
    log.info("Deployed {} (changed: {})", toDeploy, changed);
    return Optional.of(deployment);
  }

  /** The names of the files in a deployment, as the engine stored them. */
  public List<String> resourceNames(Deployment deployment) {
    return repository.getDeploymentResources(deployment.getId()).stream().map(Resource::getName).sorted().toList();
  }

  /** The content of each file name as most recently deployed under this deployment's name. */
  private Map<String, byte[]> latestDeployedContent() {
    Map<String, byte[]> latest = new HashMap<>();
    List<Deployment> deployments =
        repository.createDeploymentQuery().deploymentName(DEPLOYMENT_NAME).orderByDeploymentTime().desc().list();
    for (Deployment deployment : deployments) {
      for (Resource resource : repository.getDeploymentResources(deployment.getId())) {
        if (!latest.containsKey(resource.getName())) {
          try (InputStream in = repository.getResourceAsStreamById(deployment.getId(), resource.getId())) {
            latest.put(resource.getName(), in.readAllBytes());
          } catch (IOException e) {
            throw new UncheckedIOException("Cannot read deployed " + resource.getName(), e);
          }
        }
      }
    }
    return latest;
  }

  /** "jar:file:/app.jar!/BOOT-INF/classes!/processes/x.bpmn" and "file:/repo/target/classes/processes/x.bpmn" → "processes/x.bpmn". */
  static String relativeName(String url) {
    int processes = url.lastIndexOf("/processes/");
    int forms = url.lastIndexOf("/forms/");
    int at = Math.max(processes, forms);
    if (at < 0) {
      throw new IllegalArgumentException("Not under processes/ or forms/: " + url);
    }
    return url.substring(at + 1);
  }
}
