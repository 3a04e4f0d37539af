/** What every HTTP answer carries: the security headers. */
@ApplicationModule(displayName = "Web", allowedDependencies = {"engine"})
package org.communitylifecycle.web;

import org.springframework.modulith.ApplicationModule;
