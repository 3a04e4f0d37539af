package org.communitylifecycle.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.communitylifecycle.engine.AppClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table cl_source: each source's settings, sealed token, cursor and last sync. */
@Repository
class SourceStore {

  /** A source as stored; the token stays sealed. */
  record Stored(long id, String communityKey, String name, String kind, Map<String, String> settings,
      String sealedCredential, Duration syncInterval, String cursor, String createdBy, Instant createdAt,
      Instant removedAt, Instant lastSyncAt, Integer lastSyncAdded, String lastStatus, String lastMessage,
      String processInstanceId) {}

  /** What a source brought: contributions and the people they are credited to. */
  record Contributed(long contributions, long contributors) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String COLUMNS = """
      id, community_key, name, kind, settings, credential, sync_interval, cursor_state, created_by, created_at,
      removed_at, last_sync_at, last_sync_added, last_status, last_message, process_instance_id""";

  private final JdbcClient jdbc;

  SourceStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insert(String communityKey, String name, String kind, Map<String, String> settings, Duration interval,
      String createdBy) {
    jdbc.sql("""
            insert into cl_source (community_key, name, kind, settings, sync_interval, created_by, created_at, last_status)
            values (:community, :name, :kind, :settings, :interval, :by, :now, 'never')""")
        .param("community", communityKey).param("name", name).param("kind", kind)
        .param("settings", json(settings)).param("interval", interval.toString()).param("by", createdBy)
        .param("now", Timestamp.from(AppClock.now()))
        .update();
    return jdbc.sql("select id from cl_source where community_key = :community and name = :name")
        .param("community", communityKey).param("name", name).query(Long.class).single();
  }

  Optional<Stored> find(long id) {
    return jdbc.sql("select " + COLUMNS + " from cl_source where id = :id").param("id", id)
        .query(SourceStore::row).optional();
  }

  /** The same row, locked until the transaction ends, so two nodes never start two runs of one source. */
  Optional<Stored> lock(long id) {
    return jdbc.sql("select " + COLUMNS + " from cl_source where id = :id for update").param("id", id)
        .query(SourceStore::row).optional();
  }

  Optional<Stored> findByName(String communityKey, String name) {
    return jdbc.sql("select " + COLUMNS + " from cl_source where community_key = :community and name = :name")
        .param("community", communityKey).param("name", name)
        .query(SourceStore::row).optional();
  }

  List<Stored> ofCommunity(String communityKey) {
    return jdbc.sql("select " + COLUMNS + " from cl_source where community_key = :community and removed_at is null order by name")
        .param("community", communityKey).query(SourceStore::row).list();
  }

  /** Sources that are not removed and were never synced, or last synced at least their interval ago. */
  List<Stored> due(Instant now) {
    return jdbc.sql("select " + COLUMNS + " from cl_source where removed_at is null order by id")
        .query(SourceStore::row).list().stream()
        .filter(s -> s.lastSyncAt() == null || !s.lastSyncAt().plus(s.syncInterval()).isAfter(now))
        .toList();
  }

  void setCredential(long id, String sealed) {
    jdbc.sql("update cl_source set credential = :sealed where id = :id").param("sealed", sealed).param("id", id).update();
  }

  void update(long id, Map<String, String> settings, Duration interval) {
    jdbc.sql("update cl_source set settings = :settings, sync_interval = :interval where id = :id")
        .param("settings", json(settings)).param("interval", interval.toString()).param("id", id).update();
  }

  void setSettings(long id, Map<String, String> settings) {
    jdbc.sql("update cl_source set settings = :settings where id = :id").param("settings", json(settings)).param("id", id).update();
  }

  void remove(long id) {
    jdbc.sql("update cl_source set removed_at = :now, credential = null where id = :id")
        .param("now", Timestamp.from(AppClock.now())).param("id", id).update();
  }

  void runStarted(long id, String processInstanceId) {
    jdbc.sql("update cl_source set process_instance_id = :pi where id = :id").param("pi", processInstanceId).param("id", id).update();
  }

  /** A batch written: the cursor moves on and the status is ok. */
  void synced(long id, String cursor, int added, boolean firstBatchOfRun, String message) {
    jdbc.sql("""
            update cl_source set cursor_state = :cursor, last_sync_at = :now, last_status = 'ok', last_message = :message,
              last_sync_added = case when :first then :added else coalesce(last_sync_added, 0) + :added end
            where id = :id""")
        .param("cursor", cursor).param("now", Timestamp.from(AppClock.now())).param("added", added)
        .param("first", firstBatchOfRun).param("message", message).param("id", id)
        .update();
  }

  /** The last attempt failed, or waits for a rate limit: the status and what to read. */
  void status(long id, String status, String message) {
    jdbc.sql("update cl_source set last_status = :status, last_message = :message where id = :id")
        .param("status", status).param("message", message.length() > 2000 ? message.substring(0, 2000) : message)
        .param("id", id).update();
  }

  Contributed contributed(long id) {
    return jdbc.sql("select count(*), count(distinct contributor_id) from cl_contribution where source_id = :id")
        .param("id", id).query((rs, n) -> new Contributed(rs.getLong(1), rs.getLong(2))).single();
  }

  private static Stored row(ResultSet rs, int n) throws SQLException {
    return new Stored(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), settings(rs.getString(5)),
        rs.getString(6), Duration.parse(rs.getString(7)), rs.getString(8), rs.getString(9), instant(rs.getTimestamp(10)),
        instant(rs.getTimestamp(11)), instant(rs.getTimestamp(12)), (Integer) rs.getObject(13), rs.getString(14),
        rs.getString(15), rs.getString(16));
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }

  private static String json(Map<String, String> settings) {
    try {
      return JSON.writeValueAsString(new TreeMap<>(settings));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A map of strings is always JSON", e);
    }
  }

  private static Map<String, String> settings(String json) {
    try {
      return JSON.readValue(json, new TypeReference<TreeMap<String, String>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cl_source.settings is not a JSON object of strings: " + e.getOriginalMessage(), e);
    }
  }
}
