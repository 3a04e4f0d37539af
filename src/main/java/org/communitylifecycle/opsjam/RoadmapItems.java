package org.communitylifecycle.opsjam;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The backlog and roadmap items of the ops jams, with their tags and dependencies, in the app's
 * tables {@code cl_ops_roadmap_item}, {@code cl_ops_roadmap_item_tag} and
 * {@code cl_ops_roadmap_dependency}. An item is keyed OPS-1, OPS-2, ... within its jam.
 */
@Repository
class RoadmapItems {

  // Where an item came from.
  public static final String PAIN_POINT = "pain-point";
  public static final String WISHLIST = "wishlist";
  public static final String REQUEST = "request";
  public static final String FOLLOW_UP = "follow-up";

  /** Kinds raised by instance managers, at the jam or in a follow-up meeting. */
  static final List<String> FROM_INSTANCE_MANAGERS = List.of(PAIN_POINT, WISHLIST, FOLLOW_UP);

  /** One item. Owner, priority and due date are null until the backlog is combed. */
  public record Item(
      String key,
      int number,
      String kind,
      String title,
      String description,
      String requestedBy,
      String owner,
      String priority,
      String status,
      LocalDate dueDate,
      List<String> tags,
      List<String> dependsOn) {}

  /** What a new item is made of. */
  record NewItem(
      String kind,
      String title,
      String description,
      String requestedBy,
      List<String> tags,
      String owner,
      String priority,
      String status,
      LocalDate dueDate,
      List<String> dependsOn) {}

  /** What combing sets on an item. */
  record Combed(String key, String owner, String priority, LocalDate dueDate, List<String> dependsOn) {}

  private final JdbcClient jdbc;

  public RoadmapItems(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  static String key(int number) {
    return "OPS-" + number;
  }

  Item add(String jamKey, int number, NewItem item) {
    String key = key(number);
    jdbc.sql("""
            insert into cl_ops_roadmap_item (jam_key, item_number, item_key, kind, title, description, requested_by,
              owner_id, priority, status, due_date, created_at, updated_at)
            values (:jam, :number, :key, :kind, :title, :description, :requestedBy, :owner, :priority, :status, :due,
              :now, :now)""")
        .param("jam", jamKey).param("number", number).param("key", key).param("kind", item.kind())
        .param("title", item.title()).param("description", item.description()).param("requestedBy", item.requestedBy())
        .param("owner", item.owner()).param("priority", item.priority()).param("status", item.status())
        .param("due", item.dueDate() == null ? null : Date.valueOf(item.dueDate())).param("now", OpsJams.now())
        .update();
    long id = id(jamKey, key);
    replaceTags(id, item.tags());
    replaceDependencies(jamKey, id, item.dependsOn());
    return new Item(key, number, item.kind(), item.title(), item.description(), item.requestedBy(), item.owner(),
        item.priority(), item.status(), item.dueDate(), List.copyOf(item.tags()), List.copyOf(item.dependsOn()));
  }

  /** The jam's items in the order they were raised. */
  public List<Item> list(String jamKey) {
    Map<Long, List<String>> tags = new LinkedHashMap<>();
    jdbc.sql("""
            select t.item_id, t.tag from cl_ops_roadmap_item_tag t join cl_ops_roadmap_item i on i.id = t.item_id
            where i.jam_key = :jam order by t.item_id, t.tag""")
        .param("jam", jamKey)
        .query(rs -> {
          tags.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(rs.getString(2));
        });
    Map<Long, List<String>> dependsOn = new LinkedHashMap<>();
    jdbc.sql("""
            select d.item_id, target.item_key from cl_ops_roadmap_dependency d
              join cl_ops_roadmap_item target on target.id = d.depends_on_item_id
            where target.jam_key = :jam order by d.item_id, target.item_number""")
        .param("jam", jamKey)
        .query(rs -> {
          dependsOn.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(rs.getString(2));
        });
    return jdbc.sql("""
            select id, item_key, item_number, kind, title, description, requested_by, owner_id, priority, status, due_date
            from cl_ops_roadmap_item where jam_key = :jam order by item_number""")
        .param("jam", jamKey)
        .query((rs, n) -> new Item(rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5), rs.getString(6),
            rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getObject(11, LocalDate.class),
            List.copyOf(tags.getOrDefault(rs.getLong(1), List.of())),
            List.copyOf(dependsOn.getOrDefault(rs.getLong(1), List.of()))))
        .list();
  }

  public Optional<Item> find(String jamKey, String itemKey) {
    return list(jamKey).stream().filter(i -> i.key().equals(itemKey)).findFirst();
  }

  /** Sets what combing decided and puts the item on the roadmap as planned. */
  void comb(String jamKey, Combed combed) {
    jdbc.sql("""
            update cl_ops_roadmap_item set owner_id = :owner, priority = :priority, due_date = :due,
              status = :status, updated_at = :now
            where jam_key = :jam and item_key = :key""")
        .param("owner", combed.owner()).param("priority", combed.priority())
        .param("due", combed.dueDate() == null ? null : Date.valueOf(combed.dueDate()))
        .param("status", ItemStatus.PLANNED.value()).param("now", OpsJams.now())
        .param("jam", jamKey).param("key", combed.key())
        .update();
    replaceDependencies(jamKey, id(jamKey, combed.key()), combed.dependsOn());
  }

  void setStatus(String jamKey, String itemKey, String status) {
    jdbc.sql("update cl_ops_roadmap_item set status = :status, updated_at = :now where jam_key = :jam and item_key = :key")
        .param("status", status).param("now", OpsJams.now()).param("jam", jamKey).param("key", itemKey)
        .update();
  }

  void reschedule(String jamKey, String itemKey, LocalDate dueDate, String owner) {
    jdbc.sql("""
            update cl_ops_roadmap_item set due_date = :due, owner_id = :owner, updated_at = :now
            where jam_key = :jam and item_key = :key""")
        .param("due", Date.valueOf(dueDate)).param("owner", owner).param("now", OpsJams.now())
        .param("jam", jamKey).param("key", itemKey)
        .update();
  }

  /**
   * Open items whose due date has passed and that are not already being escalated: marks them as
   * escalated and returns their keys.
   */
  List<String> escalateOverdue(String jamKey, LocalDate today) {
    List<String> keys = jdbc.sql("""
            select item_key from cl_ops_roadmap_item
            where jam_key = :jam and status in (:open) and due_date < :today and escalated_at is null
            order by item_number""")
        .param("jam", jamKey).param("open", ItemStatus.values(ItemStatus.OPEN)).param("today", Date.valueOf(today))
        .query(String.class).list();
    if (!keys.isEmpty()) {
      jdbc.sql("update cl_ops_roadmap_item set escalated_at = :now where jam_key = :jam and item_key in (:keys)")
          .param("now", OpsJams.now()).param("jam", jamKey).param("keys", keys)
          .update();
    }
    return keys;
  }

  void clearEscalation(String jamKey, String itemKey) {
    jdbc.sql("update cl_ops_roadmap_item set escalated_at = null where jam_key = :jam and item_key = :key")
        .param("jam", jamKey).param("key", itemKey)
        .update();
  }

  boolean isEscalated(String jamKey, String itemKey) {
    return jdbc.sql("""
            select count(*) from cl_ops_roadmap_item where jam_key = :jam and item_key = :key and escalated_at is not null""")
        .param("jam", jamKey).param("key", itemKey).query(Integer.class).single() > 0;
  }

  private long id(String jamKey, String itemKey) {
    return jdbc.sql("select id from cl_ops_roadmap_item where jam_key = :jam and item_key = :key")
        .param("jam", jamKey).param("key", itemKey).query(Long.class).single();
  }

  private void replaceTags(long id, Collection<String> tags) {
    jdbc.sql("delete from cl_ops_roadmap_item_tag where item_id = :id").param("id", id).update();
    for (String tag : tags) {
      jdbc.sql("insert into cl_ops_roadmap_item_tag (item_id, tag) values (:id, :tag)")
          .param("id", id).param("tag", tag).update();
    }
  }

  private void replaceDependencies(String jamKey, long id, Collection<String> dependsOn) {
    jdbc.sql("delete from cl_ops_roadmap_dependency where item_id = :id").param("id", id).update();
    for (String key : dependsOn) {
      jdbc.sql("insert into cl_ops_roadmap_dependency (item_id, depends_on_item_id) values (:id, :target)")
          .param("id", id).param("target", id(jamKey, key)).update();
    }
  }
}
