package org.communitylifecycle.contributor;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
// IdentityService.getCurrentAuthentication() returns this impl type; there is no public one.
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.communitylifecycle.community.CommunityDirectory;
import org.communitylifecycle.community.CommunityDirectory.Community;
import org.communitylifecycle.contributor.ContributorExceptions.UnknownCommunity;
import org.communitylifecycle.contributor.ContributorStore.Stored;
import org.communitylifecycle.engine.AppClock;
import org.communitylifecycle.engine.InvalidInputException;
import org.communitylifecycle.identity.Groups;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Service tasks of "Recompute contributor tiers" (processes/recompute-contributor-tiers.bpmn): after
 * a change to the tier rules (processes/contributor-tier.dmn), every person's conversion points
 * are decided again from their record, in batches of {@value #BATCH} people, each batch a job of
 * its own (a multi-instance task), so a large portfolio is not one long transaction and a failed
 * batch is retried alone. Who changed tier is written to cl_tier_recompute_change and reported.
 * All communities: process designers and admins (the rules are theirs); one community: also its
 * teams and the portfolio groups.
 */
@Component("tierRecompute")
public class TierRecompute {

  public static final String PROCESS_KEY = "recompute-contributor-tiers";
  public static final String COMMUNITY_KEY = "communityKey";
  public static final String RECOMPUTE_ID = "recomputeId";
  public static final String BATCHES = "batches";
  public static final String PEOPLE = "peopleToDecide";
  public static final String REPORT = "recomputeReport";
  public static final String CHANGED = "tiersChanged";
  static final int BATCH = 500;
  static final int REPORT_LINES = 50;

  private final ContributorService contributors;
  private final CommunityDirectory directory;
  private final JdbcClient jdbc;

  public TierRecompute(ContributorService contributors, CommunityDirectory directory, JdbcClient jdbc) {
    this.contributors = contributors;
    this.directory = directory;
    this.jdbc = jdbc;
  }

  /** Checks who asks, and splits the people into batches: "community|first id|last id". */
  public void plan(DelegateExecution execution) {
    Object raw = execution.getVariable(COMMUNITY_KEY);
    String communityKey = raw == null || raw.toString().isBlank() ? null : raw.toString().trim();
    Authentication user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    Collection<String> groups = user == null || user.getGroupIds() == null ? List.of() : user.getGroupIds();
    boolean designer = groups.contains(Groups.PROCESS_DESIGNERS) || groups.contains(Groups.CAMUNDA_ADMIN);
    if (user == null) {
      throw new InvalidInputException("Recompute the tiers from Tasklist, signed in");
    }
    if (communityKey == null && !designer) {
      throw new InvalidInputException("Only process designers and admins recompute every community's tiers;"
          + " give your community's key to recompute its own");
    }
    if (communityKey != null) {
      Community community;
      try {
        community = contributors.community(communityKey);
      } catch (UnknownCommunity e) {
        throw new InvalidInputException(e.getMessage());
      }
      if (!designer && !directory.mayRead(user.getUserId(), groups, community)) {
        throw new InvalidInputException("Only the activators and liaisons of '" + communityKey + "', the groups "
            + String.join(", ", CommunityDirectory.PORTFOLIO_GROUPS) + ", and process designers may recompute its tiers");
      }
    }
    List<String> batches = new ArrayList<>();
    String current = null;
    long first = 0;
    long last = 0;
    int inBatch = 0;
    int people = 0;
    for (Map.Entry<String, Long> row : contributorIds(communityKey)) {
      if (!row.getKey().equals(current) || inBatch == BATCH) {
        if (current != null) {
          batches.add(current + "|" + first + "|" + last);
        }
        current = row.getKey();
        first = row.getValue();
        inBatch = 0;
      }
      last = row.getValue();
      inBatch++;
      people++;
    }
    if (current != null) {
      batches.add(current + "|" + first + "|" + last);
    }
    execution.setVariable(RECOMPUTE_ID, UUID.randomUUID().toString());
    execution.setVariable(BATCHES, batches);
    execution.setVariable(PEOPLE, people);
    if (communityKey != null) {
      execution.setProcessBusinessKey(communityKey);
    }
  }

  /** One batch: its people decided again in bulk; whoever changed is written down. */
  public void decide(DelegateExecution execution) {
    String[] batch = execution.getVariable("batch").toString().split("\\|");
    String recomputeId = (String) execution.getVariable(RECOMPUTE_ID);
    List<Stored> people = jdbc.sql("""
            select id, handle, name, joined_on from cl_contributor
            where community_key = :community and id >= :first and id <= :last order by id""")
        .param("community", batch[0]).param("first", Long.parseLong(batch[1])).param("last", Long.parseLong(batch[2]))
        .query((rs, n) -> new Stored(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, java.time.LocalDate.class)))
        .list();
    Map<Stored, String[]> changed = contributors.recomputeTiersOf(batch[0], people);
    Timestamp now = Timestamp.from(AppClock.now());
    changed.forEach((person, tiers) -> jdbc.sql("""
            insert into cl_tier_recompute_change (recompute_id, community_key, handle, tier_before, tier_after, decided_at)
            select :id, :community, :handle, :before, :after, :now from cl_community where community_key = :community
              and not exists (select 1 from cl_tier_recompute_change
                where recompute_id = :id and community_key = :community and handle = :handle)""")
        .param("id", recomputeId).param("community", batch[0]).param("handle", person.handle())
        .param("before", tiers[0]).param("after", tiers[1]).param("now", now)
        .update());
  }

  /** The report: how many were decided again, and who changed tier today (the first fifty). */
  public void report(DelegateExecution execution) {
    String recomputeId = (String) execution.getVariable(RECOMPUTE_ID);
    int people = ((Number) execution.getVariable(PEOPLE)).intValue();
    List<String[]> rows = jdbc.sql("""
            select community_key, handle, tier_before, tier_after from cl_tier_recompute_change
            where recompute_id = :id order by community_key, handle""")
        .param("id", recomputeId)
        .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)})
        .list();
    List<String[]> tierToday = rows.stream().filter(r -> !r[2].equals(r[3])).toList();
    StringBuilder report = new StringBuilder();
    report.append(people).append(people == 1 ? " person was" : " people were").append(" decided again with the")
        .append(" current rules. ").append(rows.size()).append(rows.size() == 1 ? " has" : " have")
        .append(" new conversion points; ").append(tierToday.size()).append(tierToday.size() == 1 ? " is" : " are")
        .append(" in another tier today.");
    for (String[] row : tierToday.subList(0, Math.min(REPORT_LINES, tierToday.size()))) {
      report.append("\n- ").append(row[1]).append(" (").append(row[0]).append("): ").append(row[2]).append(" → ").append(row[3]);
    }
    if (tierToday.size() > REPORT_LINES) {
      report.append("\n- and ").append(tierToday.size() - REPORT_LINES).append(" more (GET /api/communities/{key}/contributors/conversions)");
    }
    execution.setVariable(REPORT, report.toString());
    execution.setVariable(CHANGED, tierToday.size());
  }

  private List<Map.Entry<String, Long>> contributorIds(String communityKey) {
    return jdbc.sql("select community_key, id from cl_contributor"
            + (communityKey == null ? "" : " where community_key = :community") + " order by community_key, id")
        .params(communityKey == null ? Map.of() : Map.of("community", communityKey))
        .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
        .list();
  }
}
