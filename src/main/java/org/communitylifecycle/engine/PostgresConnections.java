package org.communitylifecycle.engine;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Map;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Session settings of every pooled connection to PostgreSQL, in every profile (a setting that an
 * operator gives in {@code spring.datasource.hikari.data-source-properties} or in the URL wins):
 *
 * <ul>
 *   <li>{@code plan_cache_mode=force_custom_plan}: the engine's statements are prepared once and run
 *       many times; after five runs PostgreSQL may switch a statement to a generic plan, made without
 *       knowing its parameters. For the authorization join of every list query that generic plan is
 *       the quadratic one that the statistics of db/engine/postgres/V1 exist to avoid (28 s instead
 *       of 0.2 s for a first page of 10,000 tasks). A custom plan costs a few hundred microseconds of
 *       planning per statement.</li>
 *   <li>{@code jit=off}: with the authorizations estimated right, a list query over thousands of
 *       tasks costs more than PostgreSQL's threshold for compiling it, and the compilation took longer
 *       (0.4 s) than the query. Short transactional queries never gain from it.</li>
 *   <li>{@code reWriteBatchedInserts}: the engine flushes the rows of a transaction as JDBC batches,
 *       one per table; the driver sends each batch as multi-row inserts instead of one statement per row.</li>
 * </ul>
 */
@Component
class PostgresConnections implements BeanPostProcessor {

  static final Map<String, String> PROPERTIES = Map.of(
      "options", "-c plan_cache_mode=force_custom_plan -c jit=off",
      "reWriteBatchedInserts", "true");

  @Override
  public Object postProcessBeforeInitialization(Object bean, String beanName) {
    if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null
        && pool.getJdbcUrl().startsWith("jdbc:postgresql:")) {
      PROPERTIES.forEach((name, value) -> {
        if (!pool.getDataSourceProperties().containsKey(name)) {
          pool.addDataSourceProperty(name, value);
        }
      });
    }
    return bean;
  }
}
