package org.communitylifecycle.demo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.communitylifecycle.community.CommunityDirectory;
import org.communitylifecycle.identity.Groups;
import org.communitylifecycle.source.SourceProperties;
import org.communitylifecycle.source.Sources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * Firefox Nightly Testers' contributors come from where they work, not from typing: the demo puts
 * its shipped GH Archive files under the GH Archive folder (demo/) and adds a source that follows
 * two months of mozilla/nightly-feedback and mozilla/nightly-tools, as bob, the liaison, would in
 * Tasklist. Its first sync runs on the job executor at once; the community detail shows it. The
 * other file, September 2026 of mozilla/kitsune (SUMO's platform), waits for a liaison to add it to
 * sumo-community, as the README's walkthrough does. Once: a community with the source keeps it; two
 * nodes starting together add it once (the name is unique).
 */
@Component
@Profile("demo")
@Order(45)
class DemoSources implements ApplicationRunner {

  static final String COMMUNITY = "firefox-nightly-testers";
  static final String SOURCE = "Nightly repositories (GH Archive)";
  static final String FILE = "firefox-nightly-2026-10.json.gz";

  private static final Logger log = LoggerFactory.getLogger(DemoSources.class);

  private final Sources sources;
  private final CommunityDirectory directory;
  private final SourceProperties properties;

  DemoSources(Sources sources, CommunityDirectory directory, SourceProperties properties) {
    this.sources = sources;
    this.directory = directory;
    this.properties = properties;
  }

  @Override
  public void run(ApplicationArguments args) {
    try {
      placeFiles();
      if (directory.find(COMMUNITY).isEmpty()
          || sources.ofCommunity(COMMUNITY).stream().anyMatch(s -> s.name().equals(SOURCE))) {
        return;
      }
      sources.add(COMMUNITY, SOURCE, "gharchive",
          Map.of("location", "demo/" + FILE, "repositories", "mozilla/nightly-feedback, mozilla/nightly-tools"),
          null, "PT6H", "bob", List.of(Groups.CBT_LIAISONS));
      log.info("Demo source '{}' of '{}' added; its first sync runs now", SOURCE, COMMUNITY);
    } catch (DataIntegrityViolationException e) {
      log.info("Demo source '{}' was added by another node meanwhile", SOURCE);
    } catch (IOException | RuntimeException e) {
      // Sample data must never stop the app from starting.
      log.warn("Demo source '{}' not added: {}", SOURCE, e.getMessage());
    }
  }

  /** Copies the shipped files under the GH Archive folder, unless they are there; a half-copied file is never seen. */
  private void placeFiles() throws IOException {
    Path demo = Path.of(properties.gharchiveRoot()).resolve("demo");
    for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath:demo/gharchive/**/*.json.gz")) {
      String url = file.getURL().toString();
      String relative = url.substring(url.lastIndexOf("demo/gharchive/") + "demo/gharchive/".length());
      Path target = demo.resolve(relative);
      if (Files.exists(target)) {
        continue;
      }
      Files.createDirectories(target.getParent());
      Path part = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
      try (InputStream in = file.getInputStream()) {
        Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
        Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(part);
      }
    }
  }
}
