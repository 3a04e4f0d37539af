package org.communitylifecycle.contributor;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.communitylifecycle.contributor.ContributorViews.Contribution;
import org.communitylifecycle.contributor.ContributorViews.Conversion;
import org.communitylifecycle.contributor.ContributorViews.RoleHeld;
import org.communitylifecycle.contributor.ContributorViews.Summary;
import org.communitylifecycle.engine.AppClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The contributor tables: cl_contributor, cl_contribution, cl_contributor_role, cl_tier_change. */
@Repository
class ContributorStore {

  /** A contributor as stored. */
  record Stored(long id, String handle, String name, LocalDate joinedOn) {}

  /** The tier on a day: the latest change on or before it. */
  static final String TIER_ON = """
      coalesce((select t.to_tier from cl_tier_change t where t.contributor_id = c.id
        and t.changed_on = (select max(t2.changed_on) from cl_tier_change t2
                            where t2.contributor_id = c.id and t2.changed_on <= :asOf)), 'none')""";

  private final JdbcClient jdbc;
  private final org.springframework.jdbc.core.JdbcTemplate template;

  ContributorStore(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate template) {
    this.jdbc = jdbc;
    this.template = template;
  }


  Optional<Stored> find(String communityKey, String handle) {
    return jdbc.sql("""
            select id, handle, name, joined_on from cl_contributor
            where community_key = :community and handle_key = :handleKey""")
        .param("community", communityKey)
        .param("handleKey", ContributorRules.handleKey(handle))
        .query((rs, n) -> new Stored(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class)))
        .optional();
  }

  Stored insert(String communityKey, String handle, String name, LocalDate joinedOn) {
    org.springframework.jdbc.support.KeyHolder keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
    jdbc.sql("""
            insert into cl_contributor (community_key, handle, handle_key, name, joined_on, created_at)
            values (:community, :handle, :handleKey, :name, :joinedOn, :now)""")
        .param("community", communityKey)
        .param("handle", handle)
        .param("handleKey", ContributorRules.handleKey(handle))
        .param("name", name)
        .param("joinedOn", joinedOn)
        .param("now", Timestamp.from(AppClock.now()))
        .update(keys, "id");
    return new Stored(keys.getKey().longValue(), handle, name, joinedOn);
  }

  /** Every contributor of the community, by handle key. */
  java.util.Map<String, Stored> byHandleKey(String communityKey) {
    java.util.Map<String, Stored> all = new java.util.HashMap<>();
    jdbc.sql("select id, handle, name, joined_on, handle_key from cl_contributor where community_key = :community")
        .param("community", communityKey)
        .query(rs -> {
          all.put(rs.getString(5), new Stored(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class)));
        });
    return all;
  }

  void update(long id, String name, LocalDate joinedOn) {
    jdbc.sql("update cl_contributor set name = :name, joined_on = :joinedOn where id = :id")
        .param("name", name).param("joinedOn", joinedOn).param("id", id)
        .update();
  }

  /** Adds a contribution unless the same one (day, kind, reference) is there; true when added. */
  boolean addContribution(long contributorId, LocalDate on, String kind, String reference) {
    return jdbc.sql("""
            insert into cl_contribution (contributor_id, contributed_on, kind, reference)
            select :id, :on, :kind, :reference from cl_contributor
            where id = :id and not exists (select 1 from cl_contribution
              where contributor_id = :id and contributed_on = :on and kind = :kind and reference = :reference)""")
        .param("id", contributorId).param("on", on).param("kind", kind).param("reference", reference)
        .update() > 0;
  }

  enum RoleWrite { ADDED, UPDATED, UNCHANGED }

  /** Adds a role, or sets the last day of the same role started the same day. */
  RoleWrite putRole(long contributorId, String role, LocalDate from, LocalDate to) {
    Optional<Optional<LocalDate>> existing =
        jdbc.sql("select role_to from cl_contributor_role where contributor_id = :id and role = :role and role_from = :from")
            .param("id", contributorId).param("role", role).param("from", from)
            .query((rs, n) -> Optional.ofNullable(rs.getObject(1, LocalDate.class)))
            .optional();
    if (existing.isEmpty()) {
      jdbc.sql("insert into cl_contributor_role (contributor_id, role, role_from, role_to) values (:id, :role, :from, :to)")
          .param("id", contributorId).param("role", role).param("from", from).param("to", to)
          .update();
      return RoleWrite.ADDED;
    }
    if (existing.get().equals(Optional.ofNullable(to))) {
      return RoleWrite.UNCHANGED;
    }
    jdbc.sql("update cl_contributor_role set role_to = :to where contributor_id = :id and role = :role and role_from = :from")
        .param("id", contributorId).param("role", role).param("from", from).param("to", to)
        .update();
    return RoleWrite.UPDATED;
  }

  List<Contribution> contributions(long contributorId) {
    return jdbc.sql("""
            select contributed_on, kind, reference from cl_contribution where contributor_id = :id
            order by contributed_on, kind, reference""")
        .param("id", contributorId)
        .query((rs, n) -> new Contribution(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getString(3)))
        .list();
  }

  List<ContributorViews.Identity> identities(long contributorId) {
    return jdbc.sql("""
            select i.kind, i.identity_value, i.display_name,
              (select count(*) from cl_contribution a where a.identity_id = i.id) as contributions
            from cl_contributor_identity i where i.contributor_id = :id order by i.kind, i.value_key""")
        .param("id", contributorId)
        .query((rs, n) -> new ContributorViews.Identity(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
        .list();
  }

  List<RoleHeld> roles(long contributorId) {
    return jdbc.sql("select role, role_from, role_to from cl_contributor_role where contributor_id = :id order by role_from, role")
        .param("id", contributorId)
        .query((rs, n) -> new RoleHeld(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class)))
        .list();
  }

  List<TierTimeline.Change> tierChanges(long contributorId) {
    return jdbc.sql("select changed_on, from_tier, to_tier from cl_tier_change where contributor_id = :id order by changed_on")
        .param("id", contributorId)
        .query((rs, n) -> new TierTimeline.Change(
            rs.getObject(1, LocalDate.class), tier(rs.getString(2)), tier(rs.getString(3))))
        .list();
  }

  void replaceTierChanges(long contributorId, List<TierTimeline.Change> changes) {
    jdbc.sql("delete from cl_tier_change where contributor_id = :id").param("id", contributorId).update();
    for (TierTimeline.Change change : changes) {
      jdbc.sql("""
              insert into cl_tier_change (contributor_id, from_tier, to_tier, changed_on)
              values (:id, :from, :to, :on)""")
          .param("id", contributorId).param("from", change.from().id()).param("to", change.to().id())
          .param("on", change.on())
          .update();
    }
  }

  /** The days of the contributions of each of these contributors, oldest first. */
  java.util.Map<Long, List<LocalDate>> contributionDaysOf(List<Long> ids) {
    java.util.Map<Long, List<LocalDate>> days = new java.util.HashMap<>();
    for (List<Long> chunk : chunks(ids)) {
      jdbc.sql("select contributor_id, contributed_on from cl_contribution where contributor_id in (:ids) order by contributed_on")
          .param("ids", chunk)
          .query(rs -> {
            days.computeIfAbsent(rs.getLong(1), k -> new java.util.ArrayList<>()).add(rs.getObject(2, LocalDate.class));
          });
    }
    return days;
  }

  java.util.Map<Long, List<TierTimeline.Role>> rolesOf(List<Long> ids) {
    java.util.Map<Long, List<TierTimeline.Role>> roles = new java.util.HashMap<>();
    for (List<Long> chunk : chunks(ids)) {
      jdbc.sql("select contributor_id, role_from, role_to from cl_contributor_role where contributor_id in (:ids) order by role_from, role")
          .param("ids", chunk)
          .query(rs -> {
            roles.computeIfAbsent(rs.getLong(1), k -> new java.util.ArrayList<>())
                .add(new TierTimeline.Role(rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class)));
          });
    }
    return roles;
  }

  java.util.Map<Long, List<TierTimeline.Change>> tierChangesOf(List<Long> ids) {
    java.util.Map<Long, List<TierTimeline.Change>> changes = new java.util.HashMap<>();
    for (List<Long> chunk : chunks(ids)) {
      jdbc.sql("select contributor_id, changed_on, from_tier, to_tier from cl_tier_change where contributor_id in (:ids) order by changed_on")
          .param("ids", chunk)
          .query(rs -> {
            changes.computeIfAbsent(rs.getLong(1), k -> new java.util.ArrayList<>()).add(new TierTimeline.Change(
                rs.getObject(2, LocalDate.class), tier(rs.getString(3)), tier(rs.getString(4))));
          });
    }
    return changes;
  }

  /** Replaces the conversion points of each contributor in the map, in a few statements. */
  void replaceTierChanges(java.util.Map<Long, List<TierTimeline.Change>> byContributor) {
    if (byContributor.isEmpty()) {
      return;
    }
    for (List<Long> chunk : chunks(List.copyOf(byContributor.keySet()))) {
      jdbc.sql("delete from cl_tier_change where contributor_id in (:ids)").param("ids", chunk).update();
    }
    List<Object[]> rows = new java.util.ArrayList<>();
    byContributor.forEach((id, changes) -> changes.forEach(c ->
        rows.add(new Object[] {id, c.from().id(), c.to().id(), java.sql.Date.valueOf(c.on())})));
    template.batchUpdate("insert into cl_tier_change (contributor_id, from_tier, to_tier, changed_on) values (?, ?, ?, ?)", rows);
  }

  private static List<List<Long>> chunks(List<Long> ids) {
    List<List<Long>> chunks = new java.util.ArrayList<>();
    for (int i = 0; i < ids.size(); i += 1000) {
      chunks.add(ids.subList(i, Math.min(ids.size(), i + 1000)));
    }
    return chunks;
  }

  List<Summary> summaries(String communityKey, LocalDate asOf) {
    return jdbc.sql("select c.handle, c.name, c.joined_on, " + TIER_ON + """
             as tier,
              (select count(*) from cl_contribution a where a.contributor_id = c.id) as contributions,
              (select max(a.contributed_on) from cl_contribution a where a.contributor_id = c.id) as last_on
            from cl_contributor c where c.community_key = :community
            order by c.handle_key""")
        .param("community", communityKey).param("asOf", asOf)
        .query((rs, n) -> new Summary(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class),
            rs.getString(4), rs.getLong(5), rs.getObject(6, LocalDate.class)))
        .list();
  }

  List<Conversion> conversions(String communityKey, LocalDate since, LocalDate until) {
    return jdbc.sql("""
            select c.handle, t.from_tier, t.to_tier, t.changed_on
            from cl_tier_change t join cl_contributor c on c.id = t.contributor_id
            where c.community_key = :community and t.changed_on >= :since and t.changed_on <= :until
            order by t.changed_on, c.handle_key""")
        .param("community", communityKey).param("since", since).param("until", until)
        .query((rs, n) -> new Conversion(rs.getString(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class)))
        .list();
  }

  /** The first day of any contribution or role on record. */
  Optional<LocalDate> earliestRecordedDay(long contributorId) {
    List<LocalDate> first = jdbc.sql("""
            select min(d) from (
              select min(contributed_on) as d from cl_contribution where contributor_id = :id
              union all
              select min(role_from) as d from cl_contributor_role where contributor_id = :id) x""")
        .param("id", contributorId)
        .query((rs, n) -> rs.getObject(1, LocalDate.class))
        .list();
    return first.isEmpty() ? Optional.empty() : Optional.ofNullable(first.get(0));
  }

  Optional<Stored> byId(long id) {
    return jdbc.sql("select id, handle, name, joined_on from cl_contributor where id = :id")
        .param("id", id)
        .query((rs, n) -> new Stored(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class)))
        .optional();
  }

  /** Erases a contributor; their contributions, roles, accounts and conversion points go with them. */
  void delete(long id) {
    jdbc.sql("delete from cl_contributor where id = :id").param("id", id).update();
  }

  /** A contributor and the names they go by: name, handle, and each account's value and display name. */
  record NamedPerson(Stored person, List<String> names) {}

  List<NamedPerson> namesAndAccounts(String communityKey) {
    java.util.Map<Long, NamedPerson> people = new java.util.LinkedHashMap<>();
    jdbc.sql("select id, handle, name, joined_on from cl_contributor where community_key = :community order by handle_key")
        .param("community", communityKey)
        .query((rs, n) -> new Stored(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class)))
        .list()
        .forEach(c -> people.put(c.id(), new NamedPerson(c, new java.util.ArrayList<>(
            java.util.Arrays.asList(c.handle(), c.name())))));
    jdbc.sql("""
            select contributor_id, identity_value, display_name from cl_contributor_identity
            where community_key = :community""")
        .param("community", communityKey)
        .query((rs, n) -> {
          NamedPerson person = people.get(rs.getLong(1));
          if (person != null) {
            person.names().add(rs.getString(2));
            person.names().add(rs.getString(3));
          }
          return null;
        })
        .list();
    return List.copyOf(people.values());
  }

  boolean hasContributors(String communityKey) {
    return jdbc.sql("select count(*) from cl_contributor where community_key = :community")
        .param("community", communityKey).query(Long.class).single() > 0;
  }

  private static Tier tier(String id) {
    return Tier.ofId(id).orElseThrow(() -> new IllegalStateException("Unknown tier '" + id + "' in cl_tier_change"));
  }
}
