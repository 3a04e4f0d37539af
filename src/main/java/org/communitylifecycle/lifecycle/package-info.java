/** A community's way through the five lifecycle stages: entry at any stage, exit gates, stage history, pause, resume and close. */
package org.communitylifecycle.lifecycle;
