package org.communitylifecycle.source.gharchive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import org.communitylifecycle.contributor.SourcedEvent;
import org.communitylifecycle.contributor.SourcedEvent.Account;
import org.communitylifecycle.source.SourceFailure;
import org.communitylifecycle.source.SourceKind.CredentialUse;
import org.communitylifecycle.source.SyncBatch;
import org.communitylifecycle.source.SyncRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GH Archive kind against a small hand-written hour (every counted type, the skipped ones, a
 * malformed line, a bot, commits with and without a noreply address) and against the shipped
 * sample, whose figures its README states.
 */
class GhArchiveSourceTest {

  private static final String KITSUNE = "{\"id\":%d,\"name\":\"mozilla/kitsune\",\"url\":\"https://api.github.com/repos/mozilla/kitsune\"}"
      .formatted(1136143);
  private static final String ORG = "{\"id\":131524,\"login\":\"mozilla\",\"gravatar_id\":\"\","
      + "\"url\":\"https://api.github.com/orgs/mozilla\",\"avatar_url\":\"https://avatars.githubusercontent.com/u/131524?\"}";

  /** One hour of GH Archive, as the real files spell it (payloads cut to the fields that matter). */
  static final List<String> FIXTURE = List.of(
      event(1, "IssuesEvent", "ana-lima", KITSUNE, "2015-01-01T15:00:01Z",
          "{\"action\":\"opened\",\"issue\":{\"number\":1,\"html_url\":\"https://github.com/mozilla/kitsune/issues/1\","
              + "\"user\":{\"login\":\"ana-lima\"},\"title\":\"Search is slow\"}}"),
      event(2, "IssuesEvent", "ana-lima", KITSUNE, "2015-01-01T15:00:02Z",
          "{\"action\":\"closed\",\"issue\":{\"number\":1,\"html_url\":\"https://github.com/mozilla/kitsune/issues/1\"}}"),
      event(3, "PullRequestEvent", "tomas-vidal", KITSUNE, "2015-01-01T15:01:00Z",
          "{\"action\":\"opened\",\"number\":2,\"pull_request\":{\"html_url\":\"https://github.com/mozilla/kitsune/pull/2\","
              + "\"number\":2,\"user\":{\"login\":\"tomas-vidal\"},\"merged\":false,\"merged_at\":null}}"),
      "{\"id\":\"4\",\"type\":\"IssuesEvent\",\"actor\":{\"login\":\"ana-lima\"},\"repo\":" + KITSUNE + ",\"payl",
      event(5, "PullRequestReviewEvent", "kiki-m", KITSUNE, "2015-01-01T15:06:00Z",
          "{\"action\":\"created\",\"review\":{\"id\":77,\"user\":{\"login\":\"kiki-m\"},\"state\":\"approved\","
              + "\"html_url\":\"https://github.com/mozilla/kitsune/pull/2#pullrequestreview-77\","
              + "\"submitted_at\":\"2015-01-01T15:05:00Z\"},\"pull_request\":{\"number\":2}}"),
      event(6, "PullRequestEvent", "kiki-m", KITSUNE, "2015-01-01T15:10:02Z",
          "{\"action\":\"closed\",\"number\":2,\"pull_request\":{\"html_url\":\"https://github.com/mozilla/kitsune/pull/2\","
              + "\"number\":2,\"user\":{\"login\":\"tomas-vidal\"},\"merged\":true,\"merged_at\":\"2015-01-01T15:10:00Z\"}}"),
      event(7, "IssueCommentEvent", "dependabot[bot]", KITSUNE, "2015-01-01T15:11:00Z",
          "{\"action\":\"created\",\"issue\":{\"number\":3},\"comment\":{\"id\":901,"
              + "\"html_url\":\"https://github.com/mozilla/kitsune/pull/3#issuecomment-901\"}}"),
      event(8, "IssueCommentEvent", "ana-lima", KITSUNE, "2015-01-01T15:12:00Z",
          "{\"action\":\"created\",\"issue\":{\"number\":1},\"comment\":{\"id\":902,"
              + "\"html_url\":\"https://github.com/mozilla/kitsune/issues/1#issuecomment-902\"}}"),
      event(9, "PullRequestReviewCommentEvent", "kiki-m", KITSUNE, "2015-01-01T15:13:00Z",
          "{\"action\":\"created\",\"comment\":{\"id\":903,"
              + "\"html_url\":\"https://github.com/mozilla/kitsune/pull/2#discussion_r903\"},\"pull_request\":{\"number\":2}}"),
      event(10, "PushEvent", "kiki-m", KITSUNE, "2015-01-01T15:20:00Z",
          "{\"push_id\":536863970,\"size\":6,\"distinct_size\":5,\"ref\":\"refs/heads/main\",\"head\":\"c5\",\"before\":\"c0\","
              + "\"commits\":["
              + commit("c1", "4711+kiki-m@users.noreply.github.com", "Kiki Mwangi", true) + ","
              + commit("c2", "rosana@example.org", "Rosana Ortiz", true) + ","
              + commit("c3", "ana@example.org", "ana-lima", false) + ","
              + commit("c4", "49699333+dependabot[bot]@users.noreply.github.com", "dependabot[bot]", true) + ","
              + commit("c1", "4711+kiki-m@users.noreply.github.com", "Kiki Mwangi", true) + ","
              + commit("c5", "kiki@example.org", "KIKI-M", true) + "]}"),
      event(11, "PushEvent", "ana-lima", KITSUNE, "2015-01-01T15:21:00Z",
          "{\"push_id\":536863971,\"size\":1,\"distinct_size\":1,\"ref\":\"refs/heads/search-speed\",\"head\":\"d1\","
              + "\"before\":\"d0\",\"commits\":[" + commit("d1", "ana@example.org", "ana-lima", true) + "]}"),
      event(12, "WatchEvent", "someone", KITSUNE, "2015-01-01T15:22:00Z", "{\"action\":\"started\"}"),
      event(13, "IssuesEvent", "ana-lima",
          "{\"id\":1,\"name\":\"mozilla/gecko-dev\",\"url\":\"https://api.github.com/repos/mozilla/gecko-dev\"}",
          "2015-01-01T15:23:00Z", "{\"action\":\"opened\",\"issue\":{\"number\":9,"
              + "\"html_url\":\"https://github.com/mozilla/gecko-dev/issues/9\"}}"),
      event(14, "PushEvent", "tomas-vidal", KITSUNE, "2015-01-01T15:24:00Z",
          "{\"repository_id\":1136143,\"push_id\":536863972,\"ref\":\"refs/heads/master\",\"head\":\"e1\",\"before\":\"c5\"}"),
      "not json at all",
      event(16, "IssuesEvent", "rosana-ortiz",
          "{\"id\":1136143,\"name\":\"mozilla\\/kitsune\",\"url\":\"https://api.github.com/repos/mozilla/kitsune\"}",
          "2015-01-01T15:25:00Z", "{\"action\":\"opened\",\"issue\":{\"number\":4}}"),
      event(17, "IssuesEvent", "ana-lima",
          "{\"id\":2,\"name\":\"ana-lima/kitsune\",\"url\":\"https://api.github.com/repos/ana-lima/kitsune\"}",
          "2015-01-01T15:26:00Z", "{\"action\":\"opened\",\"issue\":{\"number\":1,"
              + "\"html_url\":\"https://github.com/ana-lima/kitsune/issues/1\"}}"),
      "");

  /** What the fixture holds for mozilla/kitsune, in the order of its lines. */
  static final List<SourcedEvent> EXPECTED = List.of(
      new SourcedEvent(at("15:00:01"), "issue", "https://github.com/mozilla/kitsune/issues/1", gh("ana-lima")),
      new SourcedEvent(at("15:01:00"), "pull-request", "https://github.com/mozilla/kitsune/pull/2", gh("tomas-vidal")),
      new SourcedEvent(at("15:05:00"), "review", "https://github.com/mozilla/kitsune/pull/2#pullrequestreview-77",
          gh("kiki-m")),
      new SourcedEvent(at("15:10:00"), "merge", "https://github.com/mozilla/kitsune/pull/2", gh("tomas-vidal")),
      new SourcedEvent(at("15:12:00"), "comment", "https://github.com/mozilla/kitsune/issues/1#issuecomment-902",
          gh("ana-lima")),
      new SourcedEvent(at("15:13:00"), "comment", "https://github.com/mozilla/kitsune/pull/2#discussion_r903",
          gh("kiki-m")),
      new SourcedEvent(at("15:20:00"), "commit", "https://github.com/mozilla/kitsune/commit/c1",
          List.of(Account.github("kiki-m"), Account.email("4711+kiki-m@users.noreply.github.com", "Kiki Mwangi"))),
      new SourcedEvent(at("15:20:00"), "commit", "https://github.com/mozilla/kitsune/commit/c2",
          List.of(Account.email("rosana@example.org", "Rosana Ortiz"))),
      new SourcedEvent(at("15:20:00"), "commit", "https://github.com/mozilla/kitsune/commit/c5",
          List.of(Account.github("kiki-m"), Account.email("kiki@example.org", "KIKI-M"))),
      new SourcedEvent(at("15:24:00"), "commit", "https://github.com/mozilla/kitsune/commit/e1", gh("tomas-vidal")),
      new SourcedEvent(at("15:25:00"), "issue", "https://github.com/mozilla/kitsune/issues/4", gh("rosana-ortiz")));

  /** The kitsune sample's contributions per kind, as its README states them. */
  static final Map<String, Long> KITSUNE_PER_KIND = Map.of("issue", 239L, "pull-request", 182L, "merge", 141L,
      "review", 173L, "comment", 566L, "commit", 183L);

  @TempDir
  Path root;

  @Test
  void describesItself() {
    GhArchiveSource source = new GhArchiveSource(root);
    assertThat(source.id()).isEqualTo("gharchive");
    assertThat(source.label()).isEqualTo("GH Archive files");
    assertThat(source.credentialUse()).isEqualTo(CredentialUse.NONE);
  }

  @Test
  void readsTheFollowedRepositorysContributionsOfAnHourAndCountsUnreadableLines() throws IOException {
    write(root.resolve("2015-01-01-15.json.gz"), FIXTURE);

    SyncBatch batch = new GhArchiveSource(root).fetch(request("2015-01-01-15.json.gz", null, 100));

    assertThat(batch.events()).containsExactlyElementsOf(EXPECTED);
    assertThat(batch.more()).isFalse();
    assertThat(batch.cursor()).isEqualTo("{\"done\":\"2015-01-01-15.json.gz\"}");
    assertThat(batch.notes()).containsExactly("skipped 2 unreadable lines in 2015-01-01-15.json.gz");
  }

  @Test
  void theBotsListAndOtherBranchesAreHonoured() throws IOException {
    write(root.resolve("hour.json"), FIXTURE);
    SyncRequest request = new SyncRequest(1, "kitsune", Map.of("location", "hour.json",
        "repositories", "mozilla/kitsune", "branches", "master"), null, null, Instant.now(), 100, Set.of("kiki-m"));

    SyncBatch batch = new GhArchiveSource(root).fetch(request);

    assertThat(batch.events()).extracting(e -> e.kind() + " " + e.author().value()).containsExactly(
        "issue ana-lima", "pull-request tomas-vidal", "merge tomas-vidal", "comment ana-lima",
        "commit tomas-vidal", "issue rosana-ortiz");
  }

  @Test
  void aBatchStopsAtMaxEventsAndTheNextResumesAtTheLine() throws IOException {
    write(root.resolve("2015-01-01-15.json.gz"), FIXTURE);
    GhArchiveSource source = new GhArchiveSource(root);

    SyncBatch first = source.fetch(request("2015-01-01-15.json.gz", null, 3));
    assertThat(first.events()).containsExactlyElementsOf(EXPECTED.subList(0, 3));
    assertThat(first.more()).isTrue();
    assertThat(first.cursor()).isEqualTo("{\"file\":\"2015-01-01-15.json.gz\",\"line\":5}");
    assertThat(first.notes()).containsExactly("skipped 1 unreadable line in 2015-01-01-15.json.gz");

    SyncBatch second = source.fetch(request("2015-01-01-15.json.gz", first.cursor(), 3));
    assertThat(second.events()).containsExactlyElementsOf(EXPECTED.subList(3, 6));
    assertThat(second.more()).isTrue();
    assertThat(new GhArchiveSource(root).fetch(request("2015-01-01-15.json.gz", first.cursor(), 3)))
        .as("the same without the file left open by the first batch").isEqualTo(second);

    List<SourcedEvent> all = new ArrayList<>(first.events());
    all.addAll(second.events());
    String cursor = second.cursor();
    SyncBatch next;
    do {
      next = source.fetch(request("2015-01-01-15.json.gz", cursor, 3));
      all.addAll(next.events());
      cursor = next.cursor();
    } while (next.more());
    assertThat(all).containsExactlyElementsOf(EXPECTED);
    assertThat(cursor).isEqualTo("{\"done\":\"2015-01-01-15.json.gz\"}");

    SyncBatch after = source.fetch(request("2015-01-01-15.json.gz", cursor, 3));
    assertThat(after.events()).isEmpty();
    assertThat(after.more()).isFalse();
    assertThat(after.cursor()).isEqualTo(cursor);

    SyncBatch again = source.fetch(request("2015-01-01-15.json.gz", null, 100));
    assertThat(again.events()).containsExactlyElementsOf(EXPECTED);
  }

  @Test
  void aFoldersFilesAreReadInTimeOrderAndFilesAddedLaterByALaterSync() throws IOException {
    Path folder = Files.createDirectories(root.resolve("2015-01"));
    write(folder.resolve("2015-01-01-10.json.gz"), List.of(FIXTURE.get(2)));
    write(folder.resolve("2015-01-01-9.json"), List.of(FIXTURE.get(0)));
    write(folder.resolve("2015-01-01-11.json.gz"), List.of(FIXTURE.get(4)));
    Files.writeString(folder.resolve("README.txt"), "not an archive");
    GhArchiveSource source = new GhArchiveSource(root);

    SyncBatch batch = source.fetch(request("2015-01", null, 100));
    assertThat(batch.events()).extracting(SourcedEvent::kind).containsExactly("issue", "pull-request", "review");
    assertThat(batch.cursor()).isEqualTo("{\"done\":\"2015-01-01-11.json.gz\"}");
    assertThat(batch.more()).isFalse();

    SyncBatch one = source.fetch(request("2015-01", null, 1));
    assertThat(one.events()).extracting(SourcedEvent::kind).containsExactly("issue");
    assertThat(one.cursor()).isEqualTo("{\"done\":\"2015-01-01-9.json\"}");
    assertThat(one.more()).isTrue();
    assertThat(source.fetch(request("2015-01", one.cursor(), 1)).events())
        .extracting(SourcedEvent::kind).containsExactly("pull-request");

    write(folder.resolve("2015-01-01-12.json.gz"), List.of(FIXTURE.get(7)));
    SyncBatch later = source.fetch(request("2015-01", batch.cursor(), 100));
    assertThat(later.events()).extracting(SourcedEvent::kind).containsExactly("comment");
    assertThat(later.cursor()).isEqualTo("{\"done\":\"2015-01-01-12.json.gz\"}");
  }

  @Test
  void namesSortAsTimes() {
    List<String> names = new ArrayList<>(List.of("2015-01-02-0.json.gz", "2015-01-01-10.json.gz",
        "2015-01-01-9.json.gz", "2014-12-31-23.json", "2015-01-01-1.json.gz"));
    names.sort(ArchiveFiles.ORDER);
    assertThat(names).containsExactly("2014-12-31-23.json", "2015-01-01-1.json.gz", "2015-01-01-9.json.gz",
        "2015-01-01-10.json.gz", "2015-01-02-0.json.gz");
  }

  @Test
  void checkCleansTheSettingsAndNamesEachProblem() throws IOException {
    write(root.resolve("2015-01-01-15.json.gz"), FIXTURE);
    Files.createDirectories(root.resolve("empty"));
    Files.writeString(root.resolve("notes.txt"), "x");
    GhArchiveSource source = new GhArchiveSource(root);

    List<String> problems = new ArrayList<>();
    Map<String, String> cleaned = source.check(Map.of("location", " 2015-01-01-15.json.gz ",
        "repositories", "mozilla/kitsune,  mozilla/sumo mozilla/kitsune"), problems);
    assertThat(problems).isEmpty();
    assertThat(cleaned).containsExactlyInAnyOrderEntriesOf(Map.of("location", "2015-01-01-15.json.gz",
        "repositories", "mozilla/kitsune,mozilla/sumo", "branches", "main,master"));

    assertThat(problems(source, "/etc/passwd", "mozilla/kitsune")).containsExactly(
        "location: '/etc/passwd' is an absolute path: give a file or folder relative to " + root);
    assertThat(problems(source, "../outside", "mozilla/kitsune")).containsExactly(
        "location: '../outside' leads out of " + root + ": give a file or folder under it");
    assertThat(problems(source, "2015/../../x", "mozilla/kitsune")).containsExactly(
        "location: '2015/../../x' leads out of " + root + ": give a file or folder under it");
    assertThat(problems(source, "x", "mozilla/kitsune")).containsExactly(
        "location: 'x' is not a file or folder under " + root + ": put GH Archive files (.json or .json.gz) there");
    assertThat(problems(source, "notes.txt", "mozilla/kitsune")).containsExactly(
        "location: 'notes.txt' is not a .json or .json.gz file: give a GH Archive file or a folder of them");
    assertThat(problems(source, "empty", "mozilla/kitsune")).containsExactly(
        "location: the folder 'empty' under " + root
            + " holds no .json or .json.gz files the app can read: put GH Archive files there");
    assertThat(problems(source, "", "")).containsExactly(
        "location: give a GH Archive file or folder under " + root + ", for example 2026-09 or 2026-09-01-15.json.gz",
        "repositories: give the repositories to follow as owner/name, for example mozilla/kitsune");
    assertThat(problems(source, "2015-01-01-15.json.gz", "kitsune")).containsExactly(
        "repositories: 'kitsune' is not owner/name: write it as in its GitHub address, for example mozilla/kitsune");
  }

  @Test
  void aMissingLocationFailsTheFetchWithAReadableMessage() {
    GhArchiveSource source = new GhArchiveSource(root);
    assertThatThrownBy(() -> source.fetch(request("gone", null, 10)))
        .isInstanceOfSatisfying(SourceFailure.class, f -> assertThat(f.reason()).isEqualTo(SourceFailure.Reason.NOT_FOUND))
        .hasMessage("The GH Archive location 'gone' of 'kitsune' is not a file or folder under " + root
            + ": put the files back, or change the source's location");
  }

  @Test
  void anUnreadableCursorStartsOverWithANote() throws IOException {
    write(root.resolve("h.json"), FIXTURE);
    SyncBatch batch = new GhArchiveSource(root).fetch(request("h.json", "{oops", 100));
    assertThat(batch.events()).containsExactlyElementsOf(EXPECTED);
    assertThat(batch.notes()).first().asString().startsWith("the cursor could not be read");
  }

  @Test
  void theKitsuneSampleHoldsWhatItsReadmeSays() {
    Path samples = Path.of("src/main/resources/demo/gharchive");
    GhArchiveSource source = new GhArchiveSource(samples);
    List<SourcedEvent> events = new ArrayList<>();
    String cursor = null;
    int batches = 0;
    SyncBatch batch;
    do {
      batch = source.fetch(request("kitsune-2026-09", cursor, 500, "mozilla/kitsune"));
      events.addAll(batch.events());
      assertThat(batch.notes()).isEmpty();
      cursor = batch.cursor();
      batches++;
    } while (batch.more());

    Map<String, Long> perKind = events.stream().collect(Collectors.groupingBy(SourcedEvent::kind, Collectors.counting()));
    assertThat(perKind).isEqualTo(KITSUNE_PER_KIND);
    assertThat(events).allSatisfy(e -> assertThat(e.occurredAt())
        .isBetween(Instant.parse("2026-09-01T00:00:00Z"), Instant.parse("2026-09-30T23:59:59Z")));

    Set<String> logins = new HashSet<>();
    Set<String> emails = new HashSet<>();
    for (SourcedEvent e : events) {
      for (Account a : e.accounts()) {
        (a.kind().equals("github") ? logins : emails).add(a.value());
      }
    }
    assertThat(logins).hasSize(27).contains("rosana-ortiz", "kiki-m").noneMatch(l -> l.endsWith("[bot]"));
    assertThat(contributors(events)).isEqualTo(28);
    assertThat(events).filteredOn(e -> e.author().value().equals("rosana@example.org"))
        .isNotEmpty().allSatisfy(e -> assertThat(e.accounts()).hasSize(1));
    assertThat(emails).filteredOn(m -> m.contains("noreply")).containsExactly("4711+kiki-m@users.noreply.github.com");
    assertThat(batches).isGreaterThan(1);

    SyncBatch all = source.fetch(request("kitsune-2026-09", null, Integer.MAX_VALUE, "mozilla/kitsune"));
    assertThat(all.events()).containsExactlyElementsOf(events);
  }

  /** People as the store would see them: accounts named together in one event are one person. */
  static int contributors(List<SourcedEvent> events) {
    Map<String, String> parent = new HashMap<>();
    for (SourcedEvent e : events) {
      String first = key(e.accounts().get(0));
      parent.putIfAbsent(first, first);
      for (Account a : e.accounts()) {
        parent.putIfAbsent(key(a), key(a));
        parent.put(find(parent, key(a)), find(parent, first));
      }
    }
    return (int) parent.keySet().stream().map(k -> find(parent, k)).distinct().count();
  }

  private static String find(Map<String, String> parent, String k) {
    String p = parent.get(k);
    return p.equals(k) ? k : find(parent, p);
  }

  private static String key(Account a) {
    return a.kind() + ":" + a.value().toLowerCase(java.util.Locale.ROOT);
  }

  private static List<String> problems(GhArchiveSource source, String location, String repositories) {
    List<String> problems = new ArrayList<>();
    source.check(Map.of("location", location, "repositories", repositories), problems);
    return problems;
  }

  static SyncRequest request(String location, String cursor, int maxEvents) {
    return request(location, cursor, maxEvents, "mozilla/kitsune");
  }

  static SyncRequest request(String location, String cursor, int maxEvents, String repositories) {
    return new SyncRequest(1, "kitsune", Map.of("location", location, "repositories", repositories,
        "branches", "main,master"), null, cursor, Instant.parse("2027-01-01T00:00:00Z"), maxEvents, Set.of());
  }

  static void write(Path file, List<String> lines) throws IOException {
    byte[] bytes = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    if (file.toString().endsWith(".gz")) {
      try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
        out.write(bytes);
      }
    } else {
      Files.write(file, bytes);
    }
  }

  private static String event(long id, String type, String login, String repo, String createdAt, String payload) {
    return "{\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"actor\":{\"id\":" + (1000 + login.length())
        + ",\"login\":\"" + login + "\",\"display_login\":\"" + login + "\",\"gravatar_id\":\"\",\"url\":"
        + "\"https://api.github.com/users/" + login + "\",\"avatar_url\":\"https://avatars.githubusercontent.com/u/"
        + (1000 + login.length()) + "?\"},\"repo\":" + repo + ",\"payload\":" + payload
        + ",\"public\":true,\"created_at\":\"" + createdAt + "\",\"org\":" + ORG + "}";
  }

  private static String commit(String sha, String email, String name, boolean distinct) {
    return "{\"sha\":\"" + sha + "\",\"author\":{\"email\":\"" + email + "\",\"name\":\"" + name + "\"},"
        + "\"message\":\"Fix " + sha + "\",\"distinct\":" + distinct + ",\"url\":"
        + "\"https://api.github.com/repos/mozilla/kitsune/commits/" + sha + "\"}";
  }

  private static Instant at(String time) {
    return Instant.parse("2015-01-01T" + time + "Z");
  }

  private static List<Account> gh(String login) {
    return List.of(Account.github(login));
  }
}
