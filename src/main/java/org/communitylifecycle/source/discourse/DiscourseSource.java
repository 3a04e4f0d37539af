package org.communitylifecycle.source.discourse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.communitylifecycle.source.discourse.DiscourseCursor.CategoryState;
import org.communitylifecycle.source.http.SourceHttp;
import org.communitylifecycle.source.http.SourceHttp.Answer;
import org.springframework.stereotype.Component;

/**
 * Topics and replies in Discourse categories, read from the site's JSON API.
 *
 * <p>A category's topic list ({@code /c/{category}.json?page=n}, most recently bumped first, pinned
 * topics on top) is scanned page by page, one page per batch, until a page holds no topic bumped
 * after the last complete scan (or {@code more_topics_url} ends). Each topic bumped since is read with
 * {@code /t/{id}.json}, and the ids of its {@code post_stream.stream} beyond the first chunk with
 * {@code /t/{id}/posts.json?post_ids[]=}; only the posts above the highest id already read per topic
 * are counted. The first post is the {@code topic}, each later regular post a {@code post}; small
 * actions, whispers and Discourse's own users (system, discobot: negative ids) are left out, as are
 * the request's bots.
 */
@Component
public class DiscourseSource implements SourceKind {

  private static final int POSTS_PER_REQUEST = 20;
  private static final int MAX_TOPICS_KEPT = 2000;
  private static final int MAX_REFERENCE = 200;
  private static final int REGULAR_POST = 1;
  private static final Pattern PAGE = Pattern.compile("[?&]page=(\\d+)");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final SourceHttp http;

  public DiscourseSource() {
    this.http = new SourceHttp(Duration.ofSeconds(10), Duration.ofSeconds(20));
  }

  @Override
  public String id() {
    return "discourse";
  }

  @Override
  public String label() {
    return "Discourse";
  }

  @Override
  public CredentialUse credentialUse() {
    return CredentialUse.OPTIONAL;
  }

  @Override
  public Map<String, String> check(Map<String, String> settings, List<String> problems) {
    return DiscourseSettings.read(settings, problems).toMap();
  }

  @Override
  public SyncBatch fetch(SyncRequest request) {
    List<String> problems = new ArrayList<>();
    DiscourseSettings settings = DiscourseSettings.read(request.settings(), problems);
    if (!problems.isEmpty()) {
      throw new SourceFailure(Reason.UNAVAILABLE, "The settings of '" + request.sourceName() + "' are wrong: "
          + String.join("; ", problems));
    }
    return new Read(request, settings, readCursor(request.cursor())).run();
  }

  /** One fetch: the working state of a batch. */
  private final class Read {

    private final SyncRequest request;
    private final DiscourseSettings settings;
    private final Map<String, CategoryState> categories = new TreeMap<>();
    private final List<SourcedEvent> events = new ArrayList<>();
    private boolean more;

    Read(SyncRequest request, DiscourseSettings settings, DiscourseCursor cursor) {
      this.request = request;
      this.settings = settings;
      if (cursor.categories() != null) {
        categories.putAll(cursor.categories());
      }
      categories.keySet().retainAll(settings.categories());
    }

    SyncBatch run() {
      for (String category : settings.categories()) {
        if (events.size() >= request.maxEvents()) {
          more = true;
          break;
        }
        categories.put(category, readPage(category, categories.getOrDefault(category, CategoryState.START)));
      }
      return SyncBatch.of(events, writeCursor(new DiscourseCursor(categories)), more);
    }

    private CategoryState readPage(String category, CategoryState before) {
      int page = before.page() == null ? 0 : before.page();
      String what = "category '" + category + "'";
      Answer answer = get(settings.siteUrl() + "/c/" + encodePath(category) + ".json" + (page > 0 ? "?page=" + page : ""),
          what);
      if (answer.status() != 200) {
        throw failure(answer, what, "Discourse site " + settings.siteUrl() + " has no category '" + category
            + "' (404); it was deleted, renamed or made private: correct the categories of '" + request.sourceName() + "'");
      }
      JsonNode list = parse(answer, what).path("topic_list");
      Map<String, Long> topics = new TreeMap<>(before.topics() == null ? Map.of() : before.topics());
      String scanMax = before.scanMax();
      boolean newOnPage = false;
      for (JsonNode topic : list.path("topics")) {
        String bumpedAt = text(topic, "bumped_at");
        if (!isAfter(bumpedAt, before.bumpedAt())) {
          continue;
        }
        if (!topic.path("pinned").asBoolean() && !topic.path("pinned_globally").asBoolean()) {
          newOnPage = true;
        }
        if (isAfter(bumpedAt, scanMax)) {
          scanMax = bumpedAt;
        }
        readTopic(topic, topics);
      }
      prune(topics);
      Optional<Integer> next = Optional.ofNullable(text(list, "more_topics_url")).map(PAGE::matcher)
          .filter(Matcher::find).map(matcher -> Integer.parseInt(matcher.group(1)));
      if (newOnPage && next.isPresent() && next.get() > page) {
        more = true;
        return new CategoryState(before.bumpedAt(), next.get(), scanMax, topics);
      }
      String bumpedAt = isAfter(scanMax, before.bumpedAt()) ? scanMax : before.bumpedAt();
      return new CategoryState(bumpedAt, null, null, topics);
    }

    private void readTopic(JsonNode listed, Map<String, Long> topics) {
      long topicId = listed.path("id").asLong();
      String what = "topic " + topicId;
      Answer answer = get(settings.siteUrl() + "/t/" + topicId + ".json", what);
      if (answer.status() == 404 || answer.status() == 410) {
        return; // deleted between the listing and now
      }
      if (answer.status() != 200) {
        throw failure(answer, what, null);
      }
      JsonNode topic = parse(answer, what);
      String slug = Optional.ofNullable(text(topic, "slug")).orElse(Optional.ofNullable(text(listed, "slug")).orElse("topic"));
      long seen = topics.getOrDefault(Long.toString(topicId), 0L);
      List<Long> wanted = new ArrayList<>();
      for (JsonNode id : topic.path("post_stream").path("stream")) {
        if (id.asLong() > seen) {
          wanted.add(id.asLong());
        }
      }
      Map<Long, JsonNode> posts = new TreeMap<>();
      topic.path("post_stream").path("posts").forEach(post -> posts.put(post.path("id").asLong(), post));
      List<Long> missing = wanted.stream().filter(id -> !posts.containsKey(id)).toList();
      for (int from = 0; from < missing.size(); from += POSTS_PER_REQUEST) {
        StringBuilder url = new StringBuilder(settings.siteUrl() + "/t/" + topicId + "/posts.json?");
        for (Long id : missing.subList(from, Math.min(missing.size(), from + POSTS_PER_REQUEST))) {
          url.append(url.charAt(url.length() - 1) == '?' ? "" : "&").append("post_ids%5B%5D=").append(id);
        }
        Answer more = get(url.toString(), what);
        if (more.status() != 200) {
          throw failure(more, what, null);
        }
        parse(more, what).path("post_stream").path("posts").forEach(post -> posts.put(post.path("id").asLong(), post));
      }
      long highest = seen;
      for (Long id : wanted) {
        JsonNode post = posts.get(id);
        if (post == null) {
          continue;
        }
        highest = Math.max(highest, id);
        addEvent(topicId, slug, post);
      }
      topics.put(Long.toString(topicId), highest);
    }

    private void addEvent(long topicId, String slug, JsonNode post) {
      String username = text(post, "username");
      Instant createdAt = instant(text(post, "created_at"));
      int number = post.path("post_number").asInt();
      if (username == null || createdAt == null || number < 1 || post.path("post_type").asInt(REGULAR_POST) != REGULAR_POST
          || post.path("user_id").asLong(1) < 0 || request.isBot(username)) {
        return;
      }
      String topicUrl = settings.siteUrl() + "/t/" + slug + "/" + topicId;
      String reference = number == 1 ? topicUrl : topicUrl + "/" + number;
      if (reference.length() > MAX_REFERENCE) {
        reference = reference.substring(0, MAX_REFERENCE);
      }
      String name = text(post, "name");
      events.add(new SourcedEvent(createdAt, number == 1 ? "topic" : "post", reference,
          List.of(Account.discourse(username, name == null || name.isBlank() ? null : name))));
    }

    private Answer get(String url, String what) {
      Map<String, String> headers = new LinkedHashMap<>();
      headers.put("Accept", "application/json");
      headers.put("User-Agent", "community-lifecycle");
      if (request.credential() != null && !request.credential().isBlank()) {
        headers.put("Api-Key", request.credential().trim());
        headers.put("Api-Username", settings.apiUsername() == null ? DiscourseSettings.DEFAULT_API_USERNAME
            : settings.apiUsername());
      }
      try {
        return http.get(URI.create(url), headers, Set.of("Api-Key", "Api-Username"));
      } catch (SourceHttp.Unreachable e) {
        throw new SourceFailure(Reason.UNAVAILABLE, "Discourse site " + settings.siteUrl() + " could not be reached for '"
            + request.sourceName() + "' (" + what + ": " + e.getMessage() + "); the sync tries again later", null, e);
      } catch (IllegalArgumentException e) {
        throw new SourceFailure(Reason.UNAVAILABLE, "'" + request.sourceName() + "' cannot ask " + settings.siteUrl()
            + " for " + what + ": the address is not valid");
      }
    }

    private SourceFailure failure(Answer answer, String what, String notFound) {
      int status = answer.status();
      String name = request.sourceName();
      if (status == 429) {
        Instant until = answer.retryAfter(request.now())
            .or(() -> waitSeconds(answer).map(seconds -> request.now().plusSeconds(seconds)))
            .orElse(request.now().plusSeconds(60));
        return SourceFailure.rateLimited("Discourse rate limit of '" + name + "' is used up until "
            + SourceHttp.clock(until), until);
      }
      if (status == 401 || status == 403) {
        boolean keyed = request.credential() != null && !request.credential().isBlank();
        return new SourceFailure(Reason.BAD_CREDENTIAL, keyed
            ? "Discourse site " + settings.siteUrl() + " refused the API key of '" + name + "' (" + status + ") for "
                + what + ": replace the key of the source, or check that it may act as user '"
                + (settings.apiUsername() == null ? DiscourseSettings.DEFAULT_API_USERNAME : settings.apiUsername()) + "'"
            : "Discourse site " + settings.siteUrl() + " refused '" + name + "' access to " + what + " (" + status
                + "): give the source an API key that may read it");
      }
      if (status == 404 && notFound != null) {
        return new SourceFailure(Reason.NOT_FOUND, notFound);
      }
      if (status >= 500) {
        return new SourceFailure(Reason.UNAVAILABLE, "Discourse site " + settings.siteUrl() + " answered " + status
            + " to '" + name + "' for " + what + "; it has trouble, the sync tries again later");
      }
      return new SourceFailure(Reason.UNAVAILABLE, "Discourse site " + settings.siteUrl() + " answered " + status
          + " to '" + name + "' for " + what);
    }

    private JsonNode parse(Answer answer, String what) {
      try {
        JsonNode node = JSON.readTree(answer.body());
        if (node != null && node.isObject()) {
          return node;
        }
      } catch (JsonProcessingException e) {
        // reported below
      }
      throw new SourceFailure(Reason.UNAVAILABLE, "The answer of " + settings.siteUrl() + " to '" + request.sourceName()
          + "' for " + what + " is not Discourse's JSON; is siteUrl the address of a Discourse site?");
    }
  }

  /** Keeps the highest post ids of the newest topics only, so the cursor does not grow without end. */
  private static void prune(Map<String, Long> topics) {
    if (topics.size() > MAX_TOPICS_KEPT) {
      List<String> oldest = topics.keySet().stream().sorted((a, b) -> Long.compare(Long.parseLong(a), Long.parseLong(b)))
          .limit(topics.size() - MAX_TOPICS_KEPT).toList();
      oldest.forEach(topics::remove);
    }
  }

  private static Optional<Long> waitSeconds(Answer answer) {
    try {
      JsonNode wait = JSON.readTree(answer.body()).path("extras").path("wait_seconds");
      return wait.isNumber() ? Optional.of(Math.max(1, wait.asLong())) : Optional.empty();
    } catch (JsonProcessingException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static String encodePath(String category) {
    List<String> parts = new ArrayList<>();
    for (String part : category.split("/")) {
      parts.add(URLEncoder.encode(part, StandardCharsets.UTF_8));
    }
    return String.join("/", parts);
  }

  private static boolean isAfter(String a, String b) {
    Instant first = instant(a);
    return first != null && (b == null || instant(b) == null || first.isAfter(instant(b)));
  }

  private static Instant instant(String value) {
    try {
      return value == null ? null : OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static DiscourseCursor readCursor(String cursor) {
    if (cursor == null || cursor.isBlank()) {
      return new DiscourseCursor(Map.of());
    }
    try {
      return JSON.readValue(cursor, DiscourseCursor.class);
    } catch (JsonProcessingException e) {
      return new DiscourseCursor(Map.of()); // an unreadable cursor starts over; the store dedupes
    }
  }

  private static String writeCursor(DiscourseCursor cursor) {
    try {
      return JSON.writeValueAsString(cursor);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("The cursor cannot be written", e);
    }
  }
}
