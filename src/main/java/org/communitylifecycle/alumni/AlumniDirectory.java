package org.communitylifecycle.alumni;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The alumni network's tables: cohorts, invitations, the alumni directory and link tokens. The
 * only place where residents' names and emails are kept.
 */
@Repository
class AlumniDirectory {

  static final String SCHEDULED = "scheduled";
  static final String OPEN = "open";
  static final String JOINED = "joined";
  static final String DECLINED = "declined";
  static final String LAPSED = "lapsed";
  static final String CANCELLED = "cancelled";

  static final String FEEDBACK = "feedback";
  static final String WITHDRAWAL = "withdrawal";

  record Cohort(
      long id, String hubKey, String hubName, String cohortKey, String cohortName, LocalDate residencyEndDate,
      String processInstanceId) {}

  /** An invitation; name and email are null once it is no longer pending. */
  record Invitation(long id, long cohortId, String name, String email, String status, Instant expiresAt) {}

  record Token(String hash, String purpose, Long invitationId, Long alumnusId, Instant expiresAt, Instant usedAt) {}

  record Alumnus(
      long id, long cohortId, Long invitationId, String name, String email, String upTo, boolean mayContact,
      boolean mayList, Instant consentedAt) {}

  /** One line of the public alumni page. */
  record Listed(String hubKey, String hubName, String cohortName, String name, String upTo) {}

  private final JdbcClient jdbc;

  AlumniDirectory(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  // --- cohorts ---

  Optional<Cohort> cohort(String hubKey, String cohortKey) {
    return jdbc.sql("""
            select id, hub_key, hub_name, cohort_key, cohort_name, residency_end_date, process_instance_id
            from cl_alumni_cohort where hub_key = :hub and cohort_key = :cohort""")
        .param("hub", hubKey).param("cohort", cohortKey)
        .query(AlumniDirectory::cohort).optional();
  }

  Optional<Cohort> cohort(long id) {
    return jdbc.sql("""
            select id, hub_key, hub_name, cohort_key, cohort_name, residency_end_date, process_instance_id
            from cl_alumni_cohort where id = :id""")
        .param("id", id)
        .query(AlumniDirectory::cohort).optional();
  }

  /** A new cohort with an invitation, not yet issued, for each resident. */
  long createCohort(
      String hubKey, String hubName, String cohortKey, String cohortName, LocalDate residencyEndDate,
      String processInstanceId, List<Resident> residents, Instant now) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into cl_alumni_cohort
              (hub_key, hub_name, cohort_key, cohort_name, residency_end_date, process_instance_id, resident_count, created_at)
            values (:hubKey, :hubName, :cohortKey, :cohortName, :end, :pi, :count, :now)""")
        .param("hubKey", hubKey).param("hubName", hubName).param("cohortKey", cohortKey)
        .param("cohortName", cohortName).param("end", java.sql.Date.valueOf(residencyEndDate))
        .param("pi", processInstanceId).param("count", residents.size()).param("now", Timestamp.from(now))
        .update(key, "id");
    long cohortId = key.getKey().longValue();
    for (Resident resident : residents) {
      jdbc.sql("""
              insert into cl_alumni_invitation (cohort_id, resident_name, resident_email, status, created_at)
              values (:cohort, :name, :email, :status, :now)""")
          .param("cohort", cohortId).param("name", resident.name()).param("email", resident.email())
          .param("status", SCHEDULED).param("now", Timestamp.from(now))
          .update();
    }
    return cohortId;
  }

  // --- invitations ---

  List<Invitation> invitations(long cohortId, String status) {
    return jdbc.sql("""
            select id, cohort_id, resident_name, resident_email, status, expires_at
            from cl_alumni_invitation where cohort_id = :cohort and status = :status order by id""")
        .param("cohort", cohortId).param("status", status)
        .query(AlumniDirectory::invitation).list();
  }

  List<Long> invitationIds(long cohortId, String status) {
    return jdbc.sql("select id from cl_alumni_invitation where cohort_id = :cohort and status = :status order by id")
        .param("cohort", cohortId).param("status", status)
        .query(Long.class).list();
  }

  Optional<Invitation> invitation(long id) {
    return jdbc.sql("""
            select id, cohort_id, resident_name, resident_email, status, expires_at
            from cl_alumni_invitation where id = :id""")
        .param("id", id)
        .query(AlumniDirectory::invitation).optional();
  }

  /** Issues an invitation: its link's token, and when it lapses. */
  void openInvitation(long id, String tokenHash, Instant expiresAt, Instant now) {
    jdbc.sql("update cl_alumni_invitation set status = :status, expires_at = :expires where id = :id")
        .param("status", OPEN).param("expires", Timestamp.from(expiresAt)).param("id", id)
        .update();
    insertToken(tokenHash, FEEDBACK, id, null, expiresAt, now);
  }

  void answerInvitation(long id, String status, Instant now) {
    jdbc.sql("update cl_alumni_invitation set status = :status, answered_at = :now where id = :id")
        .param("status", status).param("now", Timestamp.from(now)).param("id", id)
        .update();
  }

  /** The invitation no longer needs to know who it was for. */
  void forgetInvitee(long id) {
    jdbc.sql("update cl_alumni_invitation set resident_name = null, resident_email = null where id = :id")
        .param("id", id).update();
  }

  /** An unanswered invitation lapses: who it was for is forgotten and its link purged. */
  void lapseInvitation(long id) {
    jdbc.sql("""
            update cl_alumni_invitation set status = :status, resident_name = null, resident_email = null
            where id = :id""")
        .param("status", LAPSED).param("id", id).update();
    jdbc.sql("delete from cl_alumni_token where invitation_id = :id and purpose = :purpose")
        .param("id", id).param("purpose", FEEDBACK).update();
  }

  /**
   * The cohort's process has ended: no invitation keeps a name or email, and pending ones are
   * cancelled with their links. Returns how many still knew who they were for.
   */
  int closeCohort(long cohortId) {
    jdbc.sql("""
            delete from cl_alumni_token where purpose = :purpose and invitation_id in
              (select id from cl_alumni_invitation where cohort_id = :cohort and status in (:pending))""")
        .param("purpose", FEEDBACK).param("cohort", cohortId).param("pending", List.of(SCHEDULED, OPEN))
        .update();
    jdbc.sql("update cl_alumni_invitation set status = :cancelled where cohort_id = :cohort and status in (:pending)")
        .param("cancelled", CANCELLED).param("cohort", cohortId).param("pending", List.of(SCHEDULED, OPEN))
        .update();
    return jdbc.sql("""
            update cl_alumni_invitation set resident_name = null, resident_email = null
            where cohort_id = :cohort and (resident_name is not null or resident_email is not null)""")
        .param("cohort", cohortId).update();
  }

  // --- tokens ---

  void insertToken(String hash, String purpose, Long invitationId, Long alumnusId, Instant expiresAt, Instant now) {
    jdbc.sql("""
            insert into cl_alumni_token (token_hash, purpose, invitation_id, alumnus_id, expires_at, created_at)
            values (:hash, :purpose, :invitation, :alumnus, :expires, :now)""")
        .param("hash", hash).param("purpose", purpose).param("invitation", invitationId).param("alumnus", alumnusId)
        .param("expires", expiresAt == null ? null : Timestamp.from(expiresAt)).param("now", Timestamp.from(now))
        .update();
  }

  Optional<Token> token(String hash, String purpose) {
    return jdbc.sql("""
            select token_hash, purpose, invitation_id, alumnus_id, expires_at, used_at
            from cl_alumni_token where token_hash = :hash and purpose = :purpose""")
        .param("hash", hash).param("purpose", purpose)
        .query((rs, n) -> new Token(rs.getString(1), rs.getString(2), longOrNull(rs, 3), longOrNull(rs, 4),
            instant(rs, 5), instant(rs, 6)))
        .optional();
  }

  /**
   * Marks a token used, unless someone else did first: the row lock makes a second, concurrent
   * use of the same link find it used.
   */
  boolean useToken(String hash, Instant now) {
    return jdbc.sql("""
            update cl_alumni_token set used_at = :now, alumnus_id = null
            where token_hash = :hash and used_at is null""")
        .param("now", Timestamp.from(now)).param("hash", hash).update() == 1;
  }

  // --- alumni ---

  long addAlumnus(
      long cohortId, long invitationId, String name, String email, String upTo, boolean mayContact, boolean mayList,
      Instant now) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into cl_alumni (cohort_id, invitation_id, name, email, up_to, may_contact, may_list, consented_at)
            values (:cohort, :invitation, :name, :email, :upTo, :contact, :list, :now)""")
        .param("cohort", cohortId).param("invitation", invitationId).param("name", name).param("email", email)
        .param("upTo", upTo).param("contact", mayContact).param("list", mayList).param("now", Timestamp.from(now))
        .update(key, "id");
    return key.getKey().longValue();
  }

  Optional<Alumnus> alumnus(long id) {
    return jdbc.sql(ALUMNUS + " where id = :id").param("id", id).query(AlumniDirectory::alumnus).optional();
  }

  Optional<Alumnus> alumnusByInvitation(long invitationId) {
    return jdbc.sql(ALUMNUS + " where invitation_id = :id").param("id", invitationId)
        .query(AlumniDirectory::alumnus).optional();
  }

  /** Alumni of a cohort who may be contacted about reunions and opportunities. */
  List<Alumnus> contactable(long cohortId) {
    return jdbc.sql(ALUMNUS + " where cohort_id = :cohort and may_contact = true order by name, id")
        .param("cohort", cohortId).query(AlumniDirectory::alumnus).list();
  }

  void deleteAlumnus(long id) {
    jdbc.sql("update cl_alumni_token set alumnus_id = null where alumnus_id = :id").param("id", id).update();
    jdbc.sql("delete from cl_alumni where id = :id").param("id", id).update();
  }

  /** Alumni who agreed to be listed, of one hub or of all. */
  List<Listed> listed(String hubKey) {
    // Two statements rather than "(:hub is null or ...)": PostgreSQL cannot type a null parameter.
    String where = hubKey == null ? "" : " and c.hub_key = :hub";
    JdbcClient.StatementSpec statement = jdbc.sql(
        "select c.hub_key, c.hub_name, c.cohort_name, a.name, a.up_to"
            + " from cl_alumni a join cl_alumni_cohort c on c.id = a.cohort_id"
            + " where a.may_list = true" + where
            + " order by c.hub_name, c.residency_end_date desc, c.cohort_name, a.name");
    if (hubKey != null) {
      statement = statement.param("hub", hubKey);
    }
    return statement
        .query((rs, n) -> new Listed(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
        .list();
  }

  /** The name of a hub that has at least one cohort. */
  Optional<String> hubName(String hubKey) {
    return jdbc.sql("select hub_name from cl_alumni_cohort where hub_key = :hub order by created_at desc, id desc")
        .param("hub", hubKey).query(String.class).list().stream().findFirst();
  }

  private static final String ALUMNUS = """
      select id, cohort_id, invitation_id, name, email, up_to, may_contact, may_list, consented_at from cl_alumni""";

  private static Cohort cohort(ResultSet rs, int n) throws SQLException {
    return new Cohort(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
        rs.getDate(6).toLocalDate(), rs.getString(7));
  }

  private static Invitation invitation(ResultSet rs, int n) throws SQLException {
    return new Invitation(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), instant(rs, 6));
  }

  private static Alumnus alumnus(ResultSet rs, int n) throws SQLException {
    return new Alumnus(rs.getLong(1), rs.getLong(2), longOrNull(rs, 3), rs.getString(4), rs.getString(5),
        rs.getString(6), rs.getBoolean(7), rs.getBoolean(8), instant(rs, 9));
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    Timestamp value = rs.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }

  private static Long longOrNull(ResultSet rs, int column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }
}
