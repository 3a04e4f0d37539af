/** The liaisons' dashboard API: portfolio, community detail, stalled work, programs and handoff reports. */
@ApplicationModule(displayName = "Liaison dashboard", allowedDependencies = {"community", "contributor", "engine", "identity", "lifecycle", "mentoring", "milestone"})
package org.communitylifecycle.dashboard;

import org.springframework.modulith.ApplicationModule;
