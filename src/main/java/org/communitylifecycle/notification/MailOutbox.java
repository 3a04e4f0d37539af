package org.communitylifecycle.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The messages waiting to be sent, and those sent or given up on, in {@code cl_mail_outbox}. Writes
 * go through the caller's transaction: a message queued by a task listener is there only if the
 * task change committed.
 */
@Repository
class MailOutbox {

  /** A message to queue. */
  record Message(MailKind kind, String recipientUser, String email, String subject, String body,
      String unsubscribeUrl, String taskId) {}

  /** A queued message as the sender reads it; {@code attempts} includes the one being made. */
  record Queued(long id, MailKind kind, String recipientUser, String email, String subject, String body,
      String unsubscribeUrl, int attempts) {}

  private final JdbcClient jdbc;

  MailOutbox(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long add(Message message, Instant now) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into cl_mail_outbox (kind, recipient_user, email, subject, body, unsubscribe_url, task_id,
              created_at, attempts, next_attempt_at)
            values (:kind, :user, :email, :subject, :body, :unsubscribe, :task, :now, 0, :now)""")
        .param("kind", message.kind().key()).param("user", message.recipientUser()).param("email", message.email())
        .param("subject", message.subject()).param("body", message.body())
        .param("unsubscribe", message.unsubscribeUrl()).param("task", message.taskId())
        .param("now", Timestamp.from(now))
        .update(key, "id");
    return key.getKeyAs(Number.class).longValue();
  }

  /** Ids of messages due for an attempt, oldest first. */
  List<Long> due(Instant now, int limit) {
    return jdbc.sql("""
            select id from cl_mail_outbox
            where sent_at is null and failed_at is null and next_attempt_at <= :now
            order by next_attempt_at, id
            fetch first :limit rows only""")
        .param("now", Timestamp.from(now)).param("limit", limit)
        .query(Long.class).list();
  }

  /**
   * Takes one attempt at a message: counts it and holds the message until {@code leaseUntil}, so
   * that no other sender (the poller, another node) tries it meanwhile. Empty when the message is
   * sent, given up on, or taken by another sender. A message just queued ({@code fresh}) is taken
   * whatever its due time, which the engine clock set and which a test may have moved.
   */
  Optional<Queued> claim(long id, boolean fresh, Instant now, Instant leaseUntil) {
    int claimed = jdbc.sql("""
            update cl_mail_outbox set attempts = attempts + 1, next_attempt_at = :lease
            where id = :id and sent_at is null and failed_at is null
              and (""" + (fresh ? "attempts = 0" : "next_attempt_at <= :now") + ")")
        .param("id", id).param("lease", Timestamp.from(leaseUntil)).param("now", Timestamp.from(now))
        .update();
    if (claimed == 0) {
      return Optional.empty();
    }
    return jdbc.sql("""
            select id, kind, recipient_user, email, subject, body, unsubscribe_url, attempts
            from cl_mail_outbox where id = :id""")
        .param("id", id)
        .query((rs, n) -> new Queued(rs.getLong(1), MailKind.byKey(rs.getString(2)).orElseThrow(), rs.getString(3),
            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getInt(8)))
        .optional();
  }

  void sent(long id, Instant now) {
    jdbc.sql("update cl_mail_outbox set sent_at = :now, last_error = null where id = :id")
        .param("now", Timestamp.from(now)).param("id", id).update();
  }

  void retryAt(long id, Instant next, String error) {
    jdbc.sql("update cl_mail_outbox set next_attempt_at = :next, last_error = :error where id = :id")
        .param("next", Timestamp.from(next)).param("error", shorten(error)).param("id", id).update();
  }

  void failed(long id, Instant now, String error) {
    jdbc.sql("update cl_mail_outbox set failed_at = :now, last_error = :error where id = :id")
        .param("now", Timestamp.from(now)).param("error", shorten(error)).param("id", id).update();
  }

  private static String shorten(String error) {
    return error == null ? null : error.length() <= 1000 ? error : error.substring(0, 997) + "...";
  }
}
