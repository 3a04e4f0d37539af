/**
 * What operators watch: the engine's figures as Micrometer meters at {@code /actuator/prometheus}
 * (open incidents, jobs, open tasks, running instances per shipped process, the mail outbox, and
 * counters of tasks and instances), and the deployed model versions at {@code /actuator/info}.
 * Gauges read cheap counts, at most once per {@link EngineFigures#MAX_AGE}. See docs/monitoring/.
 */
@ApplicationModule(displayName = "Monitoring", allowedDependencies = {})
package org.communitylifecycle.monitoring;

import org.springframework.modulith.ApplicationModule;
