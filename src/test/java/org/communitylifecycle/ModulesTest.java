package org.communitylifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.modulith.docs.Documenter.CanvasOptions;
import org.springframework.modulith.docs.Documenter.DiagramOptions;
import org.springframework.modulith.docs.Documenter.DiagramOptions.DiagramStyle;
import org.springframework.modulith.docs.Documenter.DiagramOptions.ElementsWithoutRelationships;

/**
 * The packages under {@code org.communitylifecycle} are application modules: each package-info names
 * in {@code @ApplicationModule(allowedDependencies = ...)} the modules it may use. Writes the module
 * diagrams and canvases to docs/modules/.
 */
class ModulesTest {

  private static final ApplicationModules MODULES = ApplicationModules.of(CommunityLifecycleApplication.class);

  private static final Path MAIN_SOURCES = Path.of("src/main/java/org/communitylifecycle");

  private static final Pattern MODULE_REFERENCE = Pattern.compile("\\borg\\.communitylifecycle\\.([a-z]+)\\.");

  private static final Pattern COMMENTS = Pattern.compile("/\\*.*?\\*/|(?m)(?:^|\\s)//.*$", Pattern.DOTALL);

  /** No cycles, and every type a module uses (fields, constructors, method signatures, calls) is in a module it allows. */
  @Test
  void modulesUseOnlyTheModulesTheyAllow() {
    MODULES.verify();
  }

  /**
   * What {@link #modulesUseOnlyTheModulesTheyAllow} cannot see: the compiler copies constants
   * ({@code static final String}s such as a group name or a variable name) into the class that uses
   * them, so the bytecode Modulith reads does not name their module. The imports and qualified
   * names in the sources do.
   */
  @Test
  void sourcesNameOnlyTheModulesTheyAllow() throws IOException {
    List<String> violations = new ArrayList<>();
    for (ApplicationModule module : MODULES) {
      String name = module.getIdentifier().toString();
      Set<String> allowed = allowedDependencies(module);
      try (Stream<Path> files = Files.list(MAIN_SOURCES.resolve(name))) {
        for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
          String code = COMMENTS.matcher(Files.readString(file)).replaceAll(" ");
          Matcher reference = MODULE_REFERENCE.matcher(code);
          Set<String> named = new TreeSet<>();
          while (reference.find()) {
            named.add(reference.group(1));
          }
          named.remove(name);
          named.removeAll(allowed);
          named.forEach(target -> violations.add(
              "Module '%s' names module '%s' in %s, but allows only %s".formatted(name, target, file.getFileName(), allowed)));
        }
      }
    }
    assertThat(violations).isEmpty();
  }

  @Test
  void everyModuleDeclaresItsDependencies() {
    for (ApplicationModule module : MODULES) {
      assertThat(annotation(module))
          .as("@ApplicationModule(allowedDependencies = ...) on %s", module.getBasePackage().getName())
          .isNotNull()
          .satisfies(a -> assertThat(a.allowedDependencies()).doesNotContain(org.springframework.modulith.ApplicationModule.OPEN_TOKEN));
    }
  }

  /** docs/modules/: components.puml (all modules), module-*.puml and module-*.adoc (one module each), all-docs.adoc. */
  @Test
  void writesTheModuleDocumentation() {
    DiagramOptions diagrams = DiagramOptions.defaults()
        .withStyle(DiagramStyle.C4)
        .withElementsWithoutRelationships(ElementsWithoutRelationships.VISIBLE);
    new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("docs/modules"))
        .writeDocumentation(diagrams, CanvasOptions.defaults());
    assertThat(Path.of("docs/modules/components.puml")).exists();
  }

  private static Set<String> allowedDependencies(ApplicationModule module) {
    return new TreeSet<>(List.of(annotation(module).allowedDependencies()));
  }

  private static org.springframework.modulith.ApplicationModule annotation(ApplicationModule module) {
    try {
      return Class.forName(module.getBasePackage().getName() + ".package-info")
          .getAnnotation(org.springframework.modulith.ApplicationModule.class);
    } catch (ClassNotFoundException e) {
      return null;
    }
  }
}
