package org.communitylifecycle.modelcheck;

/**
 * The definitions already deployed, as {@link ReferencesResolve} looks them up: the engine's in
 * {@link ModelCheckDeployer}, none in unit tests.
 */
interface DeployedDefinitions {

  /** What a reference names. */
  enum Kind {
    PROCESS,
    DECISION,
    FORM
  }

  /** Nothing deployed yet. */
  DeployedDefinitions NONE = (kind, key, version, versionTag) -> false;

  /**
   * Whether a definition of the kind and key is deployed: any version when {@code version} and
   * {@code versionTag} are null, else that version or version tag.
   */
  boolean exists(Kind kind, String key, Integer version, String versionTag);
}
