package org.communitylifecycle.source;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.communitylifecycle.community.CommunityDirectory;
import org.communitylifecycle.contributor.ContributorTestSupport;
import org.communitylifecycle.contributor.ContributorIdentities;
import org.communitylifecycle.testsupport.TestDatabase;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The source module wired by hand on the test database for the process tests: the real stores,
 * services and delegates, with a scripted kind "scripted" whose fetches answer what a test queued.
 */
final class SourceFixture {

  /** A kind that answers each fetch with the next queued answer, and records the requests. */
  static final class ScriptedKind implements SourceKind {
    final Deque<Supplier<SyncBatch>> answers = new ArrayDeque<>();
    final List<SyncRequest> requests = new java.util.ArrayList<>();

    @Override
    public String id() {
      return "scripted";
    }

    @Override
    public String label() {
      return "Scripted";
    }

    @Override
    public CredentialUse credentialUse() {
      return CredentialUse.OPTIONAL;
    }

    @Override
    public Map<String, String> check(Map<String, String> settings, List<String> problems) {
      if (!settings.containsKey("repositories")) {
        problems.add("repositories: give at least one owner/name");
      }
      return settings;
    }

    @Override
    public SyncBatch fetch(SyncRequest request) {
      requests.add(request);
      if (answers.isEmpty()) {
        return SyncBatch.of(List.of(), request.cursor(), false);
      }
      return answers.poll().get();
    }
  }

  static final String KEY = java.util.Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

  final JdbcClient jdbc;
  final DataSource dataSource;
  final CommunityDirectory directory;
  final ScriptedKind kind = new ScriptedKind();
  final SourceStore store;
  final Sources sources;
  final ContributorIdentities identities;
  final String community;

  SourceFixture(ProcessEngine engine) {
    this(engine, List.of());
  }

  /** With more kinds than the scripted one: the real GitHub kind against WireMock, say. */
  SourceFixture(ProcessEngine engine, List<SourceKind> more) {
    TestDatabase.Connection db = TestDatabase.get();
    DriverManagerDataSource ds = new DriverManagerDataSource(db.url(), db.user(), db.password());
    Flyway.configure().dataSource(ds).table("cl_schema_history").baselineOnMigrate(true).baselineVersion("0")
        .load().migrate();
    dataSource = ds;
    jdbc = JdbcClient.create(ds);
    directory = new CommunityDirectory(jdbc);
    community = "kitsune-" + UUID.randomUUID().toString().substring(0, 8);
    directory.enterStage(community, "Kitsune " + community, "alice", "bob", "learning-and-preparing-for-growth");
    SourceProperties properties = new SourceProperties(KEY, Duration.ofHours(1), 100, Duration.ofHours(2),
        List.of("dependabot", "sumo-bot"), "data/gharchive");
    Credentials credentials = new Credentials(properties);
    store = new SourceStore(jdbc);
    List<SourceKind> kinds = new java.util.ArrayList<>(more);
    kinds.add(kind);
    sources = new Sources(store, credentials, kinds, directory, engine.getRuntimeService(), engine.getManagementService(),
        engine.getIdentityService(), properties);
    identities = ContributorTestSupport.identities(ds, directory, engine);
    Mocks.register("contributionSourceSync", new SourceSync(store, sources, credentials, identities, properties,
        new DataSourceTransactionManager(ds)));
    Mocks.register("contributionSourceSchedule", new SourceSchedule(store, sources));
    Mocks.register("contributionSources", new AddContributionSource(sources));
  }

  /** Adds a scripted source as bob, the community's liaison; its first sync starts. */
  SourceViews.Source add(String name) {
    return sources.add(community, name, "scripted", Map.of("repositories", "mozilla/kitsune"), "ghp_secret123",
        "PT1H", "bob", List.of("cbt-liaisons", "liaisons-" + community));
  }
}
