package org.communitylifecycle.modelcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every model and form the app ships keeps every rule, so the app deploys them at startup: they
 * are checked as the one deployment the app makes of them, on an engine with nothing deployed.
 */
class ShippedModelsTest {

  private static Map<String, List<Violation>> refused;

  static Stream<Path> shipped() throws IOException {
    return Stream.of(Path.of("processes"), Path.of("forms"))
        .flatMap(dir -> {
          try {
            return Files.list(dir);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        })
        .sorted();
  }

  @BeforeAll
  static void checkTheDeployment() throws IOException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (Path file : shipped().toList()) {
      files.put(name(file), Files.readAllBytes(file));
    }
    refused = ModelCheck.standard().check(files, DeployedDefinitions.NONE);
  }

  @ParameterizedTest
  @MethodSource("shipped")
  void keepsEveryRule(Path file) {
    assertThat(refused.getOrDefault(name(file), List.of())).as(name(file)).isEmpty();
  }

  private static String name(Path file) {
    return file.getParent().getFileName() + "/" + file.getFileName();
  }
}
