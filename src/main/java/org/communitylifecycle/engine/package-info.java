/** How the embedded engine is set up beyond the starter's defaults. */
@ApplicationModule(displayName = "Engine", allowedDependencies = {})
package org.communitylifecycle.engine;

import org.springframework.modulith.ApplicationModule;
