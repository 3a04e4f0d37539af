package org.communitylifecycle.modelcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every model and form the app ships keeps every rule, so the app deploys them at startup. */
class ShippedModelsTest {

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

  @ParameterizedTest
  @MethodSource("shipped")
  void keepsEveryRule(Path file) throws IOException {
    String name = file.getParent().getFileName() + "/" + file.getFileName();

    assertThat(ModelCheck.standard().check(name, Files.readAllBytes(file))).as(name).isEmpty();
  }
}
