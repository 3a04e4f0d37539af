/** The SourceCred ecosystem ops jam: preparing the jam, collecting input, combing the backlog and tracking the roadmap. */
@ApplicationModule(displayName = "Ops jam", allowedDependencies = {"community", "engine", "identity"})
package org.communitylifecycle.opsjam;

import org.springframework.modulith.ApplicationModule;
