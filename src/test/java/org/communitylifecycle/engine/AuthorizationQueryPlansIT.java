package org.communitylifecycle.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.communitylifecycle.testsupport.RunningApplication;
import org.communitylifecycle.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * On PostgreSQL, the engine's authorization join is planned from what the table holds: the
 * statistics of db/engine/postgres/V1 are in place, the app's connections rule out the comparison of
 * every task with every authorization and compile nothing (PostgresConnections), and the groups with
 * authorizations are found through the group index (AuthorizedGroupsByIndex). H2 has none of this (one node, demo).
 */
class AuthorizationQueryPlansIT extends RunningApplication {

  private static final String USER = "plan-test-user";
  private static final int TASKS = 3000;

  @Autowired private JdbcTemplate jdbc;
  @Autowired private ProcessEngine engine;

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
  void theEngineTablesMigrationsAddedTheStatisticsAndIndexes() {
    assertThat(jdbc.queryForList("select stxname from pg_statistic_ext order by stxname", String.class))
        .containsAll(List.of("cl_auth_perms_read", "cl_auth_perms_read_history", "cl_auth_perms_read_instance",
            "cl_auth_perms_read_task"));
    assertThat(jdbc.queryForList("select description from " + EngineTableMigrations.HISTORY_TABLE
        + " where success and version <> '0' order by installed_rank", String.class))
        .containsExactly("authorization permission statistics", "job due date index", "task parent index");
    assertThat(jdbc.queryForList("select indexname from pg_indexes where indexname like 'cl_idx_%' order by 1", String.class))
        .containsExactly("cl_idx_job_duedate", "cl_idx_task_parent");
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
  void theAppsConnectionsLookUpAuthorizationsByIndexAndCompileNothing() {
    assertThat(jdbc.queryForObject("show enable_material", String.class)).isEqualTo("off");
    assertThat(jdbc.queryForObject("show random_page_cost", String.class)).isEqualTo("1.1");
    assertThat(jdbc.queryForObject("show jit", String.class)).isEqualTo("off");
  }

  @Test
  void theGroupsThatHoldAuthorizationsAreFoundThroughTheGroupIndex() {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(configuration.getDbSqlSessionFactory().mapStatement(AuthorizedGroupsByIndex.ENGINE_STATEMENT))
        .isEqualTo(AuthorizedGroupsByIndex.STATEMENT);

    List<String> found = configuration.getCommandExecutorTxRequired()
        .execute(context -> context.getDbEntityManager().selectList(AuthorizedGroupsByIndex.ENGINE_STATEMENT).stream()
            .map(String.class::cast).toList());

    Set<String> groups = new HashSet<>(jdbc.queryForList(
        "select distinct group_id_ from act_ru_authorization where group_id_ is not null", String.class));
    assertThat(groups).contains("activators", "cbt-liaisons", "camunda-admin");
    assertThat(found).hasSize(groups.size()).containsExactlyInAnyOrderElementsOf(groups);
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
