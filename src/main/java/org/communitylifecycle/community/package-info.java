/** A community entering a stage: its name, key, activator and liaison, and its row in the community directory. */
package org.communitylifecycle.community;
