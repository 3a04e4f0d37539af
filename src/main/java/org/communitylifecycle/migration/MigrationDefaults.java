package org.communitylifecycle.migration;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the latest version of one process needs from an instance that started on an earlier one:
 * the variables it reads that older instances may lack, each with its default, and the activities
 * whose id changed. The module that owns the process implements it next to the process's contract;
 * every planned migration of the process asks it (docs/designing-migration.md).
 *
 * <p>An instance that lacks a needed variable gets the default when it migrates; when there is no
 * default, the plan leaves the instance where it is and says which variable is missing.
 */
public interface MigrationDefaults {

  /** The process key this hook speaks for. */
  String processKey();

  /** The process-level variables the latest version reads, which an instance of an earlier version may lack. */
  Set<String> neededVariables();

  /**
   * The value for an instance that lacks {@code variable}, typically from the settings; empty when
   * there is none and the instance must stay.
   *
   * @param variables the instance's process-level variables, as they are
   */
  Optional<Object> defaultValue(String variable, Map<String, Object> variables);

  /** Activities whose id changed: old id to new id. Activities with the same id map by themselves. */
  default Map<String, String> renamedActivities() {
    return Map.of();
  }
}
