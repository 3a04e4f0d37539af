/**
 * Sources of contribution data (GitHub, Discourse, GH Archive files): configured per community,
 * synced on a schedule by the process contribution-source-sync, written as contributions of the
 * people whose accounts made them. See docs/sources.md.
 */
@ApplicationModule(displayName = "Contribution sources", allowedDependencies = {"community", "contributor", "engine", "identity"})
package org.communitylifecycle.source;

import org.springframework.modulith.ApplicationModule;
