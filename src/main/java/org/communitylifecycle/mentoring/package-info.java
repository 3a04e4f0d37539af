/** Group mentoring cohorts: formation, weekly standups, graduation review against the contributor ladder, cohort reports. */
@ApplicationModule(displayName = "Mentoring cohorts", allowedDependencies = {"community", "engine", "identity"})
package org.communitylifecycle.mentoring;

import org.springframework.modulith.ApplicationModule;
