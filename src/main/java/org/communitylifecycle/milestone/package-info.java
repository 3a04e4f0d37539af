/** The milestone pattern: deliver, review, and escalate stalled steps, shared by every stage. */
@ApplicationModule(displayName = "Milestones", allowedDependencies = {"engine", "identity", "migration"})
package org.communitylifecycle.milestone;

import org.springframework.modulith.ApplicationModule;
