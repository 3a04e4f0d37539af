/** Mail: assignment and escalation notices from the engine, the liaisons' weekly digest, opt-outs, sent through an outbox. */
@ApplicationModule(displayName = "Notifications", allowedDependencies = {"community", "engine", "identity", "milestone"})
package org.communitylifecycle.notification;

import org.springframework.modulith.ApplicationModule;
