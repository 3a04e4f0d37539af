/** The milestone pattern: deliver, review, and escalate stalled steps, shared by every stage. */
package org.communitylifecycle.milestone;
