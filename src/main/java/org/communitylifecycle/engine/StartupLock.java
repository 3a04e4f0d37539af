package org.communitylifecycle.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
// A process engine plugin has no public API: ProcessEnginePlugin lives in impl.cfg.
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Several nodes may share one database and start at the same moment. Each node's startup creates
 * and fills shared rows: the engine's tables (schema-update), its properties, the groups,
 * authorizations, Tasklist filters and users the identity runners seed, the models' deployments and
 * the demo samples. All of these check what exists and then insert, so two nodes doing it at once
 * would both insert, and the loser would fail on a duplicate key (or, for filters, which have no
 * unique key, leave two).
 *
 * <p>On PostgreSQL, a node therefore holds a session-level advisory lock from just before Flyway
 * migrates the app's tables (db/migration, before the engine exists; two nodes creating its history
 * table at once made one fail) until the application is ready (every {@code ApplicationRunner}
 * done) or has failed; the engine's schema update comes in between. A second node waits for the
 * first, then finds everything in place and adds nothing. The lock lives on one connection of its
 * own, so the steps themselves keep their ordinary transactions. On other databases (H2, one node in
 * development) nothing is locked.
 */
@Component
class StartupLock extends AbstractProcessEnginePlugin implements FlywayMigrationStrategy, DisposableBean {

  /** The advisory lock's key: any number no other application on the server uses. */
  static final long KEY = 0x436c5374617274L; // "ClStart"

  private static final Logger log = LoggerFactory.getLogger(StartupLock.class);

  private Connection held;

  /** Spring Boot's migration of the app's tables, the first step of startup that writes shared rows. */
  @Override
  public void migrate(Flyway flyway) {
    acquire(flyway.getConfiguration().getDataSource());
    flyway.migrate();
  }

  /** Whichever of the two comes first takes the lock (Flyway, unless spring.flyway.enabled=false). */
  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    acquire(configuration.getDataSource());
  }

  synchronized void acquire(DataSource dataSource) {
    // Once per startup: a second pg_advisory_lock on another connection would wait for this one forever.
    if (held != null) {
      return;
    }
    Connection connection = null;
    try {
      connection = dataSource.getConnection();
      if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
        connection.close();
        return;
      }
      connection.setAutoCommit(true);
      long started = System.nanoTime();
      try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_lock(?)")) {
        lock.setLong(1, KEY);
        lock.execute();
      }
      long waited = (System.nanoTime() - started) / 1_000_000;
      if (waited > 1000) {
        log.info("Waited {} ms for another node to finish its startup on the same database", waited);
      }
      held = connection;
    } catch (SQLException e) {
      closeQuietly(connection);
      throw new IllegalStateException("Could not take the startup lock on the database: " + e.getMessage(), e);
    }
  }

  /** Lets the next node start: this one is ready, or has failed. */
  @EventListener({ApplicationReadyEvent.class, ApplicationFailedEvent.class})
  public void startupOver() {
    release();
  }

  @Override
  public void destroy() {
    release();
  }

  synchronized boolean isHeld() {
    return held != null;
  }

  synchronized void release() {
    if (held == null) {
      return;
    }
    Connection connection = held;
    held = null;
    try (Statement unlock = connection.createStatement()) {
      // All of this session's advisory locks: the connection goes back to the pool clean.
      unlock.execute("select pg_advisory_unlock_all()");
    } catch (SQLException e) {
      log.warn("Could not release the startup lock: {}; it goes with its connection", e.getMessage());
    } finally {
      closeQuietly(connection);
    }
  }

  private static void closeQuietly(Connection connection) {
    if (connection == null) {
      return;
    }
    try {
      connection.close();
    } catch (SQLException e) {
      log.debug("Closing the startup lock's connection: {}", e.getMessage());
    }
  }
}
