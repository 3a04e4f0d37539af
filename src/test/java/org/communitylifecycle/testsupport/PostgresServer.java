package org.communitylifecycle.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The PostgreSQL server the tests use ({@code TEST_POSTGRES_URL}, {@code TEST_POSTGRES_USER},
 * {@code TEST_POSTGRES_PASSWORD}; by default the local one with trust auth): its databases, which
 * the tests create fresh and drop when done.
 */
public final class PostgresServer {

  /** A JDBC URL of the server, on its maintenance database. */
  public static final String URL = env("TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
  public static final String USER = env("TEST_POSTGRES_USER", "postgres");
  public static final String PASSWORD = env("TEST_POSTGRES_PASSWORD", "");

  private PostgresServer() {}

  /** The JDBC URL of one database of the server. */
  public static String urlOf(String database) {
    return URL.substring(0, URL.lastIndexOf('/') + 1) + database;
  }

  public static Connection connect() throws SQLException {
    return DriverManager.getConnection(URL, USER, PASSWORD);
  }

  public static Connection connect(String database) throws SQLException {
    return DriverManager.getConnection(urlOf(database), USER, PASSWORD);
  }

  /** A statement on the maintenance database, such as CREATE DATABASE. */
  public static void execute(String sql) throws SQLException {
    try (Connection admin = connect(); Statement statement = admin.createStatement()) {
      statement.execute(sql);
    }
  }

  public static void dropDatabase(String name) throws SQLException {
    execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  }

  /** The single number a query such as {@code select count(*) ...} answers. */
  public static long count(Connection db, String sql) {
    try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
