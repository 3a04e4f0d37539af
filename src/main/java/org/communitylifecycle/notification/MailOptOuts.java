package org.communitylifecycle.notification;

import java.sql.Timestamp;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.communitylifecycle.engine.AppClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Who opted out of which kind of mail, in {@code cl_mail_opt_out}. */
@Repository
class MailOptOuts {

  private final JdbcClient jdbc;

  MailOptOuts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The kinds the user opted out of. */
  Set<MailKind> of(String userId) {
    Set<MailKind> kinds = EnumSet.noneOf(MailKind.class);
    jdbc.sql("select kind from cl_mail_opt_out where user_id = :user").param("user", userId)
        .query(String.class).list().forEach(key -> MailKind.byKey(key).ifPresent(kinds::add));
    return kinds;
  }

  /** Of these users, those who opted out of the kind; one query for a whole candidate group. */
  Set<String> optedOut(Collection<String> userIds, MailKind kind) {
    if (userIds.isEmpty()) {
      return Set.of();
    }
    return new HashSet<>(jdbc.sql("select user_id from cl_mail_opt_out where kind = :kind and user_id in (:users)")
        .param("kind", kind.key()).param("users", userIds).query(String.class).list());
  }

  /** Sets, for each kind given, whether the user receives it; kinds not given stay as they are. */
  @Transactional
  void set(String userId, Map<MailKind, Boolean> receives) {
    receives.forEach((kind, wanted) -> {
      if (wanted) {
        receive(userId, kind);
      } else {
        optOut(userId, kind);
      }
    });
  }

  /** Idempotent: an unsubscribe link used twice changes nothing the second time. */
  void optOut(String userId, MailKind kind) {
    jdbc.sql("""
            insert into cl_mail_opt_out (user_id, kind, created_at)
            select :user, :kind, :now
            where not exists (select 1 from cl_mail_opt_out where user_id = :user and kind = :kind)""")
        .param("user", userId).param("kind", kind.key()).param("now", Timestamp.from(AppClock.now()))
        .update();
  }

  void receive(String userId, MailKind kind) {
    jdbc.sql("delete from cl_mail_opt_out where user_id = :user and kind = :kind")
        .param("user", userId).param("kind", kind.key()).update();
  }
}
