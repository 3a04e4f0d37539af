/** A community entering a stage: its name, key, activator and liaison. */
package org.communitylifecycle.community;
