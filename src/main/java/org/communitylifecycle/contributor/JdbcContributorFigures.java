package org.communitylifecycle.contributor;

import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The figures from the contributor tables, one query each. A contributor's tier on a day is the
 * latest conversion point on or before it; before the first one it is {@code none}.
 */
@Repository
class JdbcContributorFigures implements ContributorFigures {

  private final JdbcClient jdbc;

  JdbcContributorFigures(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public long newContributorsSince(String communityKey, LocalDate since) {
    return jdbc.sql("select count(*) from cl_contributor where community_key = :community and joined_on >= :since")
        .param("community", communityKey).param("since", since)
        .query(Long.class).single();
  }

  @Override
  public long activeContributors(String communityKey, LocalDate asOf) {
    return jdbc.sql("""
            select count(*) from cl_tier_change t join cl_contributor c on c.id = t.contributor_id
            where c.community_key = :community and t.to_tier in ('active', 'core')
              and t.changed_on = (select max(t2.changed_on) from cl_tier_change t2
                                  where t2.contributor_id = t.contributor_id and t2.changed_on <= :asOf)""")
        .param("community", communityKey).param("asOf", asOf)
        .query(Long.class).single();
  }

  @Override
  public long newCoreMembersSince(String communityKey, LocalDate since) {
    return jdbc.sql("""
            select count(distinct t.contributor_id) from cl_tier_change t join cl_contributor c on c.id = t.contributor_id
            where c.community_key = :community and t.to_tier = 'core' and t.changed_on >= :since""")
        .param("community", communityKey).param("since", since)
        .query(Long.class).single();
  }

  @Override
  public long contributors(String communityKey) {
    return jdbc.sql("select count(*) from cl_contributor where community_key = :community")
        .param("community", communityKey)
        .query(Long.class).single();
  }
}
