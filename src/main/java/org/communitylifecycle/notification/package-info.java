/** Mail: assignment and escalation notices from the engine, the liaisons' weekly digest, opt-outs, sent through an outbox. */
package org.communitylifecycle.notification;
