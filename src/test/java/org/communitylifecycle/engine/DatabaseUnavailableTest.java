package org.communitylifecycle.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;
import javax.sql.DataSource;
import org.apache.ibatis.exceptions.PersistenceException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.communitylifecycle.engine.ClientErrors.ClientError;
import org.communitylifecycle.engine.DatabaseTransactions.CommitAwareTransactionManager;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The database out of reach is 503, not a bug: nothing was written when no connection was to be had
 * or a statement failed on a broken one; the outcome is unknown when the connection broke during the
 * commit. Everything else stays as it was.
 */
class DatabaseUnavailableTest {

  @Test
  void theHikariPoolsWaitRunningOutWhileTheDatabaseRefusesIs503NothingWritten() {
    PSQLException refused = new PSQLException("Connection to 127.0.0.1:5432 refused. Check that the hostname and port "
        + "are correct and that the postmaster is accepting TCP/IP connections.", PSQLState.CONNECTION_UNABLE_TO_CONNECT);
    SQLTransientConnectionException timeout = new SQLTransientConnectionException(
        "HikariPool-1 - Connection is not available, request timed out after 3001ms (total=0, active=0, idle=0, waiting=0)",
        "08001", refused);

    ClientError error = classify(new CannotCreateTransactionException("Could not open JDBC Connection for transaction", timeout));

    assertThat(error.status()).isEqualTo(503);
    assertThat(error.type()).isEqualTo(ClientErrors.UNAVAILABLE);
    assertThat(error.message()).contains("not reachable right now; nothing was written");
  }

  @Test
  void aPoolExhaustedWhileTheDatabaseAnswersIs503TooBusy() {
    SQLTransientConnectionException timeout = new SQLTransientConnectionException(
        "HikariPool-1 - Connection is not available, request timed out after 3000ms (total=10, active=10, idle=0, waiting=4)");

    ClientError error = classify(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection", timeout));

    assertThat(error.status()).isEqualTo(503);
    assertThat(error.message()).contains("too busy").contains("nothing was written");
  }

  @Test
  void aStatementOnAConnectionTheServerShutDownIs503() {
    SQLException adminShutdown = new SQLException("FATAL: terminating connection due to administrator command", "57P01");
    ProcessEngineException engine = new ProcessEngineException("ENGINE-03004 Exception while executing Database Operation",
        new PersistenceException("### Error updating database", adminShutdown));

    assertThat(classify(engine).status()).isEqualTo(503);
    assertThat(classify(engine).type()).isEqualTo(ClientErrors.UNAVAILABLE);
    assertThat(ClientErrors.connectionFailed(new SQLException("cannot connect now", "57P03"))).isTrue();
    assertThat(ClientErrors.connectionFailed(new SQLException("restarting", "57P02"))).isTrue();
  }

  @Test
  void aBrokenOrClosedConnectionIs503() {
    SQLException io = new PSQLException("An I/O error occurred while sending to the backend.", PSQLState.CONNECTION_FAILURE);
    SQLException closed = new SQLException("Connection is closed", "08003");
    SQLException chained = new SQLException("Batch entry 0 update ACT_RU_TASK was aborted", "2D000");
    chained.setNextException(new SQLException("This connection has been closed.", "08003"));

    assertThat(classify(new DataAccessResourceFailureException("JDBC flush", io)).status()).isEqualTo(503);
    assertThat(classify(new ProcessEngineException("ENGINE-03083", closed)).status()).isEqualTo(503);
    assertThat(classify(new ProcessEngineException("ENGINE-03083", chained)).status()).isEqualTo(503);
    assertThat(classify(new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed")))
        .type()).as("Hikari's closed connection has no SQL state").isEqualTo(ClientErrors.UNAVAILABLE);
  }

  @Test
  void aCommitWhoseOutcomeIsUnknownIs503ReloadBeforeRetrying() {
    ClientError error = classify(new CommitOutcomeUnknownException(
        new DataAccessResourceFailureException("JDBC commit", new SQLException("An I/O error occurred", "08006"))));

    assertThat(error.status()).isEqualTo(503);
    assertThat(error.type()).isEqualTo(ClientErrors.OUTCOME_UNKNOWN);
    assertThat(error.message()).contains("may or may not have been saved").contains("Reload");
  }

  @Test
  void otherDatabaseRefusalsKeepTheirAnswers() {
    assertThat(classify(new ProcessEngineException("x", new SQLException("deadlock detected", "40P01"))).status()).isEqualTo(409);
    assertThat(ClientErrors.classify(new ProcessEngineException("x", new SQLException("syntax error", "42601")))).isEmpty();
    assertThat(ClientErrors.classify(new IllegalStateException("Could not connect to SMTP host",
        new java.net.ConnectException("Connection refused")))).as("a mail server is not the database").isEmpty();
  }

  @Test
  void aCommitOnABrokenConnectionEndsInCommitOutcomeUnknown() throws SQLException {
    TransactionTemplate template = new TransactionTemplate(manager(new SQLException("An I/O error occurred", "08006")));

    assertThatThrownBy(() -> template.executeWithoutResult(status -> {}))
        .isInstanceOf(CommitOutcomeUnknownException.class)
        .hasMessageContaining("may or may not be committed");
  }

  @Test
  void aCommitTheDatabaseRefusedStaysARefusal() throws SQLException {
    TransactionTemplate template = new TransactionTemplate(manager(new SQLException("could not serialize access", "40001")));

    assertThatThrownBy(() -> template.executeWithoutResult(status -> {}))
        .isNotInstanceOf(CommitOutcomeUnknownException.class)
        .isInstanceOf(PessimisticLockingFailureException.class);
  }

  private static CommitAwareTransactionManager manager(SQLException onCommit) throws SQLException {
    Connection connection = mock(Connection.class);
    when(connection.getAutoCommit()).thenReturn(true);
    doThrow(onCommit).when(connection).commit();
    DataSource dataSource = mock(DataSource.class);
    when(dataSource.getConnection()).thenReturn(connection);
    CommitAwareTransactionManager manager = new CommitAwareTransactionManager(dataSource);
    manager.afterPropertiesSet();
    return manager;
  }

  private static ClientError classify(Throwable e) {
    Optional<ClientError> error = ClientErrors.classify(e);
    assertThat(error).as("%s", e).isPresent();
    return error.get();
  }
}
