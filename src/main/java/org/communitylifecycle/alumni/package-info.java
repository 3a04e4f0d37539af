/** The Life Itself hub alumni network: consent-first feedback, the alumni directory and page, reunions, withdrawal. */
@ApplicationModule(displayName = "Alumni network", allowedDependencies = {"community", "engine", "identity"})
package org.communitylifecycle.alumni;

import org.springframework.modulith.ApplicationModule;
