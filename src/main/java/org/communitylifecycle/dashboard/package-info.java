/** The liaisons' dashboard API: portfolio, community detail (with its contribution sources), stalled work, programs and handoff reports. */
@ApplicationModule(displayName = "Liaison dashboard", allowedDependencies = {"community", "contributor", "engine", "identity", "lifecycle", "mentoring", "milestone", "source"})
package org.communitylifecycle.dashboard;

import org.springframework.modulith.ApplicationModule;
