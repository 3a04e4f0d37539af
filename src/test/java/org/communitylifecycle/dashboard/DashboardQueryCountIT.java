package org.communitylifecycle.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.communitylifecycle.dashboard.Dashboard.StalledSort;
import org.communitylifecycle.testsupport.RunningApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.communitylifecycle.mentoring.MentoringProperties;
import org.communitylifecycle.milestone.StalledSteps;
import org.communitylifecycle.source.Sources;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.communitylifecycle.lifecycle.LifecycleContract;

/**
 * The dashboard's portfolio-wide views cost the same number of SQL statements for ten communities
 * as for three thousand: no query per community or per milestone. The statements are counted by a
 * DataSource proxy under the dashboard's queries. Not a timing test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardQueryCountIT extends RunningApplication {

  static final Instant START = Instant.parse("2032-01-05T12:00:00Z");
  static final Instant NOW = START.plus(Duration.ofDays(30));
  static final String PREFIX = "query-count-";
  static final String REAL = "query-count-real";

  @Autowired DataSource dataSource;
  @Autowired JdbcTemplate jdbc;
  @Autowired StageExitTarget exitTarget;
  @Autowired MentoringProperties mentoring;
  @Autowired Sources sources;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;

  private final AtomicInteger statements = new AtomicInteger();
  private Dashboard dashboard;
  private int seeded;

  @BeforeAll
  void countingDashboard() {
    NamedParameterJdbcTemplate countingJdbc = new NamedParameterJdbcTemplate(counting(dataSource));
    dashboard = new Dashboard(new DashboardQueries(countingJdbc), new StalledSteps(countingJdbc), exitTarget, mentoring,
        sources);
    // A real community with real milestones: one delivered and waiting for review, all stalled by NOW.
    try {
      ClockUtil.setCurrentTime(java.util.Date.from(START));
      runtime.startProcessInstanceByKey(LifecycleContract.PROCESS_KEY, Map.of("communityName", "Query Count Real",
          "activator", "alice", "liaison", "bob", "entryStage", "pre-work"));
      Task deliver = tasks.createTaskQuery().processInstanceBusinessKey(REAL).taskDefinitionKey("Task_DeliverMilestone")
          .listPage(0, 1).get(0);
      identity.setAuthentication("alice", List.of("activators"));
      try {
        tasks.complete(deliver.getId(), Map.of("deliverableUrl", "https://wiki.example.org/q", "deliverableSummary", "Done"));
      } finally {
        identity.clearAuthentication();
      }
    } finally {
      ClockUtil.reset();
    }
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @AfterAll
  void removeSeededCommunities() {
    jdbc.update("delete from cl_stage_history where community_key like 'query-count-seeded-%'");
    jdbc.update("delete from cl_community where community_key like 'query-count-seeded-%'");
  }

  @Test
  void portfolioStalledWorkAndHandoffHealthCostAsManyQueriesForThreeThousandCommunitiesAsForTen() {
    seedUpTo(10);
    Map<String, Integer> forTen = statementsPerView();

    seedUpTo(3000);
    Map<String, Integer> forThreeThousand = statementsPerView();

    assertThat(forThreeThousand).isEqualTo(forTen);
    assertThat(forTen).containsExactly(Map.entry("portfolio", 4), Map.entry("portfolio of one liaison", 4),
        Map.entry("stalled", 1), Map.entry("handoff health", 3), Map.entry("programs", 2),
        Map.entry("community detail", 9));
    // The views did cover them all.
    ClockUtil.setCurrentTime(java.util.Date.from(NOW));
    assertThat(dashboard.portfolio(null).communities()).filteredOn(c -> c.key().startsWith(PREFIX)).hasSize(3001);
    assertThat(dashboard.portfolio("query-count-liaison-7").communities()).hasSize(150);
    assertThat(dashboard.stalled(null, StalledSort.STALLED_FOR, true).items())
        .filteredOn(i -> i.community().equals(REAL)).hasSize(3);
    assertThat(dashboard.handoffHealth().liaisons()).filteredOn(l -> l.liaison().startsWith(PREFIX)).hasSize(20);
  }

  /** How many statements each view runs, at NOW, when the real community's milestones have stalled. */
  private Map<String, Integer> statementsPerView() {
    ClockUtil.setCurrentTime(java.util.Date.from(NOW));
    try {
      Map<String, Integer> counts = new LinkedHashMap<>();
      counts.put("portfolio", count(() -> dashboard.portfolio(null)));
      counts.put("portfolio of one liaison", count(() -> dashboard.portfolio("query-count-liaison-7")));
      counts.put("stalled", count(() -> dashboard.stalled(null, StalledSort.STALLED_FOR, true)));
      counts.put("handoff health", count(() -> dashboard.handoffHealth()));
      counts.put("programs", count(() -> dashboard.programs()));
      // One community, but its figures must not grow with the portfolio either.
      counts.put("community detail", count(() -> dashboard.detail(REAL).orElseThrow()));
      return counts;
    } finally {
      ClockUtil.reset();
    }
  }

  private int count(Runnable view) {
    statements.set(0);
    view.run();
    return statements.get();
  }

  /** Communities query-count-seeded-0001 and on, each in a stage since a day of its own, 20 liaisons in turn. */
  private void seedUpTo(int total) {
    int from = seeded;
    int count = total - seeded;
    Timestamp now = Timestamp.from(START);
    jdbc.batchUpdate("""
        insert into cl_community (community_key, name, activator, liaison, current_stage, status, created_at, updated_at)
        values (?, ?, 'alice', ?, 'starting', 'active', ?, ?)""", new BatchPreparedStatementSetter() {
      @Override
      public void setValues(PreparedStatement ps, int i) throws SQLException {
        int n = from + i + 1;
        ps.setString(1, key(n));
        ps.setString(2, "Query Count Seeded " + n);
        ps.setString(3, PREFIX + "liaison-" + (n % 20));
        ps.setTimestamp(4, now);
        ps.setTimestamp(5, now);
      }

      @Override
      public int getBatchSize() {
        return count;
      }
    });
    jdbc.batchUpdate("insert into cl_stage_history (community_key, stage, entered_at) values (?, 'starting', ?)",
        new BatchPreparedStatementSetter() {
          @Override
          public void setValues(PreparedStatement ps, int i) throws SQLException {
            int n = from + i + 1;
            ps.setString(1, key(n));
            ps.setTimestamp(2, Timestamp.from(START.minus(Duration.ofDays(n % 400))));
          }

          @Override
          public int getBatchSize() {
            return count;
          }
        });
    seeded = total;
  }

  private static String key(int n) {
    return "%sseeded-%04d".formatted(PREFIX, n);
  }

  // --- counting statements ---

  private static final Set<String> STATEMENT_FACTORIES = Set.of("createStatement", "prepareStatement", "prepareCall");

  /** The data source, counting every statement created on its connections. */
  private DataSource counting(DataSource target) {
    return proxy(DataSource.class, target, (method, result) ->
        method.getName().equals("getConnection") ? proxy(Connection.class, (Connection) result, (m, r) -> {
          if (STATEMENT_FACTORIES.contains(m.getName())) {
            statements.incrementAndGet();
          }
          return r;
        }) : result);
  }

  /** What to make of a call's result. */
  private interface OnResult {
    Object apply(Method method, Object result);
  }

  private static <T> T proxy(Class<T> type, T target, OnResult onResult) {
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
      try {
        return onResult.apply(method, method.invoke(target, args));
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }));
  }
}
