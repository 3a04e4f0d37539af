package org.communitylifecycle.community;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.communitylifecycle.engine.AppClock;
import org.communitylifecycle.identity.Teams;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The communities the product knows, in the app's own table {@code cl_community}. */
@Repository
public class CommunityDirectory {

  /** Groups that may read every community's data. */
  public static final List<String> PORTFOLIO_GROUPS = List.of("cbt-liaisons", "community-leads", "camunda-admin");

  /** One community. */
  public record Community(
      String key, String name, String activator, String liaison, String currentStage, String status) {}

  private final JdbcClient jdbc;

  public CommunityDirectory(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Records a community entering a stage: creates it, or updates its people and stage. */
  @Transactional
  public void enterStage(String key, String name, String activator, String liaison, String stage) {
    Instant now = AppClock.now();
    int updated =
        jdbc.sql("""
                update cl_community set name = :name, activator = :activator, liaison = :liaison,
                  current_stage = :stage, status = 'active', updated_at = :now where community_key = :key""")
            .param("name", name).param("activator", activator).param("liaison", liaison)
            .param("stage", stage).param("now", java.sql.Timestamp.from(now)).param("key", key)
            .update();
    if (updated == 0) {
      jdbc.sql("""
              insert into cl_community (community_key, name, activator, liaison, current_stage, status, created_at, updated_at)
              values (:key, :name, :activator, :liaison, :stage, 'active', :now, :now)""")
          .param("key", key).param("name", name).param("activator", activator).param("liaison", liaison)
          .param("stage", stage).param("now", java.sql.Timestamp.from(now))
          .update();
    }
  }

  /**
   * Claims the one running instance of a process a community may have, in the caller's (the
   * engine's) transaction: replaces a row whose instance no longer runs, then inserts. Of
   * simultaneous starts, one inserts; the others wait for it and find its key.
   *
   * @return false if another instance holds the claim
   */
  public boolean claimRunning(String processKey, String communityKey, String processInstanceId) {
    jdbc.sql("""
            delete from cl_running_instance where process_key = :process and community_key = :key
              and not exists (select 1 from ACT_RU_EXECUTION e where e.PROC_INST_ID_ = cl_running_instance.process_instance_id)""")
        .param("process", processKey).param("key", communityKey)
        .update();
    try {
      jdbc.sql("""
              insert into cl_running_instance (process_key, community_key, process_instance_id, started_at)
              values (:process, :key, :instance, :now)""")
          .param("process", processKey).param("key", communityKey).param("instance", processInstanceId)
          .param("now", java.sql.Timestamp.from(AppClock.now()))
          .update();
      return true;
    } catch (DuplicateKeyException e) {
      return false;
    }
  }

  /** Sets a community's status: active, paused or closed. */
  public void setStatus(String key, String status) {
    jdbc.sql("update cl_community set status = :status, updated_at = :now where community_key = :key")
        .param("status", status).param("now", java.sql.Timestamp.from(AppClock.now())).param("key", key)
        .update();
  }

  public Optional<Community> find(String key) {
    return jdbc.sql("""
            select community_key, name, activator, liaison, current_stage, status
            from cl_community where community_key = :key""")
        .param("key", key)
        .query((rs, n) -> new Community(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getString(6)))
        .optional();
  }

  /**
   * Whether a user may read a community's data, which includes personal data of its
   * contributors: the members of its teams (as the engine's groups say, so that Admin's changes
   * count at once) and the portfolio groups.
   */
  public boolean mayRead(String userId, Collection<String> groupIds, Community community) {
    if (userId == null) {
      return false;
    }
    return groupIds.stream().anyMatch(PORTFOLIO_GROUPS::contains)
        || groupIds.contains(Teams.Kind.ACTIVATORS.groupId(community.key()))
        || groupIds.contains(Teams.Kind.LIAISONS.groupId(community.key()));
  }
}
