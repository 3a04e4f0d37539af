/** Community-of-Practice maturity: recurring self-assessments against the WAO steps, reviewed by a liaison. */
@ApplicationModule(displayName = "Community of practice", allowedDependencies = {"community", "engine", "identity"})
package org.communitylifecycle.practice;

import org.springframework.modulith.ApplicationModule;
