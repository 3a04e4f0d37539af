package org.communitylifecycle.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.communitylifecycle.testsupport.RunningApplication;
import org.communitylifecycle.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * On PostgreSQL, the engine's authorization join is planned from what the table holds: the
 * statistics of db/engine/postgres/V1 are in place, and the app's connections plan every statement
 * with its parameters and without JIT (PostgresConnections). H2 has none of this (one node, demo).
 */
class AuthorizationQueryPlansIT extends RunningApplication {

  private static final String USER = "plan-test-user";
  private static final int TASKS = 3000;

  @Autowired private JdbcTemplate jdbc;

  @BeforeEach
  void onPostgres() {
    assumeTrue(TestDatabase.isPostgres(), "PostgreSQL only (-Ppostgres)");
  }

  @AfterEach
  void removeTheTestAuthorizations() {
    if (TestDatabase.isPostgres()) {
      jdbc.update("delete from act_ru_authorization where user_id_ = ?", USER);
    }
  }

  @Test
  void theEngineTablesMigrationAddedTheStatisticsOfEachPermission() {
    assertThat(jdbc.queryForList("select stxname from pg_statistic_ext order by stxname", String.class))
        .containsAll(List.of("cl_auth_perms_read", "cl_auth_perms_read_history", "cl_auth_perms_read_instance",
            "cl_auth_perms_read_task"));
    assertThat(jdbc.queryForList("select description from " + EngineTableMigrations.HISTORY_TABLE
        + " where success and version = '1'", String.class)).containsExactly("authorization permission statistics");
  }

  @Test
  void theAuthorizationsOfThousandsOfTasksAreEstimatedAsThousands() {
    jdbc.update("insert into act_ru_authorization (id_, rev_, type_, user_id_, resource_type_, resource_id_, perms_)"
        + " select 'plan-test-' || g, 1, 1, ?, 7, 'plan-test-task-' || g, 16386 from generate_series(1, ?) g", USER, TASKS);
    jdbc.execute("analyze act_ru_authorization");

    // The authorization part of the engine's task query (Authorization.xml, authCheckJoinWithoutOnClause).
    String plan = jdbc.queryForObject("explain (format json) select A.* from act_ru_authorization A where A.TYPE_ < 2"
        + " and (A.USER_ID_ in ('" + USER + "', '*'))"
        + " and ((A.RESOURCE_TYPE_ = 7 and A.PERMS_ & 2 = 2) or (A.RESOURCE_TYPE_ = 6 and A.PERMS_ & 64 = 64))",
        String.class);
    double rows = estimatedRows(plan);

    // Without the statistics PostgreSQL guessed 0.5 % of the rows (under 20 here) and compared every task with every one.
    assertThat(rows).as("estimated rows of %s task authorizations", TASKS).isGreaterThan(TASKS / 3.0);
  }

  @Test
  void theAppsConnectionsPlanWithTheParametersAndWithoutJit() {
    assertThat(jdbc.queryForObject("show plan_cache_mode", String.class)).isEqualTo("force_custom_plan");
    assertThat(jdbc.queryForObject("show jit", String.class)).isEqualTo("off");
  }

  private static double estimatedRows(String jsonPlan) {
    try {
      JsonNode plan = new ObjectMapper().readTree(jsonPlan).get(0).get("Plan");
      return plan.get("Plan Rows").asDouble();
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
