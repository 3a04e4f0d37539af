package org.communitylifecycle.source.github;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.communitylifecycle.contributor.SourcedEvent;
import org.communitylifecycle.contributor.SourcedEvent.Account;
import org.communitylifecycle.source.SourceFailure;
import org.communitylifecycle.source.SourceFailure.Reason;
import org.communitylifecycle.source.SourceKind;
import org.communitylifecycle.source.SyncBatch;
import org.communitylifecycle.source.SyncRequest;
import org.communitylifecycle.source.github.GitHubCursor.StreamState;
import org.communitylifecycle.source.http.SourceHttp;
import org.communitylifecycle.source.http.SourceHttp.Answer;
import org.springframework.stereotype.Component;

/**
 * Contributions to GitHub repositories, read from the REST API (v3).
 *
 * <p>Each followed repository is read as four streams, each asked only for what changed since its
 * last read ({@code since}) and followed page by page through {@code Link rel="next"}:
 * <ul>
 *   <li>{@code /repos/{o}/{r}/issues?state=all&sort=updated&direction=asc}: an issue is an {@code issue},
 *       a pull request a {@code pull-request}, both dated created_at; a merged pull request is also a
 *       {@code merge} credited to its author, dated merged_at. The reviews of the pull requests seen in
 *       the batch (at most {@value #MAX_REVIEWED_PULLS}) are read from {@code /pulls/{n}/reviews}: each
 *       submitted one is a {@code review}.</li>
 *   <li>{@code /repos/{o}/{r}/issues/comments} and {@code /repos/{o}/{r}/pulls/comments}: each is a
 *       {@code comment}, dated created_at.</li>
 *   <li>{@code /repos/{o}/{r}/commits} (the default branch): each is a {@code commit}, dated by its
 *       author date and credited to the GitHub login with the commit's email beside it, so that the
 *       two are known to be one person.</li>
 * </ul>
 *
 * <p>One batch reads one page of each stream of each repository, and stops early once it holds
 * {@link SyncRequest#maxEvents()} events. {@code since} is inclusive at GitHub, so a repeated read
 * gives the newest item again (the store adds nothing twice); when a read leaves {@code since}
 * where it was, its ETag is kept and sent as {@code If-None-Match} next time, and GitHub's 304 (which
 * does not count against the rate limit) means nothing new. An organisation's repositories (not
 * archived, not forks) are listed once a day. A renamed repository answers 301 to
 * {@code /repositories/{id}}: the read goes on there, and the batch brings the settings with the new
 * name.
 */
@Component
public class GitHubSource implements SourceKind {

  static final int MAX_REVIEWED_PULLS = 20;

  private static final int MAX_REFERENCE = 200;
  private static final int MAX_ORGANISATION_PAGES = 20;
  private static final Duration ORGANISATION_LISTING_AGE = Duration.ofDays(1);
  private static final Pattern REPOSITORY_ID = Pattern.compile("/repositories/(\\d+)(?:/|$)");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The streams read per repository, in the order they are read. */
  enum Stream {
    ISSUES("issues", "/issues?state=all&sort=updated&direction=asc&per_page=100"),
    ISSUE_COMMENTS("issue-comments", "/issues/comments?sort=updated&direction=asc&per_page=100"),
    PULL_COMMENTS("pull-comments", "/pulls/comments?sort=updated&direction=asc&per_page=100"),
    COMMITS("commits", "/commits?per_page=100");

    final String key;
    final String path;

    Stream(String key, String path) {
      this.key = key;
      this.path = path;
    }
  }

  private final SourceHttp http;

  public GitHubSource() {
    this.http = new SourceHttp(Duration.ofSeconds(10), Duration.ofSeconds(20));
  }

  @Override
  public String id() {
    return "github";
  }

  @Override
  public String label() {
    return "GitHub";
  }

  @Override
  public CredentialUse credentialUse() {
    return CredentialUse.OPTIONAL;
  }

  @Override
  public Map<String, String> check(Map<String, String> settings, List<String> problems) {
    return GitHubSettings.read(settings, problems).toMap();
  }

  @Override
  public SyncBatch fetch(SyncRequest request) {
    List<String> problems = new ArrayList<>();
    GitHubSettings settings = GitHubSettings.read(request.settings(), problems);
    if (!problems.isEmpty()) {
      throw new SourceFailure(Reason.UNAVAILABLE, "The settings of '" + request.sourceName() + "' are wrong: "
          + String.join("; ", problems));
    }
    Read read = new Read(request, settings, readCursor(request.cursor()));
    return read.run();
  }

  /** One fetch: the working state of a batch. */
  private final class Read {

    private final SyncRequest request;
    private final Map<String, Map<String, StreamState>> state;
    private final List<SourcedEvent> events = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private GitHubSettings settings;
    private boolean settingsChanged;
    private boolean more;
    private String organisation;
    private List<String> organisationRepositories;
    private String organisationListedAt;

    Read(SyncRequest request, GitHubSettings settings, GitHubCursor cursor) {
      this.request = request;
      this.settings = settings;
      this.state = new TreeMap<>();
      if (cursor.repositories() != null) {
        cursor.repositories().forEach((repository, streams) -> state.put(repository, new TreeMap<>(streams)));
      }
      this.organisation = cursor.organisation();
      this.organisationRepositories = cursor.organisationRepositories();
      this.organisationListedAt = cursor.organisationListedAt();
    }

    SyncBatch run() {
      List<String> repositories = new ArrayList<>(settings.repositories());
      if (settings.organisation() != null) {
        for (String repository : organisationRepositories()) {
          if (repositories.stream().noneMatch(repository::equalsIgnoreCase)) {
            repositories.add(repository);
          }
        }
      }
      repositories:
      for (int i = 0; i < repositories.size(); i++) {
        Set<Integer> pulls = new LinkedHashSet<>();
        for (Stream stream : Stream.values()) {
          if (events.size() >= request.maxEvents()) {
            more = true;
            break repositories;
          }
          String repository = repositories.get(i);
          String current = readStream(repository, stream, pulls);
          repositories.set(i, current);
        }
        readReviews(repositories.get(i), pulls);
      }
      state.keySet().removeIf(repository -> repositories.stream().noneMatch(repository::equals));
      GitHubCursor cursor = new GitHubCursor(state, organisation, organisationRepositories, organisationListedAt);
      return new SyncBatch(events, writeCursor(cursor), more, settingsChanged ? settings.toMap() : null, notes);
    }

    /** Reads one page of a stream; returns the repository's name, which is new when it was renamed. */
    private String readStream(String repository, Stream stream, Set<Integer> pulls) {
      Map<String, StreamState> streams = state.computeIfAbsent(repository, r -> new TreeMap<>());
      StreamState before = streams.getOrDefault(stream.key, StreamState.START);
      String url = before.next() != null ? before.next() : firstPage(repository, stream, before.since());
      Map<String, String> headers = headers();
      if (before.next() == null && url.equals(before.etagUrl()) && before.etag() != null) {
        headers.put("If-None-Match", before.etag());
      }
      Answer answer = get(URI.create(url), headers, "repository '" + repository + "'");
      if (answer.status() == 304) {
        return repository;
      }
      if (answer.status() == 409 && stream == Stream.COMMITS) {
        return repository; // an empty repository has no commits to list
      }
      if (answer.status() != 200) {
        throw failure(answer, "repository '" + repository + "'",
            "GitHub has no repository '" + repository + "' (404); it was deleted or made private: correct the "
                + (settings.organisation() != null && !settings.repositories().contains(repository) ? "organisation"
                : "repositories") + " of '" + request.sourceName() + "'");
      }
      String name = repository;
      if (answer.redirected()) {
        name = followRename(repository, answer.uri());
        streams = state.get(name);
      }
      String readMax = before.readMax();
      for (JsonNode item : array(answer, "repository '" + name + "'")) {
        String stamp = stamp(stream, item);
        if (isAfter(stamp, readMax)) {
          readMax = stamp;
        }
        addEvents(stream, item, pulls);
      }
      Optional<URI> next = answer.nextLink();
      if (next.isPresent()) {
        more = true;
        streams.put(stream.key, new StreamState(before.since(), next.get().toString(), readMax, null, null));
      } else {
        String since = before.since();
        if (isAfter(readMax, since)) {
          since = readMax;
        }
        boolean sameAddress = before.next() == null && Objects.equals(since, before.since()) && !answer.redirected();
        String etag = sameAddress ? answer.header("ETag").orElse(null) : null;
        streams.put(stream.key, new StreamState(since, null, null, etag, etag == null ? null : url));
      }
      return name;
    }

    private String firstPage(String repository, Stream stream, String since) {
      String url = settings.apiUrl() + "/repos/" + repository + stream.path;
      return since == null ? url : url + "&since=" + since;
    }

    private void addEvents(Stream stream, JsonNode item, Set<Integer> pulls) {
      String url = text(item, "html_url");
      switch (stream) {
        case ISSUES -> {
          String login = login(item.path("user"));
          if (login == null || url == null) {
            return;
          }
          JsonNode pull = item.get("pull_request");
          if (pull == null || pull.isNull()) {
            add(instant(item, "created_at"), "issue", url, List.of(Account.github(login)));
            return;
          }
          if (item.hasNonNull("number")) {
            pulls.add(item.get("number").asInt());
          }
          add(instant(item, "created_at"), "pull-request", url, List.of(Account.github(login)));
          add(instant(pull, "merged_at"), "merge", url, List.of(Account.github(login)));
        }
        case ISSUE_COMMENTS, PULL_COMMENTS -> {
          String login = login(item.path("user"));
          if (login != null && url != null) {
            add(instant(item, "created_at"), "comment", url, List.of(Account.github(login)));
          }
        }
        case COMMITS -> {
          JsonNode author = item.path("commit").path("author");
          String email = text(author, "email");
          String name = text(author, "name");
          JsonNode user = item.get("author");
          String login = user == null || user.isNull() ? null : text(user, "login");
          if (request.isBot(login) || request.isBot(name) || (login != null && login(user) == null) || url == null) {
            return;
          }
          List<Account> accounts = new ArrayList<>();
          if (login != null) {
            accounts.add(Account.github(login));
          }
          if (email != null && !email.isBlank()) {
            accounts.add(Account.email(email, name));
          }
          if (!accounts.isEmpty()) {
            add(instant(author, "date"), "commit", url, accounts);
          }
        }
        default -> throw new IllegalStateException("No events for " + stream);
      }
    }

    private void readReviews(String repository, Set<Integer> pulls) {
      pulls.stream().limit(MAX_REVIEWED_PULLS).forEach(number -> {
        String what = "the reviews of pull request " + number + " of '" + repository + "'";
        Answer answer = get(URI.create(settings.apiUrl() + "/repos/" + repository + "/pulls/" + number
            + "/reviews?per_page=100"), headers(), what);
        if (answer.status() == 404) {
          return;
        }
        if (answer.status() != 200) {
          throw failure(answer, what, null);
        }
        for (JsonNode review : array(answer, what)) {
          String login = login(review.path("user"));
          String url = text(review, "html_url");
          if (login != null && url != null) {
            add(instant(review, "submitted_at"), "review", url, List.of(Account.github(login)));
          }
        }
      });
    }

    /** Finds a renamed repository's new name, moves its cursor and settings there and says so. */
    private String followRename(String repository, URI redirectedTo) {
      Matcher id = REPOSITORY_ID.matcher(redirectedTo.getPath());
      if (!id.find()) {
        return repository;
      }
      String what = "repository '" + repository + "'";
      Answer answer = get(URI.create(settings.apiUrl() + "/repositories/" + id.group(1)), headers(), what);
      if (answer.status() != 200) {
        throw failure(answer, what, null);
      }
      String renamed = text(object(answer, what), "full_name");
      if (renamed == null || renamed.equals(repository)) {
        return repository;
      }
      state.put(renamed, state.remove(repository));
      if (settings.repositories().contains(repository)) {
        settings = settings.renamed(repository, renamed);
        settingsChanged = true;
      }
      if (organisationRepositories != null) {
        organisationRepositories = organisationRepositories.stream()
            .map(r -> r.equals(repository) ? renamed : r).toList();
      }
      notes.add("Repository '" + repository + "' is now '" + renamed + "'; the source follows the new name");
      return renamed;
    }

    private List<String> organisationRepositories() {
      String org = settings.organisation();
      boolean fresh = org.equalsIgnoreCase(organisation == null ? "" : organisation) && organisationListedAt != null
          && organisationRepositories != null
          && !parse(organisationListedAt).plus(ORGANISATION_LISTING_AGE).isBefore(request.now());
      if (fresh) {
        return organisationRepositories;
      }
      String what = "organisation '" + org + "'";
      List<String> listed = new ArrayList<>();
      URI page = URI.create(settings.apiUrl() + "/orgs/" + URLEncoder.encode(org, StandardCharsets.UTF_8)
          + "/repos?per_page=100");
      for (int pages = 0; page != null && pages < MAX_ORGANISATION_PAGES; pages++) {
        Answer answer = get(page, headers(), what);
        if (answer.status() != 200) {
          throw failure(answer, what, "GitHub has no organisation '" + org + "' (404): correct the organisation of '"
              + request.sourceName() + "'");
        }
        for (JsonNode repository : array(answer, what)) {
          String name = text(repository, "full_name");
          if (name != null && !repository.path("archived").asBoolean() && !repository.path("fork").asBoolean()) {
            listed.add(name);
          }
        }
        page = answer.nextLink().orElse(null);
      }
      organisation = org;
      organisationRepositories = List.copyOf(listed);
      organisationListedAt = request.now().toString();
      return organisationRepositories;
    }

    private void add(Instant when, String kind, String reference, List<Account> accounts) {
      if (when != null) {
        String limited = reference.length() > MAX_REFERENCE ? reference.substring(0, MAX_REFERENCE) : reference;
        events.add(new SourcedEvent(when, kind, limited, accounts));
      }
    }

    /** A user's login, or null for a missing user (a deleted account, "ghost") or a bot. */
    private String login(JsonNode user) {
      String login = text(user, "login");
      if (login == null || "Bot".equals(text(user, "type")) || request.isBot(login)) {
        return null;
      }
      return login;
    }

    private Map<String, String> headers() {
      Map<String, String> headers = new LinkedHashMap<>();
      headers.put("Accept", "application/vnd.github+json");
      headers.put("X-GitHub-Api-Version", "2022-11-28");
      headers.put("User-Agent", "community-lifecycle");
      if (request.credential() != null && !request.credential().isBlank()) {
        headers.put("Authorization", "Bearer " + request.credential().trim());
      }
      return headers;
    }

    private Answer get(URI uri, Map<String, String> headers, String what) {
      try {
        return http.get(uri, headers, Set.of("Authorization"));
      } catch (SourceHttp.Unreachable e) {
        throw new SourceFailure(Reason.UNAVAILABLE, "GitHub could not be reached for '" + request.sourceName()
            + "' (" + what + ": " + e.getMessage() + "); the sync tries again later", null, e);
      }
    }

    /** What an answer other than 200 means; {@code notFound} is the message for 404 (null: a plain failure). */
    private SourceFailure failure(Answer answer, String what, String notFound) {
      int status = answer.status();
      String name = request.sourceName();
      if (status == 401) {
        return new SourceFailure(Reason.BAD_CREDENTIAL,
            "GitHub refused the token of '" + name + "' (401 Bad credentials): replace the token of the source");
      }
      if (status == 403 || status == 429) {
        if (answer.header("X-RateLimit-Remaining").map(String::trim).filter("0"::equals).isPresent()) {
          Instant reset = answer.header("X-RateLimit-Reset").flatMap(GitHubSource::epochSeconds)
              .orElse(request.now().plusSeconds(60));
          return SourceFailure.rateLimited("GitHub rate limit of '" + name + "' is used up until "
              + SourceHttp.clock(reset), reset);
        }
        Optional<Instant> retryAt = answer.retryAfter(request.now());
        if (retryAt.isPresent() || status == 429) {
          Instant until = retryAt.orElse(request.now().plusSeconds(60));
          return SourceFailure.rateLimited("GitHub's secondary rate limit stops '" + name + "' until "
              + SourceHttp.clock(until) + " (too many requests in a short time)", until);
        }
        return new SourceFailure(Reason.BAD_CREDENTIAL, "GitHub refused '" + name + "' access to " + what + " (403"
            + apiMessage(answer) + "): give the token of the source access to it, or replace the token");
      }
      if (status == 404 && notFound != null) {
        return new SourceFailure(Reason.NOT_FOUND, notFound);
      }
      if (status >= 500) {
        return new SourceFailure(Reason.UNAVAILABLE, "GitHub answered " + status + " to '" + name + "' for " + what
            + "; it has trouble, the sync tries again later");
      }
      return new SourceFailure(Reason.UNAVAILABLE, "GitHub answered " + status + apiMessage(answer) + " to '" + name
          + "' for " + what);
    }

    private Iterable<JsonNode> array(Answer answer, String what) {
      JsonNode node = parseBody(answer, what);
      if (!node.isArray()) {
        throw unreadable(what);
      }
      return node;
    }

    private JsonNode object(Answer answer, String what) {
      JsonNode node = parseBody(answer, what);
      if (!node.isObject()) {
        throw unreadable(what);
      }
      return node;
    }

    private JsonNode parseBody(Answer answer, String what) {
      try {
        return JSON.readTree(answer.body());
      } catch (JsonProcessingException e) {
        throw unreadable(what);
      }
    }

    private SourceFailure unreadable(String what) {
      return new SourceFailure(Reason.UNAVAILABLE, "GitHub's answer to '" + request.sourceName() + "' for " + what
          + " is not the JSON expected; is apiUrl " + settings.apiUrl() + " GitHub's REST API?");
    }
  }

  /** Whether timestamp {@code a} is later than {@code b} (null is earliest); an unreadable one is not. */
  private static boolean isAfter(String a, String b) {
    try {
      return a != null && (b == null || parse(a).isAfter(parse(b)));
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static String stamp(Stream stream, JsonNode item) {
    return stream == Stream.COMMITS ? text(item.path("commit").path("committer"), "date") : text(item, "updated_at");
  }

  private static String apiMessage(Answer answer) {
    try {
      String message = text(JSON.readTree(answer.body()), "message");
      if (message == null || message.isBlank()) {
        return "";
      }
      return " " + (message.length() > 160 ? message.substring(0, 160) + "…" : message);
    } catch (JsonProcessingException | RuntimeException e) {
      return "";
    }
  }

  private static Optional<Instant> epochSeconds(String value) {
    try {
      return Optional.of(Instant.ofEpochSecond(Long.parseLong(value.trim())));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static Instant instant(JsonNode node, String field) {
    String value = text(node, field);
    if (value == null) {
      return null;
    }
    try {
      return parse(value);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static Instant parse(String value) {
    return java.time.OffsetDateTime.parse(value).toInstant();
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static GitHubCursor readCursor(String cursor) {
    if (cursor == null || cursor.isBlank()) {
      return new GitHubCursor(Map.of(), null, null, null);
    }
    try {
      return JSON.readValue(cursor, GitHubCursor.class);
    } catch (JsonProcessingException e) {
      return new GitHubCursor(Map.of(), null, null, null); // an unreadable cursor starts over; the store dedupes
    }
  }

  private static String writeCursor(GitHubCursor cursor) {
    try {
      return JSON.writeValueAsString(cursor);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("The cursor cannot be written", e);
    }
  }
}
