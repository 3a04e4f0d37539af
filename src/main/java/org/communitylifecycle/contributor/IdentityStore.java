package org.communitylifecycle.contributor;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The accounts of contributors (cl_contributor_identity), the contributions a source credited to
 * them, and the accounts of erased people (cl_identity_erased, as hashes only). Bulk writes go
 * through JDBC batches: one statement sent per batch of rows, not one per row.
 */
@Repository
class IdentityStore {

  /** An account as stored. */
  record StoredIdentity(long id, long contributorId, String kind, String valueKey) {}

  /** A contribution to add, credited to an account. */
  record NewContribution(long contributorId, long identityId, LocalDate on, String kind, String reference) {}

  private final JdbcClient jdbc;
  private final JdbcTemplate template;

  IdentityStore(JdbcClient jdbc, JdbcTemplate template) {
    this.jdbc = jdbc;
    this.template = template;
  }

  /** The key an account is found by: its kind and its value, ignoring case. */
  static String key(String kind, String value) {
    return kind + ":" + valueKey(value);
  }

  static String valueKey(String value) {
    return value.trim().toLowerCase(Locale.ROOT);
  }

  /** Every account of the community, by {@link #key}. */
  Map<String, StoredIdentity> all(String communityKey) {
    Map<String, StoredIdentity> found = new HashMap<>();
    jdbc.sql("select id, contributor_id, kind, value_key from cl_contributor_identity where community_key = :community")
        .param("community", communityKey)
        .query((rs, n) -> new StoredIdentity(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)))
        .list()
        .forEach(i -> found.put(i.kind() + ":" + i.valueKey(), i));
    return found;
  }

  List<StoredIdentity> ofContributor(long contributorId) {
    return jdbc.sql("select id, contributor_id, kind, value_key from cl_contributor_identity where contributor_id = :id")
        .param("id", contributorId)
        .query((rs, n) -> new StoredIdentity(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)))
        .list();
  }

  StoredIdentity insert(String communityKey, long contributorId, String kind, String value, String displayName) {
    String valueKey = valueKey(value);
    org.springframework.jdbc.support.KeyHolder keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
    jdbc.sql("""
            insert into cl_contributor_identity (community_key, contributor_id, kind, identity_value, value_key,
              display_name, created_at) values (:community, :contributor, :kind, :value, :valueKey, :name, :now)""")
        .param("community", communityKey).param("contributor", contributorId).param("kind", kind)
        .param("value", value.trim()).param("valueKey", valueKey)
        .param("name", displayName == null ? null : truncate(displayName, ContributorRules.NAME_MAX))
        .param("now", Timestamp.from(org.communitylifecycle.engine.AppClock.now()))
        .update(keys, "id");
    return new StoredIdentity(keys.getKey().longValue(), contributorId, kind, valueKey);
  }

  /** What adding contributions did: how many were new, and whose. */
  record Added(int count, Set<Long> contributors) {}

  /**
   * Adds the contributions that are not there yet (same contributor, day, kind and reference).
   */
  Added addContributions(long sourceId, List<NewContribution> rows) {
    if (rows.isEmpty()) {
      return new Added(0, Set.of());
    }
    int[][] counts = template.batchUpdate("""
            insert into cl_contribution (contributor_id, contributed_on, kind, reference, source_id, identity_id)
            select ?, ?, ?, ?, ?, ? from cl_source where id = ? and not exists (select 1 from cl_contribution
              where contributor_id = ? and contributed_on = ? and kind = ? and reference = ?)""",
        rows, 1000, (PreparedStatement ps, NewContribution row) -> {
          java.sql.Date day = java.sql.Date.valueOf(row.on());
          ps.setLong(1, row.contributorId());
          ps.setDate(2, day);
          ps.setString(3, row.kind());
          ps.setString(4, row.reference());
          ps.setLong(5, sourceId);
          ps.setLong(6, row.identityId());
          ps.setLong(7, sourceId);
          ps.setLong(8, row.contributorId());
          ps.setDate(9, day);
          ps.setString(10, row.kind());
          ps.setString(11, row.reference());
        });
    int added = 0;
    Set<Long> whose = new java.util.HashSet<>();
    int row = 0;
    for (int[] batch : counts) {
      for (int count : batch) {
        // Drivers may answer SUCCESS_NO_INFO (-2) for batched rows; count those as added.
        if (count > 0 || count == PreparedStatement.SUCCESS_NO_INFO) {
          added++;
          whose.add(rows.get(row).contributorId());
        }
        row++;
      }
    }
    return new Added(added, whose);
  }

  /** Moves each contributor's joining day back to the day given when it lies after it; one batch. */
  void joinedNoLaterThan(Map<Long, LocalDate> days) {
    List<Object[]> rows = new ArrayList<>();
    days.forEach((id, day) -> rows.add(new Object[] {java.sql.Date.valueOf(day), id, java.sql.Date.valueOf(day)}));
    template.batchUpdate("update cl_contributor set joined_on = ? where id = ? and joined_on > ?", rows);
  }

  /** Marks contributors whose tier history must be decided again (when their source's sync ends). */
  void markStale(java.util.Collection<Long> contributorIds) {
    List<Object[]> rows = contributorIds.stream().map(id -> new Object[] {id, id, id}).toList();
    template.batchUpdate("""
        insert into cl_tier_stale (contributor_id) select ? from cl_contributor where id = ?
          and not exists (select 1 from cl_tier_stale where contributor_id = ?)""", rows);
  }

  /** The community's contributors marked stale; the marks are removed. */
  List<Long> takeStale(String communityKey) {
    List<Long> ids = jdbc.sql("""
            select s.contributor_id from cl_tier_stale s join cl_contributor c on c.id = s.contributor_id
            where c.community_key = :community order by s.contributor_id""")
        .param("community", communityKey).query(Long.class).list();
    for (int i = 0; i < ids.size(); i += 1000) {
      jdbc.sql("delete from cl_tier_stale where contributor_id in (:ids)")
          .param("ids", ids.subList(i, Math.min(ids.size(), i + 1000))).update();
    }
    return ids;
  }

  /** Moves everything of {@code from} to {@code into}; what {@code into} already has is dropped, not doubled. */
  void moveAll(long from, long into) {
    jdbc.sql("""
            delete from cl_contribution where contributor_id = :from and exists (select 1 from cl_contribution b
              where b.contributor_id = :into and b.contributed_on = cl_contribution.contributed_on
                and b.kind = cl_contribution.kind and b.reference = cl_contribution.reference)""")
        .param("from", from).param("into", into).update();
    jdbc.sql("update cl_contribution set contributor_id = :into where contributor_id = :from")
        .param("from", from).param("into", into).update();
    jdbc.sql("""
            delete from cl_contributor_role where contributor_id = :from and exists (select 1 from cl_contributor_role b
              where b.contributor_id = :into and b.role = cl_contributor_role.role and b.role_from = cl_contributor_role.role_from)""")
        .param("from", from).param("into", into).update();
    jdbc.sql("update cl_contributor_role set contributor_id = :into where contributor_id = :from")
        .param("from", from).param("into", into).update();
    jdbc.sql("update cl_contributor_identity set contributor_id = :into where contributor_id = :from")
        .param("from", from).param("into", into).update();
    jdbc.sql("""
            update cl_contributor set joined_on = (select least(a.joined_on, b.joined_on) from cl_contributor a, cl_contributor b
              where a.id = :into and b.id = :from) where id = :into""")
        .param("from", from).param("into", into).update();
    jdbc.sql("delete from cl_contributor where id = :from").param("from", from).update();
  }

  /** Moves one account, and the contributions credited to it, to another contributor. */
  void moveIdentity(long identityId, long from, long into) {
    jdbc.sql("update cl_contribution set contributor_id = :into where identity_id = :identity and contributor_id = :from")
        .param("identity", identityId).param("from", from).param("into", into).update();
    jdbc.sql("update cl_contributor_identity set contributor_id = :into where id = :identity")
        .param("identity", identityId).param("into", into).update();
  }

  /** The first day of any contribution of the contributor, if any. */
  LocalDate firstContribution(long contributorId) {
    return jdbc.sql("select min(contributed_on) from cl_contribution where contributor_id = :id")
        .param("id", contributorId).query((rs, n) -> rs.getObject(1, LocalDate.class)).single();
  }

  void setJoined(long contributorId, LocalDate day) {
    jdbc.sql("update cl_contributor set joined_on = :day where id = :id").param("day", day).param("id", contributorId).update();
  }

  /** Remembers, as hashes, the accounts of an erased person, so that no sync brings them back. */
  void rememberErased(String communityKey, List<String> identityKeys) {
    for (String identityKey : identityKeys) {
      String hash = hash(communityKey, identityKey);
      jdbc.sql("""
              insert into cl_identity_erased (account_hash, erased_at)
              select :hash, :now from cl_community where community_key = :community
                and not exists (select 1 from cl_identity_erased where account_hash = :hash)""")
          .param("hash", hash).param("now", Timestamp.from(org.communitylifecycle.engine.AppClock.now())).param("community", communityKey)
          .update();
    }
  }

  /** The hashes of erased accounts among these keys. */
  Set<String> erased(String communityKey, java.util.Collection<String> identityKeys) {
    if (identityKeys.isEmpty()) {
      return Set.of();
    }
    Map<String, String> byHash = new HashMap<>();
    identityKeys.forEach(k -> byHash.put(hash(communityKey, k), k));
    Set<String> found = new java.util.HashSet<>();
    List<String> hashes = new ArrayList<>(byHash.keySet());
    for (int i = 0; i < hashes.size(); i += 500) {
      jdbc.sql("select account_hash from cl_identity_erased where account_hash in (:hashes)")
          .param("hashes", hashes.subList(i, Math.min(hashes.size(), i + 500)))
          .query(String.class).list()
          .forEach(h -> found.add(byHash.get(h)));
    }
    return found;
  }

  /** Pairs a person said are two people. */
  Set<String> distinctPairs(String communityKey) {
    Set<String> pairs = new java.util.HashSet<>();
    jdbc.sql("select first_id, second_id from cl_identity_distinct where community_key = :community")
        .param("community", communityKey)
        .query((rs, n) -> rs.getLong(1) + "/" + rs.getLong(2)).list().forEach(pairs::add);
    return pairs;
  }

  void markDistinct(String communityKey, long first, long second, String by) {
    long low = Math.min(first, second);
    long high = Math.max(first, second);
    jdbc.sql("""
            insert into cl_identity_distinct (community_key, first_id, second_id, decided_by, decided_at)
            select :community, :low, :high, :by, :now from cl_community where community_key = :community
              and not exists (select 1 from cl_identity_distinct where first_id = :low and second_id = :high)""")
        .param("community", communityKey).param("low", low).param("high", high).param("by", by)
        .param("now", Timestamp.from(org.communitylifecycle.engine.AppClock.now())).update();
  }

  private static String hash(String communityKey, String identityKey) {
    try {
      byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
          .digest((communityKey + "\n" + identityKey).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(digest);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  private static String truncate(String value, int max) {
    return value.length() <= max ? value : value.substring(0, max);
  }
}
