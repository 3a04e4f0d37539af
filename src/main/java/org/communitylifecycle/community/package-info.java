/** A community entering a stage: its name, key, activator and liaison, and its row in the community directory. */
@ApplicationModule(displayName = "Communities", allowedDependencies = {"engine", "identity", "milestone"})
package org.communitylifecycle.community;

import org.springframework.modulith.ApplicationModule;
