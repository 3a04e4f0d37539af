/** Deploys the models in processes/ and the forms in forms/ as one deployment, redeploying only what changed. */
package org.communitylifecycle.deployment;
