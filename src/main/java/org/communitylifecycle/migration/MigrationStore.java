package org.communitylifecycle.migration;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The records of migrations: cl_migration and cl_migration_instance (db/migration/V12). */
@Component
class MigrationStore {

  /** One request to migrate. */
  record Run(String id, String requestedBy, Instant requestedAt, String scope, boolean includeSuspended) {}

  /** One instance a request looked at. */
  record Row(String processInstanceId, String processKey, String businessKey, String sourceDefinitionId, int sourceVersion,
      String targetDefinitionId, int targetVersion, String batchId, String skipReason, String failure) {}

  private final JdbcClient jdbc;

  MigrationStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(Run run) {
    jdbc.sql("insert into cl_migration (id, requested_by, requested_at, scope, include_suspended) values (?, ?, ?, ?, ?)")
        .params(run.id(), run.requestedBy(), Timestamp.from(run.requestedAt()), run.scope(), run.includeSuspended())
        .update();
  }

  void insert(String migrationId, int position, Plan.Instance instance, String batchId) {
    jdbc.sql("""
        insert into cl_migration_instance (migration_id, process_instance_id, position, process_key, business_key,
          source_definition_id, source_version, target_definition_id, target_version, batch_id, skip_reason)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(migrationId, instance.processInstanceId(), position, instance.processKey(), instance.businessKey(),
            instance.sourceDefinitionId(), instance.sourceVersion(), instance.targetDefinitionId(), instance.targetVersion(),
            batchId, instance.reason())
        .update();
  }

  void recordFailure(String migrationId, String processInstanceId, String failure) {
    jdbc.sql("update cl_migration_instance set failure = ? where migration_id = ? and process_instance_id = ? and failure is null")
        .params(failure, migrationId, processInstanceId).update();
  }

  Optional<Run> run(String id) {
    return jdbc.sql("select id, requested_by, requested_at, scope, include_suspended from cl_migration where id = ?")
        .param(id).query(MigrationStore::run).optional();
  }

  /** The latest requests first. */
  List<Run> runs(int limit) {
    return jdbc.sql("select id, requested_by, requested_at, scope, include_suspended from cl_migration order by requested_at desc, id limit ?")
        .param(limit).query(MigrationStore::run).list();
  }

  List<Row> rows(String migrationId) {
    return jdbc.sql("""
        select process_instance_id, process_key, business_key, source_definition_id, source_version,
          target_definition_id, target_version, batch_id, skip_reason, failure
        from cl_migration_instance where migration_id = ? order by position""")
        .param(migrationId)
        .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
            rs.getString(6), rs.getInt(7), rs.getString(8), rs.getString(9), rs.getString(10)))
        .list();
  }

  private static Run run(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new Run(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getString(4), rs.getBoolean(5));
  }
}
