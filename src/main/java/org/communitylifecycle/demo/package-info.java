/** Sample data for the demo profile, so Tasklist and Cockpit have something to show. */
@ApplicationModule(displayName = "Demo data", allowedDependencies = {"alumni", "community", "contributor", "engine", "identity", "lifecycle", "mentoring", "milestone", "opsjam", "practice", "source"})
package org.communitylifecycle.demo;

import org.springframework.modulith.ApplicationModule;
