package org.communitylifecycle.engine;

import org.springframework.transaction.TransactionSystemException;

/**
 * The database connection failed while a transaction was being committed: the database may have
 * committed it or not, and nobody on this side can tell. Thrown by
 * {@link DatabaseTransactions.CommitAwareTransactionManager} instead of whatever the driver said, so
 * that {@link ClientErrors} can answer "it may or may not have been saved, reload before you retry"
 * rather than "nothing was written". A {@link org.springframework.transaction.TransactionException},
 * so that Spring does not try a rollback on the broken connection, which would fail and replace this
 * exception by the rollback's ("Commit exception overridden by rollback exception").
 */
class CommitOutcomeUnknownException extends TransactionSystemException {

  public CommitOutcomeUnknownException(Throwable cause) {
    super("The database connection failed during commit; the transaction may or may not be committed: "
        + ClientErrors.rootMessage(cause), cause);
  }
}
