/**
 * Moves running instances to the latest version of their model: a plan per process key (or for
 * everything the last deployment changed), a dry run, an engine batch, and the report of what moved.
 */
@ApplicationModule(displayName = "Migration of running instances", allowedDependencies = {"engine", "identity"})
package org.communitylifecycle.migration;

import org.springframework.modulith.ApplicationModule;
