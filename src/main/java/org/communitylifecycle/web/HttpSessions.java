package org.communitylifecycle.web;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * HTTP sessions live in the database (Spring Session JDBC, table {@code cl_http_session}, created
 * by Flyway), not in one node's memory: a webapp login, its CSRF token and an {@code /api} login
 * made on one node are valid on every node of the cluster, and a node that stops or restarts logs
 * nobody out. We chose this over sticky sessions at the load balancer because it needs nothing of
 * the proxy and survives the loss of a node; the price is one small read and write of the session
 * row per request.
 *
 * <p>The webapps fire several requests at once, and the first ones of a new session may all add the
 * same attribute (the CSRF token, the login). Spring Session's plain {@code INSERT} would then fail
 * on the attribute's primary key for all but one of them; the attribute is written as an upsert
 * instead, in the dialect of the database.
 */
@Configuration(proxyBeanMethods = false)
class HttpSessions {

  /** H2's upsert of an attribute; PostgreSQL's is Spring Session's own customizer. */
  static final String H2_UPSERT_ATTRIBUTE = """
      MERGE INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)
      KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME) VALUES (?, ?, ?)""";

  @Bean
  SessionRepositoryCustomizer<JdbcIndexedSessionRepository> attributeUpserts(DataSource dataSource) throws SQLException {
    String database;
    try (Connection connection = dataSource.getConnection()) {
      database = connection.getMetaData().getDatabaseProductName();
    }
    if (database.equalsIgnoreCase("PostgreSQL")) {
      return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
    }
    if (database.equalsIgnoreCase("H2")) {
      return repository -> repository.setCreateSessionAttributeQuery(H2_UPSERT_ATTRIBUTE);
    }
    throw new IllegalStateException("HTTP sessions are kept in H2 or PostgreSQL; this database is " + database);
  }
}
