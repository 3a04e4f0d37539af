package org.communitylifecycle.source.gharchive;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.communitylifecycle.contributor.SourcedEvent;
import org.communitylifecycle.contributor.SourcedEvent.Account;
import org.communitylifecycle.source.SyncRequest;

/**
 * Turns GH Archive lines into contributions, for the followed repositories only. An hourly file
 * holds some hundred thousand events of all of GitHub, nearly all of other repositories, so a
 * line is first searched for a followed repository's quoted name (a plain text search, a few
 * microseconds) and only a line that has one is parsed; the search accepts any case and the
 * {@code \/} escape, so it never leaves out a line the parse would have kept.
 *
 * <p>Which events count, and who is credited, follows the GitHub event payloads: see
 * {@link GhArchiveSource}.
 */
final class ArchiveEvents {

  static final int MAX_REFERENCE = 200;
  private static final Pattern NOREPLY =
      Pattern.compile("^(?:\\d+\\+)?([^@+]+)@users\\.noreply\\.github\\.com$", Pattern.CASE_INSENSITIVE);

  private final ObjectMapper json;
  private final SyncRequest request;
  private final Set<String> repositories;
  private final Set<String> branches;
  private final Pattern mention;

  /** How a line went. */
  enum Outcome { BLANK, UNREADABLE, OTHER_REPOSITORY, OTHER_TYPE, EVENTS }

  /**
   * @param repositories the followed repositories, owner/name
   * @param branches the branch names whose pushes count as commits
   */
  ArchiveEvents(ObjectMapper json, SyncRequest request, List<String> repositories, List<String> branches) {
    this.json = json;
    this.request = request;
    this.repositories = repositories.stream().map(r -> r.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    this.branches = branches.stream().map(b -> "refs/heads/" + b).collect(Collectors.toSet());
    this.mention = Pattern.compile(repositories.stream()
        .map(r -> "\"" + Pattern.quote(r.substring(0, r.indexOf('/'))) + "(?:/|\\\\/)"
            + Pattern.quote(r.substring(r.indexOf('/') + 1)) + "\"")
        .collect(Collectors.joining("|")), Pattern.CASE_INSENSITIVE);
  }

  /** Adds the contributions of one line to {@code events}, and says how the line went. */
  Outcome read(String line, List<SourcedEvent> events) {
    int start = 0;
    int end = line.length();
    while (start < end && Character.isWhitespace(line.charAt(start))) {
      start++;
    }
    while (end > start && Character.isWhitespace(line.charAt(end - 1))) {
      end--;
    }
    if (start == end) {
      return Outcome.BLANK;
    }
    if (line.charAt(start) != '{' || line.charAt(end - 1) != '}') {
      return Outcome.UNREADABLE;
    }
    if (!mention.matcher(line).find()) {
      return Outcome.OTHER_REPOSITORY;
    }
    JsonNode event;
    try {
      event = json.readTree(line);
    } catch (JsonProcessingException e) {
      return Outcome.UNREADABLE;
    }
    String repo = text(event.path("repo"), "name");
    String type = text(event, "type");
    Instant createdAt = instant(text(event, "created_at"));
    if (repo == null || type == null || createdAt == null) {
      return Outcome.UNREADABLE;
    }
    if (!repositories.contains(repo.toLowerCase(Locale.ROOT))) {
      return Outcome.OTHER_REPOSITORY;
    }
    String actor = text(event.path("actor"), "login");
    JsonNode payload = event.path("payload");
    int before = events.size();
    boolean known = switch (type) {
      case "IssuesEvent" -> issue(repo, actor, createdAt, payload, events);
      case "PullRequestEvent" -> pullRequest(repo, actor, createdAt, payload, events);
      case "PullRequestReviewEvent" -> review(repo, actor, createdAt, payload, events);
      case "IssueCommentEvent", "PullRequestReviewCommentEvent" -> comment(actor, createdAt, payload, events);
      case "PushEvent" -> push(repo, actor, createdAt, payload, events);
      default -> false;
    };
    return known || events.size() > before ? Outcome.EVENTS : Outcome.OTHER_TYPE;
  }

  private boolean issue(String repo, String actor, Instant at, JsonNode payload, List<SourcedEvent> events) {
    if (!"opened".equals(text(payload, "action"))) {
      return false;
    }
    JsonNode issue = payload.path("issue");
    String url = orElse(text(issue, "html_url"), numbered(repo, "issues", issue.path("number")));
    return credit(events, at, "issue", url, actor);
  }

  private boolean pullRequest(String repo, String actor, Instant at, JsonNode payload, List<SourcedEvent> events) {
    String action = text(payload, "action");
    JsonNode pr = payload.path("pull_request");
    String url = orElse(text(pr, "html_url"),
        numbered(repo, "pull", payload.has("number") ? payload.path("number") : pr.path("number")));
    if ("opened".equals(action)) {
      return credit(events, at, "pull-request", url, actor);
    }
    if ("closed".equals(action) && pr.path("merged").asBoolean(false)) {
      Instant mergedAt = instant(text(pr, "merged_at"));
      return credit(events, mergedAt == null ? at : mergedAt, "merge", url, text(pr.path("user"), "login"));
    }
    return false;
  }

  private boolean review(String repo, String actor, Instant at, JsonNode payload, List<SourcedEvent> events) {
    JsonNode review = payload.path("review");
    String url = text(review, "html_url");
    if (url == null) {
      String pr = orElse(text(payload.path("pull_request"), "html_url"),
          numbered(repo, "pull", payload.path("pull_request").path("number")));
      url = pr == null || !review.hasNonNull("id") ? null : pr + "#pullrequestreview-" + review.get("id").asText();
    }
    Instant submittedAt = instant(text(review, "submitted_at"));
    return credit(events, submittedAt == null ? at : submittedAt, "review", url, actor);
  }

  private boolean comment(String actor, Instant at, JsonNode payload, List<SourcedEvent> events) {
    String action = text(payload, "action");
    if (action != null && !"created".equals(action)) {
      return false;
    }
    return credit(events, at, "comment", text(payload.path("comment"), "html_url"), actor);
  }

  private boolean push(String repo, String actor, Instant at, JsonNode payload, List<SourcedEvent> events) {
    if (!branches.contains(text(payload, "ref"))) {
      return false;
    }
    JsonNode commits = payload.path("commits");
    if (!commits.isArray()) {
      String head = text(payload, "head");
      return head != null && credit(events, at, "commit", commitUrl(repo, head), actor);
    }
    Set<String> seen = new HashSet<>();
    for (JsonNode commit : commits) {
      String sha = text(commit, "sha");
      if (sha == null || !commit.path("distinct").asBoolean(true) || !seen.add(sha)) {
        continue;
      }
      List<Account> accounts = commitAuthor(actor, commit.path("author"));
      if (accounts != null) {
        events.add(new SourcedEvent(at, "commit", clip(commitUrl(repo, sha)), accounts));
      }
    }
    return true;
  }

  /** A commit's accounts, credited first; null for a bot's commit or one without an author. */
  private List<Account> commitAuthor(String actor, JsonNode author) {
    String email = text(author, "email");
    String name = text(author, "name");
    List<Account> accounts = new ArrayList<>(2);
    Matcher noreply = email == null ? null : NOREPLY.matcher(email);
    if (noreply != null && noreply.matches()) {
      if (request.isBot(noreply.group(1))) {
        return null;
      }
      accounts.add(Account.github(noreply.group(1)));
    } else if (name != null && actor != null && name.equalsIgnoreCase(actor)) {
      if (request.isBot(actor)) {
        return null;
      }
      accounts.add(Account.github(actor));
    } else if (email == null || request.isBot(name)) {
      return null;
    }
    if (email != null) {
      accounts.add(Account.email(email, name));
    }
    return accounts;
  }

  private boolean credit(List<SourcedEvent> events, Instant at, String kind, String url, String login) {
    if (url == null || login == null || request.isBot(login)) {
      return false;
    }
    events.add(new SourcedEvent(at, kind, clip(url), List.of(Account.github(login))));
    return true;
  }

  private static String commitUrl(String repo, String sha) {
    return "https://github.com/" + repo + "/commit/" + sha;
  }

  private static String numbered(String repo, String path, JsonNode number) {
    return number.canConvertToLong() ? "https://github.com/" + repo + "/" + path + "/" + number.asLong() : null;
  }

  private static String clip(String reference) {
    return reference.length() <= MAX_REFERENCE ? reference : reference.substring(0, MAX_REFERENCE);
  }

  private static String orElse(String value, String fallback) {
    return value != null ? value : fallback;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || !value.isTextual() || value.asText().isBlank() ? null : value.asText();
  }

  private static Instant instant(String text) {
    if (text == null) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
