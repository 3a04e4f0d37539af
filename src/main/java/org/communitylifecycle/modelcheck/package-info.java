/** What a deployed model may do: read variables and call the beans open to models, never run code of its own; the engine refuses the rest at deploy time. */
@ApplicationModule(displayName = "Model check", allowedDependencies = {"milestone"})
package org.communitylifecycle.modelcheck;

import org.springframework.modulith.ApplicationModule;
