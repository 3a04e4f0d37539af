package org.communitylifecycle.notification;

import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The outbox poller and the weekly digest run on Spring's scheduler. They do nothing while mail is
 * off. The engine's own jobs are not involved: mail must not depend on the job executor, which
 * tests and some deployments turn off.
 *
 * <p>Several nodes may share one database, and each runs the same schedule. The outbox poller is
 * safe as it is: a message is claimed by a conditional update, so one node sends it. Work that
 * must happen once per cluster, such as the digest, carries {@code @SchedulerLock}: the node that
 * takes the lock row in {@code cl_shedlock} runs it, the others skip that run. Lock times are the
 * database's clock, so nodes whose clocks differ a little still agree.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "PT30M")
class MailScheduling {

  /** The table of the locks, created by Flyway (V9__shedlock.sql). */
  static final String LOCK_TABLE = "cl_shedlock";

  @Bean
  LockProvider lockProvider(DataSource dataSource) {
    return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
        .withJdbcTemplate(new JdbcTemplate(dataSource))
        .withTableName(LOCK_TABLE)
        .usingDbTime()
        .build());
  }
}
