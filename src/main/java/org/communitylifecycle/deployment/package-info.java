/** Deploys the models in processes/ and the forms in forms/ as one deployment, redeploying only what changed. */
@ApplicationModule(displayName = "Deployment", allowedDependencies = {})
package org.communitylifecycle.deployment;

import org.springframework.modulith.ApplicationModule;
