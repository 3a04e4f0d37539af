package org.communitylifecycle.contributor;

import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.communitylifecycle.community.CommunityDirectory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The contributor services wired by hand on a data source, for tests of other modules. */
public final class ContributorTestSupport {

  private ContributorTestSupport() {}

  public static ContributorService service(DataSource dataSource, CommunityDirectory directory, ProcessEngine engine) {
    return new ContributorService(directory, new ContributorStore(JdbcClient.create(dataSource), new JdbcTemplate(dataSource)),
        new TierDecision(engine.getDecisionService(), engine.getIdentityService(), engine.getRepositoryService()),
        new ContributorProperties("P12M", 100));
  }

  public static ContributorIdentities identities(DataSource dataSource, CommunityDirectory directory, ProcessEngine engine) {
    JdbcClient jdbc = JdbcClient.create(dataSource);
    return new ContributorIdentities(service(dataSource, directory, engine), new ContributorStore(jdbc, new JdbcTemplate(dataSource)),
        new IdentityStore(jdbc, new JdbcTemplate(dataSource)));
  }
}
