package org.communitylifecycle.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.communitylifecycle.testsupport.PostgresServer.count;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.communitylifecycle.CommunityLifecycleApplication;
import org.communitylifecycle.testsupport.PostgresServer;
import org.communitylifecycle.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two nodes start at the same moment on one empty PostgreSQL database: both start, and the shared
 * rows their startups create exist once (engine/StartupLock.java). Runs only against PostgreSQL
 * ({@code -Ppostgres}); on its own fresh database, dropped afterwards.
 */
class TwoNodesStartupIT {

  private static final String SERVER = PostgresServer.URL;
  private static final String USER = PostgresServer.USER;
  private static final String PASSWORD = PostgresServer.PASSWORD;

  private static String name;
  private static String url;

  @BeforeAll
  static void freshDatabase() throws SQLException {
    org.junit.jupiter.api.Assumptions.assumeTrue(TestDatabase.isPostgres(), "PostgreSQL only (-Ppostgres)");
    name = "cl_test_nodes_" + UUID.randomUUID().toString().substring(0, 8);
    try (Connection admin = DriverManager.getConnection(SERVER, USER, PASSWORD); Statement sql = admin.createStatement()) {
      sql.execute("CREATE DATABASE " + name);
    }
    url = SERVER.substring(0, SERVER.lastIndexOf('/') + 1) + name;
  }

  @AfterAll
  static void dropDatabase() throws SQLException {
    if (name == null) {
      return;
    }
    try (Connection admin = DriverManager.getConnection(SERVER, USER, PASSWORD); Statement sql = admin.createStatement()) {
      sql.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }
  }

  @Test
  @Timeout(value = 6, unit = TimeUnit.MINUTES)
  void bothNodesStartAndSeedOnce() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    CountDownLatch ready = new CountDownLatch(2);
    List<Future<ConfigurableApplicationContext>> nodes = new ArrayList<>();
    List<ConfigurableApplicationContext> started = new ArrayList<>();
    try {
      for (String node : List.of("node1", "node2")) {
        nodes.add(pool.submit(() -> {
          ready.countDown();
          ready.await();
          return start(node);
        }));
      }
      Throwable failure = null;
      for (Future<ConfigurableApplicationContext> node : nodes) {
        try {
          started.add(node.get(5, TimeUnit.MINUTES));
        } catch (Exception e) {
          failure = failure == null ? e : failure;
        }
      }
      assertThat(failure).as("both nodes start").isNull();

      try (Connection db = DriverManager.getConnection(url, USER, PASSWORD)) {
        assertThat(count(db, "select count(*) from act_ru_filter where name_ = 'My tasks'")).isEqualTo(1);
        assertThat(count(db, "select count(*) from act_ru_filter where name_ = 'My group tasks'")).isEqualTo(1);
        assertThat(count(db, "select count(*) from act_id_user where id_ = 'admin'")).isEqualTo(1);
        assertThat(count(db, "select count(*) from act_id_membership where user_id_ = 'admin' and group_id_ = '"
            + Groups.CAMUNDA_ADMIN + "'")).isEqualTo(1);
        assertThat(count(db, "select count(*) from act_id_group where type_ = 'WORKFLOW'")).isEqualTo(Groups.ALL.size());
        assertThat(count(db, "select count(*) from cl_community")).isEqualTo(5);
        assertThat(count(db, "select count(*) from act_re_procdef where key_ = 'milestone'")).isEqualTo(1);
        assertThat(count(db, "select count(*) from (select key_, version_ from act_re_procdef"
            + " group by key_, version_ having count(*) > 1) twice")).isZero();
        assertThat(count(db, "select count(*) from (select key_ from act_re_procdef group by key_"
            + " having max(version_) > 1) redeployed")).as("no model deployed twice").isZero();
        assertThat(count(db, "select count(*) from (select proc_def_key_, business_key_ from act_hi_procinst"
            + " where business_key_ is not null and super_process_instance_id_ is null"
            + " group by proc_def_key_, business_key_ having count(*) > 1) twice")).as("each demo sample once").isZero();
      }
    } finally {
      for (Future<ConfigurableApplicationContext> node : nodes) {
        if (node.isDone() && !node.isCancelled()) {
          try {
            ConfigurableApplicationContext context = node.get();
            if (!started.contains(context)) {
              started.add(context);
            }
          } catch (Exception ignored) {
            // reported above
          }
        }
      }
      started.forEach(ConfigurableApplicationContext::close);
      pool.shutdownNow();
    }
  }

  private static ConfigurableApplicationContext start(String node) {
    // As arguments: they outrank application.yaml, as the environment does on a real node.
    return new SpringApplicationBuilder(CommunityLifecycleApplication.class)
        .profiles("demo")
        .run(
            "--server.port=0",
            "--server.address=127.0.0.1",
            "--spring.datasource.url=" + url,
            "--spring.datasource.username=" + USER,
            "--spring.datasource.password=" + PASSWORD,
            "--camunda.bpm.process-engine-name=" + node,
            "--camunda.bpm.job-execution.enabled=false",
            "--community-lifecycle.mail.poll-interval=PT1H",
            "--community-lifecycle.models.live-redeploy=false",
            "--spring.jmx.enabled=false");
  }


}
