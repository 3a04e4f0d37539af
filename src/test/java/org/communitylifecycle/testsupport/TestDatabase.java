package org.communitylifecycle.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.springframework.boot.SpringApplication;

/**
 * The database the tests run against, chosen by the system property {@code test.database}
 * ({@code h2}, the default, or {@code postgres}, set by {@code ./mvnw verify -Ppostgres}).
 *
 * <p>For PostgreSQL each test JVM creates a fresh database on the server named by
 * TEST_POSTGRES_URL (default {@code jdbc:postgresql://127.0.0.1:5432/postgres}) and drops it at
 * exit. An unreachable server fails the run: a PostgreSQL run never quietly becomes an H2 run.
 */
public final class TestDatabase {

  /** Where to connect. */
  public record Connection(String url, String user, String password) {}

  private static Connection connection;
  private static Runnable dropAction;
  private static volatile boolean droppedBySpring;

  private TestDatabase() {}

  public static boolean isPostgres() {
    return "postgres".equals(System.getProperty("test.database", "h2"));
  }

  /**
   * The database of a JVM that runs the application: it is dropped after Spring has closed its
   * contexts, not beside them. A drop that races the engine's last writes (metrics) breaks them,
   * and the connection pool then waits on the vanished database until the test runner gives up on
   * the JVM.
   */
  public static synchronized Connection forSpring() {
    Connection db = get();
    if (dropAction != null && !droppedBySpring) {
      droppedBySpring = true;
      SpringApplication.getShutdownHandlers().add(dropAction);
    }
    return db;
  }

  public static synchronized Connection get() {
    if (connection == null) {
      connection = isPostgres() ? freshPostgres() : new Connection(
          "jdbc:h2:mem:community-lifecycle-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    }
    return connection;
  }

  private static Connection freshPostgres() {
    String server = env("TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
    String user = env("TEST_POSTGRES_USER", "postgres");
    String password = env("TEST_POSTGRES_PASSWORD", "");
    String name = "cl_test_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss"))
        + "_" + UUID.randomUUID().toString().substring(0, 8);
    try (java.sql.Connection admin = DriverManager.getConnection(server, user, password);
        Statement sql = admin.createStatement()) {
      sql.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "PostgreSQL tests need a server at " + server + " (user " + user + "), but it cannot be reached: "
              + e.getMessage() + ". Start PostgreSQL, set TEST_POSTGRES_URL, or run without -Ppostgres.", e);
    }
    String url = server.substring(0, server.lastIndexOf('/') + 1) + name;
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      if (!droppedBySpring) {
        drop(server, user, password, name);
      }
    }));
    dropAction = () -> drop(server, user, password, name);
    return new Connection(url, user, password);
  }

  private static void drop(String server, String user, String password, String name) {
    try (java.sql.Connection admin = DriverManager.getConnection(server, user, password);
        Statement sql = admin.createStatement()) {
      sql.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    } catch (SQLException e) {
      System.err.println("Could not drop test database " + name + ": " + e.getMessage());
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
