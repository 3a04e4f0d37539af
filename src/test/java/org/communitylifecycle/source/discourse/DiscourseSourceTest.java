package org.communitylifecycle.source.discourse;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
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
 * The Discourse kind against recorded answers of a SUMO-like category served by WireMock: topics and
 * replies across listing pages, nothing twice on the next scan, and what a liaison reads on refusals.
 */
class DiscourseSourceTest {

  @RegisterExtension
  static WireMockExtension discourse = WireMockExtension.newInstance()
      .options(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort())
      .build();

  private static final String KEY = "d1sc0urse-api-key-never-shown";
  private static final Instant NOW = Instant.parse("2024-05-01T10:00:00Z");

  private final DiscourseSource source = new DiscourseSource();

  @Test
  void readsTopicsAndRepliesAcrossPagesThenNothingNewOnTheNextScan() {
    discourse.stubFor(get(urlPathEqualTo("/c/sumo.json")).withQueryParam("page", absent())
        .willReturn(json(file("category-page0.json"))));
    discourse.stubFor(get(urlPathEqualTo("/c/sumo.json")).withQueryParam("page", equalTo("1"))
        .willReturn(json(file("category-page1.json"))));
    for (String topic : List.of("50", "100", "101")) {
      discourse.stubFor(get(urlPathEqualTo("/t/" + topic + ".json")).willReturn(json(file("topic-" + topic + ".json"))));
    }
    discourse.stubFor(get(urlPathEqualTo("/t/101/posts.json")).withQueryParam("post_ids[]", equalTo("1004"))
        .willReturn(json(file("topic-101-posts.json"))));
    String site = discourse.baseUrl();

    SyncBatch first = source.fetch(request(null));

    assertThat(first.events()).containsExactly(
        event("2024-04-29T08:00:00Z", "topic", site + "/t/localizing-the-new-aaq-flow/101", "jdoe", "Jane Doe"),
        event("2024-04-30T12:30:00Z", "post", site + "/t/localizing-the-new-aaq-flow/101/2", "mkohler", "Michael Kohler"),
        event("2024-05-01T09:00:00Z", "post", site + "/t/localizing-the-new-aaq-flow/101/4", "fiji", null));
    assertThat(first.more()).isTrue();
    assertThat(first.cursor()).isEqualTo("{\"categories\":{\"sumo\":{\"page\":1,\"scanMax\":\"2024-05-01T09:00:00.000Z\","
        + "\"topics\":{\"101\":1004,\"50\":500}}}}");
    discourse.verify(getRequestedFor(urlPathEqualTo("/c/sumo.json"))
        .withHeader("Api-Key", equalTo(KEY)).withHeader("Api-Username", equalTo("system")));

    SyncBatch second = source.fetch(request(first.cursor()));

    assertThat(second.events()).containsExactly(
        event("2024-04-25T16:00:00Z", "topic", site + "/t/contributor-call-notes-april-2024/100", "mkohler",
            "Michael Kohler"),
        event("2024-04-26T07:15:00Z", "post", site + "/t/contributor-call-notes-april-2024/100/2", "jdoe", "Jane Doe"));
    assertThat(second.more()).isFalse();
    assertThat(second.cursor()).isEqualTo("{\"categories\":{\"sumo\":{\"bumpedAt\":\"2024-05-01T09:00:00.000Z\","
        + "\"topics\":{\"100\":992,\"101\":1004,\"50\":500}}}}");

    SyncBatch third = source.fetch(request(second.cursor()));

    assertThat(third.events()).isEmpty();
    assertThat(third.more()).isFalse();
    assertThat(third.cursor()).isEqualTo(second.cursor());
    discourse.verify(1, getRequestedFor(urlPathEqualTo("/t/101.json")));
    discourse.verify(1, getRequestedFor(urlPathEqualTo("/t/100.json")));
    discourse.verify(1, getRequestedFor(urlPathEqualTo("/c/sumo.json")).withQueryParam("page", equalTo("1")));
  }

  @Test
  void aRefusedKeyIsABadCredentialAndTheMessageNeverShowsIt() {
    discourse.stubFor(get(urlPathEqualTo("/c/sumo.json")).willReturn(json(file("not-logged-in.json")).withStatus(403)));

    SourceFailure failure = fail();

    assertThat(failure.reason()).isEqualTo(SourceFailure.Reason.BAD_CREDENTIAL);
    assertThat(failure.getMessage()).isEqualTo("Discourse site " + discourse.baseUrl() + " refused the API key of"
        + " 'sumo-discourse' (403) for category 'sumo': replace the key of the source, or check that it may act as user"
        + " 'system'");
  }

  @Test
  void anUnauthorisedAnswerIsABadCredentialToo() {
    discourse.stubFor(get(urlPathEqualTo("/c/sumo.json")).willReturn(json(file("not-logged-in.json")).withStatus(401)));

    SourceFailure failure = fail();

    assertThat(failure.reason()).isEqualTo(SourceFailure.Reason.BAD_CREDENTIAL);
    assertThat(failure.getMessage()).contains("refused the API key of 'sumo-discourse' (401)");
  }

  @Test
  void aMissingCategoryIsNotFound() {
    discourse.stubFor(get(urlPathEqualTo("/c/sumo.json")).willReturn(json(file("not-found.json")).withStatus(404)));

    SourceFailure failure = fail();

    assertThat(failure.reason()).isEqualTo(SourceFailure.Reason.NOT_FOUND);
    assertThat(failure.getMessage()).isEqualTo("Discourse site " + discourse.baseUrl() + " has no category 'sumo'"
        + " (404); it was deleted, renamed or made private: correct the categories of 'sumo-discourse'");
  }

  @Test
  void tooManyRequestsWaitsForRetryAfter() {
    discourse.stubFor(get(urlPathEqualTo("/c/sumo.json"))
        .willReturn(json(file("rate-limited.json")).withStatus(429).withHeader("Retry-After", "42")));

    SourceFailure failure = fail();

    assertThat(failure.reason()).isEqualTo(SourceFailure.Reason.RATE_LIMITED);
    assertThat(failure.retryAt()).isEqualTo(NOW.plusSeconds(42));
    assertThat(failure.getMessage()).isEqualTo("Discourse rate limit of 'sumo-discourse' is used up until 10:00 UTC");
  }

  @Test
  void checkCleansTheSettingsAndNamesEachProblem() {
    List<String> problems = new ArrayList<>();
    Map<String, String> checked = source.check(Map.of("siteUrl", " https://discourse.mozilla.org/ ",
        "categories", "sumo,  5\nMozilla-Support/l10n"), problems);

    assertThat(problems).isEmpty();
    assertThat(checked).isEqualTo(Map.of("siteUrl", "https://discourse.mozilla.org",
        "categories", "sumo, 5, mozilla-support/l10n"));

    problems.clear();
    source.check(Map.of("siteUrl", "discourse.mozilla.org", "categories", "sumo?", "apiUsername", "jane doe!"), problems);
    assertThat(problems).containsExactly(
        "siteUrl: 'discourse.mozilla.org' is not an http(s) address, for example https://discourse.mozilla.org",
        "categories: 'sumo?' is not a category slug or id, for example sumo or 5",
        "apiUsername: 'jane doe!' is not a Discourse username; leave it empty for system or give the user the API key"
            + " belongs to");

    problems.clear();
    source.check(Map.of(), problems);
    assertThat(problems).containsExactly(
        "siteUrl: give the address of the Discourse site, for example https://discourse.mozilla.org",
        "categories: give the categories to follow as slugs or ids, comma separated, for example sumo, 5");
  }

  private SourceFailure fail() {
    SourceFailure failure = catchThrowableOfType(SourceFailure.class, () -> source.fetch(request(null)));
    assertThat(failure).isNotNull();
    assertThat(failure.getMessage()).doesNotContain(KEY);
    return failure;
  }

  private SyncRequest request(String cursor) {
    Map<String, String> settings = source.check(Map.of("siteUrl", discourse.baseUrl(), "categories", "sumo"),
        new ArrayList<>());
    return new SyncRequest(8, "sumo-discourse", settings, KEY, cursor, NOW, 100, Set.of("sumo-bot"));
  }

  private static ResponseDefinitionBuilder json(String body) {
    return aResponse().withStatus(200).withHeader("Content-Type", "application/json; charset=utf-8").withBody(body);
  }

  private static String file(String name) {
    try (InputStream in = DiscourseSourceTest.class.getResourceAsStream("/sources/discourse/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static SourcedEvent event(String when, String kind, String reference, String username, String name) {
    return new SourcedEvent(Instant.parse(when), kind, reference, List.of(Account.discourse(username, name)));
  }
}
