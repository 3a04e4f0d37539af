/**
 * Tasklist as each role's day starts: the shared filters each role finds, sorted by what is due,
 * with the community and milestone in every list item, and the expression function that scopes a
 * liaison's filters to the communities they support.
 */
@ApplicationModule(displayName = "Tasklist", allowedDependencies = {"alumni", "community", "engine", "identity", "lifecycle", "mentoring", "milestone", "opsjam", "practice"})
package org.communitylifecycle.tasklist;

import org.springframework.modulith.ApplicationModule;
