/** A community's way through the five lifecycle stages: entry at any stage, exit gates, stage history, pause, resume and close. */
@ApplicationModule(displayName = "Lifecycle stages", allowedDependencies = {"community", "contributor", "engine", "identity", "milestone"})
package org.communitylifecycle.lifecycle;

import org.springframework.modulith.ApplicationModule;
