package org.communitylifecycle.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The GH Archive folder of the integration tests: a temporary folder, made once per test JVM, with
 * a copy of the kitsune sample (src/main/resources/demo/gharchive/kitsune-2026-09, see its
 * README), so that the demo's own file, which the app copies there, never lands in the sources.
 */
public final class TestGhArchive {

  public static final String KITSUNE = "kitsune-2026-09";
  private static Path root;

  private TestGhArchive() {}

  public static synchronized String root() {
    if (root == null) {
      try {
        Path folder = Files.createTempDirectory("cl-gharchive-");
        Path sample = Path.of("src/main/resources/demo/gharchive", KITSUNE);
        Files.createDirectories(folder.resolve(KITSUNE));
        try (Stream<Path> files = Files.list(sample)) {
          for (Path file : files.toList()) {
            Files.copy(file, folder.resolve(KITSUNE).resolve(file.getFileName()));
          }
        }
        folder.toFile().deleteOnExit();
        root = folder;
      } catch (IOException e) {
        throw new UncheckedIOException("Could not make the test GH Archive folder", e);
      }
    }
    return root.toString();
  }
}
