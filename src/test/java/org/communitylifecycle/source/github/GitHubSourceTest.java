package org.communitylifecycle.source.github;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.communitylifecycle.contributor.SourcedEvent;
import org.communitylifecycle.contributor.SourcedEvent.Account;
import org.communitylifecycle.source.SourceFailure;
import org.communitylifecycle.source.SyncBatch;
import org.communitylifecycle.source.SyncRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The GitHub kind against recorded REST API answers (mozilla/kitsune-like) served by WireMock: what
 * it counts as contributions, how it pages, asks again with ETags, and what a liaison reads when
 * GitHub refuses.
 */
class GitHubSourceTest {

  @RegisterExtension
  static WireMockExtension github = WireMockExtension.newInstance()
      .options(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort())
      .build();

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TOKEN = "ghp_s3cretT0kenThatMustNeverShow";
  private static final Instant NOW = Instant.parse("2024-05-01T10:00:00Z");
  private static final String REPO = "/repos/mozilla/kitsune";

  private final GitHubSource source = new GitHubSource();

  @Test
  void readsEveryContributionKindAcrossTwoPagesLeavingBotsOut() {
    stubKitsune();

    SyncBatch first = source.fetch(request(Map.of("repositories", "mozilla/kitsune"), null));

    assertThat(first.events()).containsExactly(
        event("2024-04-29T08:15:02Z", "issue", "https://github.com/mozilla/kitsune/issues/6101", gh("akatsoulas")),
        event("2024-04-30T10:20:00Z", "pull-request", "https://github.com/mozilla/kitsune/pull/6102", gh("escattone")),
        event("2024-05-01T07:45:09Z", "merge", "https://github.com/mozilla/kitsune/pull/6102", gh("escattone")),
        event("2024-04-30T09:00:00Z", "comment",
            "https://github.com/mozilla/kitsune/issues/6101#issuecomment-2087000002", gh("escattone")),
        event("2024-04-30T15:02:11Z", "comment",
            "https://github.com/mozilla/kitsune/pull/6102#discussion_r1585000001", gh("akatsoulas")),
        event("2024-04-30T14:10:00Z", "commit",
            "https://github.com/mozilla/kitsune/commit/8f2c1e0a9b7d6c5e4f3a2b1c0d9e8f7a6b5c4d3e",
            gh("escattone"), Account.email("rjohnson@mozilla.com", "Ryan Johnson")),
        event("2024-04-28T19:00:00Z", "commit",
            "https://github.com/mozilla/kitsune/commit/1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d",
            Account.email("jo@example.org", "Jo Translator")),
        event("2024-04-30T15:05:00Z", "review",
            "https://github.com/mozilla/kitsune/pull/6102#pullrequestreview-2030000001", gh("akatsoulas")));
    assertThat(first.more()).isTrue();
    assertThat(first.settings()).isNull();
    assertThat(first.notes()).isEmpty();
    assertThat(streams(first.cursor())).isEqualTo(Map.of(
        "issues", Map.of("next", github.baseUrl() + REPO + "/issues?state=all&sort=updated&direction=asc&per_page=100"
            + "&page=2", "readMax", "2024-05-01T08:00:00Z"),
        "issue-comments", Map.of("since", "2024-04-30T09:00:00Z"),
        "pull-comments", Map.of("since", "2024-04-30T15:02:11Z"),
        "commits", Map.of("since", "2024-05-01T07:45:09Z")));
    github.verify(getRequestedFor(urlPathEqualTo(REPO + "/issues"))
        .withHeader("Authorization", equalTo("Bearer " + TOKEN))
        .withHeader("Accept", equalTo("application/vnd.github+json")));

    SyncBatch second = source.fetch(request(Map.of("repositories", "mozilla/kitsune"), first.cursor()));

    // since is inclusive at GitHub: the newest comments and commit come again, the store adds them once
    assertThat(second.events()).containsExactly(
        event("2024-05-01T11:30:00Z", "issue", "https://github.com/mozilla/kitsune/issues/6103", gh("smithellis")),
        event("2024-04-30T09:00:00Z", "comment",
            "https://github.com/mozilla/kitsune/issues/6101#issuecomment-2087000002", gh("escattone")),
        event("2024-04-30T15:02:11Z", "comment",
            "https://github.com/mozilla/kitsune/pull/6102#discussion_r1585000001", gh("akatsoulas")),
        event("2024-04-30T14:10:00Z", "commit",
            "https://github.com/mozilla/kitsune/commit/8f2c1e0a9b7d6c5e4f3a2b1c0d9e8f7a6b5c4d3e",
            gh("escattone"), Account.email("rjohnson@mozilla.com", "Ryan Johnson")));
    assertThat(second.more()).isFalse();
    String since = "&since=";
    assertThat(streams(second.cursor())).isEqualTo(Map.of(
        "issues", Map.of("since", "2024-05-01T11:30:00Z"),
        "issue-comments", Map.of("since", "2024-04-30T09:00:00Z", "etag", "W/\"issue-comments-since\"",
            "etagUrl", github.baseUrl() + REPO + "/issues/comments?sort=updated&direction=asc&per_page=100"
                + since + "2024-04-30T09:00:00Z"),
        "pull-comments", Map.of("since", "2024-04-30T15:02:11Z", "etag", "W/\"pull-comments-since\"",
            "etagUrl", github.baseUrl() + REPO + "/pulls/comments?sort=updated&direction=asc&per_page=100"
                + since + "2024-04-30T15:02:11Z"),
        "commits", Map.of("since", "2024-05-01T07:45:09Z", "etag", "W/\"commits-since\"",
            "etagUrl", github.baseUrl() + REPO + "/commits?per_page=100" + since + "2024-05-01T07:45:09Z")));

    SyncBatch third = source.fetch(request(Map.of("repositories", "mozilla/kitsune"), second.cursor()));

    assertThat(third.events()).containsExactly(
        event("2024-05-01T11:30:00Z", "issue", "https://github.com/mozilla/kitsune/issues/6103", gh("smithellis")));
    github.verify(getRequestedFor(urlPathEqualTo(REPO + "/commits"))
        .withHeader("If-None-Match", equalTo("W/\"commits-since\"")));
  }

  @Test
  void aSecondFetchSendsTheETagAndA304BringsNothingAndKeepsTheCursor() {
    for (String stream : List.of("/issues", "/issues/comments", "/pulls/comments", "/commits")) {
      String etag = "\"quiet" + stream.replace('/', '-') + "\"";
      github.stubFor(get(urlPathEqualTo("/repos/mozilla/sumo-l10n" + stream)).atPriority(1)
          .withHeader("If-None-Match", equalTo(etag))
          .willReturn(aResponse().withStatus(304).withHeader("ETag", etag)));
      github.stubFor(get(urlPathEqualTo("/repos/mozilla/sumo-l10n" + stream)).atPriority(5)
          .willReturn(json("[]").withHeader("ETag", etag)));
    }
    Map<String, String> settings = Map.of("repositories", "mozilla/sumo-l10n");
    SyncBatch first = source.fetch(request(settings, null));
    assertThat(first.events()).isEmpty();

    SyncBatch second = source.fetch(request(settings, first.cursor()));

    assertThat(second.events()).isEmpty();
    assertThat(second.more()).isFalse();
    assertThat(second.cursor()).isEqualTo(first.cursor());
    github.verify(getRequestedFor(urlPathEqualTo("/repos/mozilla/sumo-l10n/issues"))
        .withHeader("If-None-Match", equalTo("\"quiet-issues\"")));
    github.verify(getRequestedFor(urlPathEqualTo("/repos/mozilla/sumo-l10n/commits"))
        .withHeader("If-None-Match", equalTo("\"quiet-commits\"")));
  }

  @Test
  void aUsedUpRateLimitSaysUntilWhenAndRetriesThen() {
    github.stubFor(get(urlPathEqualTo(REPO + "/issues")).willReturn(json(file("rate-limited.json")).withStatus(403)
        .withHeader("X-RateLimit-Limit", "5000").withHeader("X-RateLimit-Remaining", "0")
        .withHeader("X-RateLimit-Used", "5000").withHeader("X-RateLimit-Reset", "1714564800")));

    SourceFailure failure = fail(Map.of("repositories", "mozilla/kitsune"));

    assertThat(failure.reason()).isEqualTo(SourceFailure.Reason.RATE_LIMITED);
    assertThat(failure.retryAt()).isEqualTo(Instant.parse("2024-05-01T12:00:00Z"));
    assertThat(failure.getMessage()).isEqualTo("GitHub rate limit of 'sumo-github' is used up until 12:00 UTC");
  }

  @Test
  void aSecondaryRateLimitWaitsForRetryAfter() {
    github.stubFor(get(urlPathEqualTo(REPO + "/issues")).willReturn(json(file("secondary-rate-limit.json"))
        .withStatus(403).withHeader("Retry-After", "120").withHeader("X-RateLimit-Remaining", "4711")));

    SourceFailure failure = fail(Map.of("repositories", "mozilla/kitsune"));

    assertThat(failure.reason()).isEqualTo(SourceFailure.Reason.RATE_LIMITED);
    assertThat(failure.retryAt()).isEqualTo(NOW.plusSeconds(120));
    assertThat(failure.getMessage())
        .isEqualTo("GitHub's secondary rate limit stops 'sumo-github' until 10:02 UTC (too many requests in a short time)");
  }

  @Test
  void aRefusedTokenIsABadCredentialAndTheMessageNeverShowsIt() {
    github.stubFor(get(urlPathEqualTo(REPO + "/issues")).willReturn(json(file("bad-credentials.json")).withStatus(401)));

    SourceFailure failure = fail(Map.of("repositories", "mozilla/kitsune"));

    assertThat(failure.reason()).isEqualTo(SourceFailure.Reason.BAD_CREDENTIAL);
    assertThat(failure.getMessage())
        .isEqualTo("GitHub refused the token of 'sumo-github' (401 Bad credentials): replace the token of the source")
        .doesNotContain(TOKEN);
  }

  @Test
  void aMissingRepositoryIsNotFoundAndNamesIt() {
    github.stubFor(get(urlPathEqualTo("/repos/mozilla/kitsune-gone/issues"))
        .willReturn(json(file("not-found.json")).withStatus(404)));

    SourceFailure failure = fail(Map.of("repositories", "mozilla/kitsune-gone"));

    assertThat(failure.reason()).isEqualTo(SourceFailure.Reason.NOT_FOUND);
    assertThat(failure.getMessage()).isEqualTo("GitHub has no repository 'mozilla/kitsune-gone' (404); it was deleted"
        + " or made private: correct the repositories of 'sumo-github'");
  }

  @Test
  void aServerErrorIsUnavailable() {
    github.stubFor(get(urlPathEqualTo(REPO + "/issues")).willReturn(aResponse().withStatus(502)));

    SourceFailure failure = fail(Map.of("repositories", "mozilla/kitsune"));

    assertThat(failure.reason()).isEqualTo(SourceFailure.Reason.UNAVAILABLE);
    assertThat(failure.getMessage()).isEqualTo("GitHub answered 502 to 'sumo-github' for repository 'mozilla/kitsune';"
        + " it has trouble, the sync tries again later");
  }

  @Test
  void aRenamedRepositoryIsFollowedAndTheSettingsTakeTheNewName() {
    String old = "/repos/mozilla/kitsune-old";
    github.stubFor(get(urlPathEqualTo(old + "/issues")).willReturn(aResponse().withStatus(301)
        .withHeader("Location", github.baseUrl() + "/repositories/1234567/issues?state=all&sort=updated&direction=asc"
            + "&per_page=100")
        .withBody("{\"message\":\"Moved Permanently\",\"url\":\"" + github.baseUrl() + "/repositories/1234567/issues\"}")));
    github.stubFor(get(urlPathEqualTo("/repositories/1234567/issues"))
        .willReturn(json(file("issues-page2.json"))));
    github.stubFor(get(urlPathEqualTo("/repositories/1234567")).willReturn(json(file("repository-1234567.json"))));
    for (String stream : List.of("/issues/comments", "/pulls/comments", "/commits")) {
      github.stubFor(get(urlPathEqualTo(REPO + stream)).willReturn(json("[]")));
    }
    for (String stream : List.of("/issues", "/issues/comments", "/pulls/comments", "/commits")) {
      github.stubFor(get(urlPathEqualTo("/repos/mozilla/sumo-l10n" + stream)).willReturn(json("[]")));
    }

    SyncBatch batch = source.fetch(request(Map.of("repositories", "mozilla/kitsune-old, mozilla/sumo-l10n"), null));

    assertThat(batch.events()).containsExactly(
        event("2024-05-01T11:30:00Z", "issue", "https://github.com/mozilla/kitsune/issues/6103", gh("smithellis")));
    assertThat(batch.settings()).containsEntry("repositories", "mozilla/kitsune, mozilla/sumo-l10n");
    assertThat(batch.notes())
        .containsExactly("Repository 'mozilla/kitsune-old' is now 'mozilla/kitsune'; the source follows the new name");
    assertThat(cursor(batch.cursor()).path("repositories").has("mozilla/kitsune")).isTrue();
    assertThat(cursor(batch.cursor()).path("repositories").has("mozilla/kitsune-old")).isFalse();
    github.verify(getRequestedFor(urlPathEqualTo("/repositories/1234567/issues"))
        .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
    github.verify(0, getRequestedFor(urlPathEqualTo(old + "/commits")));
  }

  @Test
  void checkCleansTheSettingsAndNamesEachProblem() {
    List<String> problems = new ArrayList<>();
    Map<String, String> checked = source.check(Map.of("repositories",
        " mozilla/kitsune,\nhttps://github.com/mozilla/sumo-l10n.git  mozilla/kitsune foo ", "apiUrl", " "), problems);

    assertThat(problems).containsExactly("repositories: 'foo' is not owner/name, for example mozilla/kitsune");
    assertThat(checked).isEqualTo(Map.of("repositories", "mozilla/kitsune, mozilla/sumo-l10n",
        "apiUrl", "https://api.github.com"));

    problems.clear();
    source.check(Map.of("apiUrl", "ftp://api.github.com", "organisation", "mozilla corp"), problems);
    assertThat(problems).containsExactly(
        "organisation: 'mozilla corp' is not a GitHub organisation login, for example mozilla",
        "apiUrl: 'ftp://api.github.com' is not an http(s) address; leave it empty for https://api.github.com"
            + " or give your GitHub Enterprise API, for example https://github.example.org/api/v3");

    problems.clear();
    source.check(Map.of(), problems);
    assertThat(problems).containsExactly("repositories: give the repositories to follow as owner/name"
        + " (for example mozilla/kitsune), or an organisation whose repositories to follow");
  }

  private void stubKitsune() {
    String page2 = github.baseUrl() + REPO + "/issues?state=all&sort=updated&direction=asc&per_page=100&page=2";
    github.stubFor(get(urlPathEqualTo(REPO + "/issues")).atPriority(5)
        .willReturn(json(file("issues-page1.json")).withHeader("ETag", "W/\"issues-1\"")
            .withHeader("Link", "<" + page2 + ">; rel=\"next\", <" + page2 + ">; rel=\"last\"")));
    github.stubFor(get(urlPathEqualTo(REPO + "/issues")).atPriority(1).withQueryParam("page", equalTo("2"))
        .willReturn(json(file("issues-page2.json")).withHeader("ETag", "W/\"issues-2\"")
            .withHeader("Link", "<" + page2.replace("page=2", "page=1") + ">; rel=\"prev\"")));
    github.stubFor(get(urlPathEqualTo(REPO + "/issues")).atPriority(1)
        .withQueryParam("since", equalTo("2024-05-01T11:30:00Z"))
        .willReturn(json(file("issues-page2.json")).withHeader("ETag", "W/\"issues-since\"")));
    stubStream("/issues/comments", "issue-comments", "2024-04-30T09:00:00Z", 1);
    stubStream("/pulls/comments", "pull-comments", "2024-04-30T15:02:11Z", 0);
    stubStream("/commits", "commits", "2024-05-01T07:45:09Z", 0);
    github.stubFor(get(urlPathEqualTo(REPO + "/pulls/6102/reviews")).willReturn(json(file("reviews-6102.json"))));
  }

  /** A stream answering all of its file, and with {@code since} only its item {@code newest} (since is inclusive). */
  private void stubStream(String path, String name, String since, int newest) {
    String etag = "W/\"" + name + "-since\"";
    github.stubFor(get(urlPathEqualTo(REPO + path)).atPriority(5).withQueryParam("since", absent())
        .willReturn(json(file(name + ".json")).withHeader("ETag", "W/\"" + name + "\"")));
    github.stubFor(get(urlPathEqualTo(REPO + path)).atPriority(3).withQueryParam("since", equalTo(since))
        .willReturn(json("[" + cursor(file(name + ".json")).get(newest) + "]").withHeader("ETag", etag)));
    github.stubFor(get(urlPathEqualTo(REPO + path)).atPriority(1).withQueryParam("since", equalTo(since))
        .withHeader("If-None-Match", equalTo(etag)).willReturn(aResponse().withStatus(304).withHeader("ETag", etag)));
  }

  private SourceFailure fail(Map<String, String> settings) {
    SourceFailure failure = catchThrowableOfType(SourceFailure.class, () -> source.fetch(request(settings, null)));
    assertThat(failure).isNotNull();
    assertThat(failure.getMessage()).doesNotContain(TOKEN);
    return failure;
  }

  private SyncRequest request(Map<String, String> settings, String cursor) {
    Map<String, String> withApi = new LinkedHashMap<>(settings);
    withApi.put("apiUrl", github.baseUrl());
    return new SyncRequest(7, "sumo-github", source.check(withApi, new ArrayList<>()), TOKEN, cursor, NOW,
        100, Set.of("sumo-bot"));
  }

  /** The streams of mozilla/kitsune in a cursor. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> streams(String cursor) {
    return JSON.convertValue(cursor(cursor).path("repositories").path("mozilla/kitsune"), Map.class);
  }

  private static JsonNode cursor(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
    return aResponse().withStatus(200).withHeader("Content-Type", "application/json; charset=utf-8").withBody(body);
  }

  static String file(String name) {
    try (InputStream in = GitHubSourceTest.class.getResourceAsStream("/sources/github/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Account gh(String login) {
    return Account.github(login);
  }

  private static SourcedEvent event(String when, String kind, String reference, Account... accounts) {
    return new SourcedEvent(Instant.parse(when), kind, reference, List.of(accounts));
  }
}
