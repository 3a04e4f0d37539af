package org.communitylifecycle.source;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.communitylifecycle.contributor.ContributorIdentities;
import org.communitylifecycle.engine.AppClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Service task "Fetch the next batch" of contribution-source-sync: one batch per job, in the job's
 * transaction, so a batch is written whole or not at all and the cursor moves with it. It sets
 * {@code more} (fetch again at once), {@code waitUntil} (a rate limit resets then) or
 * {@code removed}. A failure is written to the source's status in a transaction of its own, so
 * the community detail shows it while the engine retries the job; once the retries are spent,
 * the incident in Cockpit carries the same message.
 *
 * <p>Open to models, it acts only on the source its instance was started for; running it again is
 * harmless, as a sync is idempotent.
 */
@Component("contributionSourceSync")
public class SourceSync implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(SourceSync.class);
  private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private final SourceStore store;
  private final Sources sources;
  private final Credentials credentials;
  private final ContributorIdentities identities;
  private final SourceProperties properties;
  private final TransactionTemplate ownTransaction;

  SourceSync(SourceStore store, Sources sources, Credentials credentials, ContributorIdentities identities,
      SourceProperties properties, PlatformTransactionManager transactions) {
    this.store = store;
    this.sources = sources;
    this.credentials = credentials;
    this.identities = identities;
    this.properties = properties;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  @Override
  public void execute(DelegateExecution execution) {
    long id = ((Number) execution.getVariable(Sources.SOURCE_ID)).longValue();
    boolean firstBatch = !Boolean.TRUE.equals(execution.getVariable("fetched"));
    execution.setVariable("more", false);
    execution.setVariable("waitUntil", null);
    SourceStore.Stored source = store.find(id).orElse(null);
    if (source == null || source.removedAt() != null) {
      execution.setVariable("removed", true);
      return;
    }
    execution.setVariable("removed", false);
    SourceKind kind = sources.kindOf(source.kind()).orElseThrow(() -> fail(id, new SourceFailure(
        SourceFailure.Reason.UNAVAILABLE, "This server has no source kind '" + source.kind() + "' any more")));
    Instant now = AppClock.now();
    SyncBatch batch;
    try {
      String token = source.sealedCredential() == null ? null
          : credentials.decrypt(id, source.name(), source.sealedCredential());
      batch = kind.fetch(new SyncRequest(id, source.name(), source.settings(), token, source.cursor(), now,
          properties.batchSize(), properties.botNames()));
    } catch (SourceFailure e) {
      if (e.reason() == SourceFailure.Reason.RATE_LIMITED && e.retryAt() != null
          && !e.retryAt().isAfter(now.plus(properties.maxRateLimitWait()))) {
        Instant resume = e.retryAt().isBefore(now) ? now : e.retryAt();
        ownStatus(id, "rate-limited", e.getMessage() + "; the sync waits and goes on at " + HOUR.format(resume));
        execution.setVariable("waitUntil", Date.from(resume));
        return;
      }
      throw fail(id, e);
    } catch (RuntimeException e) {
      log.warn("Source {} ('{}') could not be fetched", id, source.name(), e);
      throw fail(id, new SourceFailure(SourceFailure.Reason.UNAVAILABLE, kind.label() + " source '" + source.name()
          + "' could not be read: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()),
          null, e));
    }
    ContributorIdentities.Written written = identities.write(source.communityKey(), id, batch.events(), !batch.more());
    if (batch.settings() != null && !batch.settings().equals(source.settings())) {
      store.setSettings(id, batch.settings());
    }
    List<String> notes = new ArrayList<>(batch.notes());
    if (written.skipped() > 0) {
      notes.add(written.skipped() + " events skipped (erased people, or a reference over 200 characters)");
    }
    store.synced(id, batch.cursor(), written.contributionsAdded(), firstBatch,
        notes.isEmpty() ? null : String.join("; ", notes));
    execution.setVariable("fetched", true);
    execution.setVariable("more", batch.more());
    log.info("Source {} ('{}'): {} events, {} contributions added, {} new contributors{}", id, source.name(),
        written.events(), written.contributionsAdded(), written.contributorsAdded(), batch.more() ? ", more to fetch" : "");
  }

  /** Writes the failure to the source's status whatever happens to the job's transaction; returns it to throw. */
  private SourceFailure fail(long id, SourceFailure failure) {
    ownStatus(id, "failing", failure.getMessage());
    return failure;
  }

  private void ownStatus(long id, String status, String message) {
    ownTransaction.executeWithoutResult(s -> store.status(id, status, message));
  }
}
