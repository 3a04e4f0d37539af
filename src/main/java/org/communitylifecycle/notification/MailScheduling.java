package org.communitylifecycle.notification;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The outbox poller and the weekly digest run on Spring's scheduler. They do nothing while mail is
 * off. The engine's own jobs are not involved: mail must not depend on the job executor, which
 * tests and some deployments turn off.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class MailScheduling {}
