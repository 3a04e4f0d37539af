/** Contributors of a community, their activity, and their Casual/Active/Core conversion points. */
@ApplicationModule(displayName = "Contributors", allowedDependencies = {"community", "engine", "identity"})
package org.communitylifecycle.contributor;

import org.springframework.modulith.ApplicationModule;
