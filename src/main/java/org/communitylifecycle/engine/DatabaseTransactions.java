package org.communitylifecycle.engine;

import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.transaction.TransactionManagerCustomizers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

/**
 * The transaction manager of the engine and the app (Spring Boot's own, {@link JdbcTransactionManager},
 * which backs off for this one), with one difference: a commit that fails because the connection to
 * the database failed ends in a {@link CommitOutcomeUnknownException}. The database may have committed
 * before the connection broke (a PostgreSQL restart under load did exactly that), so a client must not
 * be told that nothing was written.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseTransactions {

  @Bean
  CommitAwareTransactionManager transactionManager(DataSource dataSource,
      ObjectProvider<TransactionManagerCustomizers> customizers) {
    CommitAwareTransactionManager manager = new CommitAwareTransactionManager(dataSource);
    customizers.ifAvailable(c -> c.customize(manager));
    return manager;
  }

  /** Spring's JDBC transaction manager that tells a commit of unknown outcome from a refused one. */
  public static class CommitAwareTransactionManager extends JdbcTransactionManager {

    public CommitAwareTransactionManager(DataSource dataSource) {
      super(dataSource);
    }

    @Override
    protected void doCommit(DefaultTransactionStatus status) {
      try {
        super.doCommit(status);
      } catch (RuntimeException e) {
        // A refusal the database answered (a constraint checked at commit, a serialization failure)
        // rolled the transaction back: that stays as it is. A broken connection leaves it open.
        if (ClientErrors.connectionFailed(e)) {
          throw new CommitOutcomeUnknownException(e);
        }
        throw e;
      }
    }
  }
}
