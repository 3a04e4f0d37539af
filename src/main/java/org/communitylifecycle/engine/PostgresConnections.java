package org.communitylifecycle.engine;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Map;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Session settings of every pooled connection to PostgreSQL, in every profile (a setting that an
 * operator gives in {@code spring.datasource.hikari.data-source-properties} or in the URL wins).
 * They are about one join: every list the engine returns with authorization checks on (Tasklist's
 * filters, REST, Cockpit) joins ACT_RU_AUTHORIZATION on {@code RESOURCE_ID_ IN (task id, process key,
 * '*')}, a condition no hash or merge join can take. PostgreSQL then either looks up each task's
 * authorizations through ACT_IDX_AUTH_RESOURCE_ID, or reads the person's authorizations once into
 * memory (a Materialize node) and compares every task with every one of them, which grows with the
 * square of the tasks: 1.6 s for the first page of 3,000 open tasks, 28 s at 10,000.
 *
 * <ul>
 *   <li>{@code enable_material=off}: the engine prepares its statements once and runs them many
 *       times, and PostgreSQL soon plans them without their parameters, where it cannot estimate the
 *       permission checks and always chose the comparison in memory. Without Materialize the look-up
 *       by index is the cheaper plan in every case. Forcing custom plans instead
 *       ({@code plan_cache_mode}) did the same but cost a third of the completions per second
 *       (bench/README.md).</li>
 *   <li>{@code random_page_cost=1.1}: the usual setting for a database on SSD or in memory; with the
 *       default (4) a look-up by index looked dearer than it is.</li>
 *   <li>{@code jit=off}: compiling a query to machine code pays for long analytical queries; the
 *       engine's short ones took longer to compile (0.4 s) than to run.</li>
 *   <li>{@code reWriteBatchedInserts}: the engine flushes a transaction's rows as JDBC batches, one per
 *       table; the driver sends each batch as multi-row inserts (fewer round trips to a remote server;
 *       no difference on one machine).</li>
 * </ul>
 *
 * The statistics of db/engine/postgres/V1 let PostgreSQL estimate the permission checks wherever it
 * plans with the parameters known.
 */
@Component
class PostgresConnections implements BeanPostProcessor {

  static final Map<String, String> PROPERTIES = Map.of(
      "options", "-c enable_material=off -c random_page_cost=1.1 -c jit=off",
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
