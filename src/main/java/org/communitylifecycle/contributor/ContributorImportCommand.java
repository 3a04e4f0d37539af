package org.communitylifecycle.contributor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntConsumer;
import org.communitylifecycle.contributor.ContributorExceptions.InvalidContributorData;
import org.communitylifecycle.contributor.ContributorExceptions.TierRuleGap;
import org.communitylifecycle.contributor.ContributorExceptions.UnknownCommunity;
import org.communitylifecycle.contributor.ContributorViews.ImportResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code --import-contributors=<community-key>:<file.csv>}: imports the file, reports each bad row,
 * and stops the application with exit status 0 (imported) or 1 (nothing imported). Without the
 * argument it does nothing. Runs after the models are deployed, which the tier decision needs.
 */
@Component
@Order(100)
class ContributorImportCommand implements ApplicationRunner {

  static final String OPTION = "import-contributors";

  private static final Logger log = LoggerFactory.getLogger(ContributorImportCommand.class);

  private final ContributorService contributors;
  private final IntConsumer exit;

  @Autowired
  ContributorImportCommand(ContributorService contributors, ConfigurableApplicationContext context) {
    this(contributors, code -> System.exit(SpringApplication.exit(context, () -> code)));
  }

  ContributorImportCommand(ContributorService contributors, IntConsumer exit) {
    this.contributors = contributors;
    this.exit = exit;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!args.containsOption(OPTION)) {
      return;
    }
    exit.accept(importFrom(args.getOptionValues(OPTION)));
  }

  /** The exit status: 0 when the file was imported, 1 when nothing was. */
  int importFrom(List<String> values) {
    if (values == null || values.size() != 1 || !values.get(0).contains(":")) {
      log.error("Give one --{}=<community-key>:<file.csv>, for example --{}=sumo-community:contributors.csv",
          OPTION, OPTION);
      return 1;
    }
    String value = values.get(0);
    String communityKey = value.substring(0, value.indexOf(':')).trim();
    Path file = Path.of(value.substring(value.indexOf(':') + 1).trim());
    String csv;
    try {
      csv = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      log.error("Cannot read {}: {}", file.toAbsolutePath(), e.getMessage());
      return 1;
    }
    try {
      ImportResult result = contributors.importCsv(communityKey, csv);
      log.info("Imported {} into '{}': {} rows; {} contributors added, {} updated; {} contributions added; "
              + "{} roles added, {} updated; tier history changed for {} contributors",
          file, communityKey, result.rows(), result.contributorsAdded(), result.contributorsUpdated(),
          result.contributionsAdded(), result.rolesAdded(), result.rolesUpdated(), result.contributorsWithNewTierHistory());
      return 0;
    } catch (InvalidContributorData e) {
      log.error("{}: {}", file, e.summary());
      e.problems().forEach(p -> log.error("  {}", p));
      return 1;
    } catch (UnknownCommunity | TierRuleGap e) {
      log.error("{}: nothing was imported. {}", file, e.getMessage());
      return 1;
    }
  }
}
