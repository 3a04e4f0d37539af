package org.communitylifecycle.deployment;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.repository.Deployment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Development only ({@code community-lifecycle.models.live-redeploy: true}, set in the demo
 * profile): watches the repository's {@code processes/} and {@code forms/} folders and, once a
 * burst of saves has settled, deploys what changed through {@link ModelDeployment#deploy}, so the
 * same comparison and the same engine check as at startup. A refused file is logged as one WARN
 * line and the running version keeps serving. See docs/designing-live-redeploy.md.
 *
 * <p>Watching starts on {@link ApplicationReadyEvent}, after the startup deployment ran, in one
 * daemon thread, which therefore deploys one change after the other; it stops when the context
 * closes. Without the two folders on disk (a packaged jar) it logs once that it is off.
 */
@Component
@ConditionalOnProperty(name = "community-lifecycle.models.live-redeploy", havingValue = "true")
class LiveRedeploy implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(LiveRedeploy.class);
  /** Editors save in bursts (temporary file, rename, attributes): deploy once nothing happened for this long. */
  static final long QUIET_MILLIS = 400;
  /** A burst that never settles is deployed after this long anyway. */
  static final long MAX_BURST_MILLIS = 5_000;

  private final ModelDeployment deployment;
  private final Path root;
  private final AtomicInteger refused = new AtomicInteger();
  private volatile WatchService watcher;
  private volatile Thread thread;
  private volatile boolean stopped;

  @Autowired
  public LiveRedeploy(ModelDeployment deployment,
      @Value("${community-lifecycle.models.folder:.}") String root) {
    this(deployment, Path.of(root));
  }

  LiveRedeploy(ModelDeployment deployment, Path root) {
    this.deployment = deployment;
    this.root = root.toAbsolutePath().normalize();
  }

  @EventListener(ApplicationReadyEvent.class)
  public void onReady() {
    start();
  }

  /** Starts watching, unless the folders are missing. Returns whether it watches. */
  synchronized boolean start() {
    if (thread != null) {
      return true;
    }
    Path processes = root.resolve("processes");
    Path forms = root.resolve("forms");
    if (!Files.isDirectory(processes) || !Files.isDirectory(forms)) {
      log.info("Live redeploy is off: {} has no processes/ and forms/ folders (a packaged jar deploys from its classpath)", root);
      return false;
    }
    try {
      watcher = root.getFileSystem().newWatchService();
      register(processes);
      register(forms);
    } catch (IOException e) {
      log.warn("Live redeploy is off: cannot watch {}: {}", root, e.toString());
      closeQuietly();
      return false;
    }
    thread = new Thread(this::watch, "live-redeploy");
    thread.setDaemon(true);
    thread.start();
    log.info("Live redeploy is on: saving a file in {} or {} deploys what changed", processes, forms);
    return true;
  }

  /** How many redeploys were refused since the start; for tests. */
  int refusedCount() {
    return refused.get();
  }

  private void watch() {
    try {
      while (!stopped) {
        handle(watcher.take());
        long burstEnd = System.currentTimeMillis() + MAX_BURST_MILLIS;
        WatchKey more;
        while (System.currentTimeMillis() < burstEnd && (more = watcher.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS)) != null) {
          handle(more);
        }
        if (!stopped) {
          redeploy();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ClosedWatchServiceException e) {
      // closed on shutdown
    }
  }

  /** Notes a key's events: a new folder is watched too. */
  private void handle(WatchKey key) {
    for (WatchEvent<?> event : key.pollEvents()) {
      if (event.kind() == ENTRY_CREATE && key.watchable() instanceof Path dir
          && Files.isDirectory(dir.resolve((Path) event.context()))) {
        try {
          register(dir.resolve((Path) event.context()));
        } catch (IOException e) {
          log.warn("Live redeploy cannot watch the new folder {}: {}", dir.resolve((Path) event.context()), e.toString());
        }
      }
    }
    key.reset();
  }

  /** Reads the folders from disk and deploys what changed; never throws, so the watcher keeps running. */
  void redeploy() {
    try {
      deployment.deploy(deployment.scan(root)).ifPresent(this::logDeployed);
    } catch (ProcessEngineException | InvalidModelException | UncheckedIOException e) {
      // The engine's check (ModelRefusedException, a ParseException), its parsers (ParseException,
      // ENGINE-09003 for XML that is not well-formed), ModelDeployment's own form checks, or a file
      // that could not be read. Either way nothing was deployed.
      refused.incrementAndGet();
      log.warn("Not redeployed, the running version stays: {}", oneLine(e.getMessage()));
    } catch (RuntimeException e) {
      refused.incrementAndGet();
      log.warn("Not redeployed, the running version stays: {}", oneLine(String.valueOf(e)), e);
    }
  }

  private void logDeployed(Deployment deployed) {
    List<String> names = deployment.resourceNames(deployed);
    log.info("Redeployed {} (deployment {})", names, deployed.getId());
  }

  private static String oneLine(String message) {
    return message == null ? "" : message.strip().replaceAll("\\s*\\R\\s*", " ");
  }

  private void register(Path folder) throws IOException {
    Files.walkFileTree(folder, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
        dir.register(watcher, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE, OVERFLOW);
        return FileVisitResult.CONTINUE;
      }
    });
  }

  /** Stops watching; called when the context closes. */
  @Override
  public synchronized void close() {
    Thread running = thread;
    stopped = true;
    closeQuietly();
    if (running != null) {
      // Not interrupted: a deploy under way finishes (an interrupt may close H2's file mid-write).
      try {
        running.join(5_000);
        log.info("Live redeploy stopped");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void closeQuietly() {
    WatchService w = watcher;
    if (w != null) {
      try {
        w.close();
      } catch (IOException e) {
        log.debug("Closing the watch service", e);
      }
    }
  }
}
