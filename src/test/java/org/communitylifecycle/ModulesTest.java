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

  private static final Path DOCS = Path.of("docs/modules");

  private static final Pattern SORTABLE = Pattern.compile("\\s*(Rel|Component|Container|System|Person)\\(|\\* `");

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

  /**
   * docs/modules/: components.puml (all modules), module-*.puml and module-*.adoc (one module each),
   * all-docs.adoc. The documenter lists components, relations and beans in hash order, which
   * changes from one JVM to the next; sorted, the files change only when the modules do.
   */
  @Test
  void writesTheModuleDocumentation() throws IOException {
    DiagramOptions diagrams = DiagramOptions.defaults()
        .withStyle(DiagramStyle.C4)
        .withElementsWithoutRelationships(ElementsWithoutRelationships.VISIBLE);
    new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(DOCS.toString()))
        .writeDocumentation(diagrams, CanvasOptions.defaults());
    try (Stream<Path> files = Files.list(DOCS)) {
      for (Path file : files.sorted().toList()) {
        Files.write(file, sortRuns(Files.readAllLines(file)));
      }
    }
    assertThat(DOCS.resolve("components.puml")).exists();
  }

  /**
   * Sorts each run of consecutive lines of one kind: PlantUML elements or relations, AsciiDoc list
   * items (a table cell's list starts with {@code |* }; the bar stays on the first line).
   */
  static List<String> sortRuns(List<String> lines) {
    List<String> sorted = new ArrayList<>();
    List<String> run = new ArrayList<>();
    String runKind = null;
    boolean cell = false;
    for (String line : lines) {
      boolean startsCell = line.startsWith("|* `");
      String item = startsCell ? line.substring(1) : line;
      Matcher kind = SORTABLE.matcher(item);
      String lineKind = kind.lookingAt() ? kind.group() : null;
      if (runKind != null && (!runKind.equals(lineKind) || startsCell)) {
        flush(run, cell, sorted);
      }
      if (lineKind == null) {
        sorted.add(line);
      } else {
        if (run.isEmpty()) {
          cell = startsCell;
        }
        run.add(item);
      }
      runKind = lineKind;
    }
    flush(run, cell, sorted);
    return sorted;
  }

  private static void flush(List<String> run, boolean cell, List<String> sorted) {
    run.sort(null);
    for (int i = 0; i < run.size(); i++) {
      sorted.add(i == 0 && cell ? "|" + run.get(i) : run.get(i));
    }
    run.clear();
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
