package org.communitylifecycle.source.gharchive;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * Writes the shipped GH Archive samples: made-up people and repositories, but the real file
 * format, so the samples exercise the same code a real hour of gharchive.org does. Everything
 * comes from one seeded {@link Random}: running {@link #main} again writes the same files, byte
 * for byte (gzip headers carry no time here).
 *
 * <p>The kitsune sample is a folder of ten hourly files spread over September 2026; its README
 * states its figures and GhArchiveSourceTest checks them. The nightly sample is one file covering
 * October and November 2026, for the demo.
 *
 * <p>Run from the project folder: {@code java -cp target/test-classes:$(cat cp.txt)
 * org.communitylifecycle.source.gharchive.GhArchiveSampleWriter} (see the samples' README).
 */
public final class GhArchiveSampleWriter {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd-H").withZone(ZoneOffset.UTC);

  /**
   * A person (or bot) acting on GitHub.
   *
   * @param login the GitHub login
   * @param id the GitHub user id
   * @param commitName the name on their commits
   * @param commitEmail the address on their commits
   * @param weight how active they are, relative to the others
   * @param maintainer whether they merge, push to the main branch and review most
   */
  public record Person(String login, long id, String commitName, String commitEmail, int weight, boolean maintainer) {

    boolean bot() {
      return login.endsWith("[bot]");
    }
  }

  /**
   * A commit author without a login of their own in the data, whose commits a maintainer pushes.
   *
   * @param name the name on the commits
   * @param email the address on the commits
   * @param pushedBy the login of the maintainer who pushes them
   * @param share the share of that maintainer's pushed commits that are theirs
   */
  public record Guest(String name, String email, String pushedBy, double share) {
  }

  /**
   * What to write.
   *
   * @param seed the random seed
   * @param events about how many lines to write
   * @param hours when not empty, one file per hour (a folder); else one file from {@code from} to {@code to}
   * @param from the first instant of a one-file sample
   * @param to the end of a one-file sample
   * @param repositories the followed repositories with their ids, owner/name
   * @param followedShare the share of events on the followed repositories
   * @param noiseRepositories other repositories, for the events a source must skip
   * @param people who acts on the followed repositories, bots included
   * @param passersBy who acts on the other repositories only
   * @param guests commit authors without a login
   * @param firstEventId the first event id
   */
  public record Spec(long seed, int events, List<Instant> hours, Instant from, Instant to,
      List<String> repositories, double followedShare, List<String> noiseRepositories,
      List<Person> people, List<Person> passersBy, List<Guest> guests, long firstEventId) {
  }

  public static void main(String[] args) throws IOException {
    Path demo = Path.of(args.length > 0 ? args[0] : "src/main/resources/demo/gharchive");
    Path kitsune = demo.resolve("kitsune-2026-09");
    if (Files.isDirectory(kitsune)) {
      try (var old = Files.list(kitsune)) {
        for (Path f : old.filter(f -> f.toString().endsWith(".json.gz")).toList()) {
          Files.delete(f);
        }
      }
    }
    write(kitsune, kitsune());
    Files.createDirectories(demo);
    write(demo.resolve("firefox-nightly-2026-10.json.gz"), nightly());
  }

  /** mozilla/kitsune in September 2026: 27 people, two bots, and Rosana Ortiz's commits pushed by tomas-vidal. */
  public static Spec kitsune() {
    List<Person> people = new ArrayList<>();
    people.add(new Person("tomas-vidal", 1884213, "tomas-vidal", "tvidal@mozilla.com", 30, true));
    people.add(new Person("kiki-m", 4711, "Kiki Mwangi", "4711+kiki-m@users.noreply.github.com", 26, true));
    people.add(new Person("ines-okafor", 3301958, "ines-okafor", "iokafor@mozilla.com", 22, true));
    people.add(new Person("jbenoit", 912274, "jbenoit", "jbenoit@mozilla.com", 14, true));
    people.add(new Person("rosana-ortiz", 5120377, "rosana-ortiz", "rortiz@users.example.net", 12, false));
    String[] others = {"ana-lima", "mkowalski", "priya-raman", "dlehmann", "oluwaseun-a", "hiro-tanaka",
        "camille-roux", "svetlana-k", "marco-bianchi", "nadia-haddad", "petr-novak", "lucia-mendez",
        "aziz-karimov", "emma-lindqvist", "yusuf-demir", "grace-obi", "felix-brandt", "mei-chen",
        "joao-pereira", "ewa-nowak", "sam-okoro", "laila-benali"};
    int[] weights = {10, 9, 8, 7, 6, 5, 5, 4, 4, 3, 3, 3, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1};
    for (int i = 0; i < others.length; i++) {
      people.add(new Person(others[i], 6100000L + 7919L * i, others[i], others[i] + "@example.com", weights[i], false));
    }
    people.add(new Person("dependabot[bot]", 49699333, "dependabot[bot]",
        "49699333+dependabot[bot]@users.noreply.github.com", 4, false));
    people.add(new Person("github-actions[bot]", 41898282, "github-actions[bot]",
        "41898282+github-actions[bot]@users.noreply.github.com", 3, false));
    List<Instant> hours = List.of("2026-09-01T09", "2026-09-04T14", "2026-09-08T10", "2026-09-11T16",
        "2026-09-15T08", "2026-09-18T13", "2026-09-22T11", "2026-09-25T15", "2026-09-30T09", "2026-09-30T10")
        .stream().map(h -> Instant.parse(h + ":00:00Z")).toList();
    return new Spec(20260901L, 3000, hours, null, null, List.of("mozilla/kitsune"), 0.66,
        List.of("mozilla/gecko-dev", "someone/other", "ana-lima/kitsune", "mozilla/fxa"),
        people, passersBy(12, 7100000), List.of(new Guest("Rosana Ortiz", "rosana@example.org", "tomas-vidal", 0.3)),
        53_180_000_000L);
  }

  /** mozilla/nightly-feedback and mozilla/nightly-tools in October and November 2026: about 40 people. */
  public static Spec nightly() {
    String[] first = {"alex", "bea", "chidi", "dana", "elif", "farid", "gita", "hugo", "ivana", "jonas", "keiko",
        "luca", "maya", "nils", "olga", "pablo", "qiana", "ravi", "sofia", "theo"};
    String[] last = {"ng", "ferreira", "okeke", "levi", "yilmaz", "haddad", "sharma", "moreau", "petrovic", "berg"};
    List<Person> people = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      String login = first[i % first.length] + "-" + last[(i * 7 + i / first.length) % last.length];
      boolean active = i < 9;
      people.add(new Person(login, 8200000L + 104729L * i, login, login + "@example.com",
          active ? 30 : 1, i < 4));
    }
    people.add(new Person("dependabot[bot]", 49699333, "dependabot[bot]",
        "49699333+dependabot[bot]@users.noreply.github.com", 6, false));
    return new Spec(20261001L, 1500, List.of(), Instant.parse("2026-10-01T00:00:00Z"),
        Instant.parse("2026-12-01T00:00:00Z"), List.of("mozilla/nightly-feedback", "mozilla/nightly-tools"), 0.85,
        List.of("mozilla/gecko-dev", "someone/other"), people, passersBy(10, 9300000), List.of(), 54_020_000_000L);
  }

  private static List<Person> passersBy(int count, long firstId) {
    String[] logins = {"octo-dev", "rustacean42", "kwame-b", "lena-s", "pixelpusher", "dev-marta", "tkimura",
        "bytewise", "zoe-writes", "quietcoder", "vlad-p", "nora-j"};
    List<Person> list = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      list.add(new Person(logins[i], firstId + 31L * i, logins[i], logins[i] + "@example.net", 1, false));
    }
    return list;
  }

  /** Writes a sample: a folder of hourly files when the spec has hours, else one file. */
  public static void write(Path target, Spec spec) throws IOException {
    Generator generator = new Generator(spec);
    if (spec.hours().isEmpty()) {
      List<Instant> times = generator.times(spec.from(), spec.to(), spec.events());
      writeFile(target, generator, times);
    } else {
      Files.createDirectories(target);
      int perHour = spec.events() / spec.hours().size();
      for (Instant hour : spec.hours()) {
        List<Instant> times = generator.times(hour, hour.plus(Duration.ofHours(1)), perHour);
        writeFile(target.resolve(HOUR.format(hour) + ".json.gz"), generator, times);
      }
    }
  }

  private static void writeFile(Path file, Generator generator, List<Instant> times) throws IOException {
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file));
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
      for (Instant time : times) {
        writer.write(generator.next(time).toString());
        writer.write('\n');
      }
    }
  }

  /** The state of the made-up repositories while events are written, so that later events refer to earlier ones. */
  private static final class Generator {

    private static final String[] ISSUE_TITLES = {"Search results ignore the product filter",
        "Article history shows the wrong contributor", "Locale switcher loses the current page",
        "Question form rejects long titles", "Notifications sent twice for the same answer",
        "Spam filter flags answers with links to support.mozilla.org", "Dashboard graph is empty for new locales",
        "Translation status out of date after a revision", "Image upload fails on Safari",
        "Contributor badge not shown on profile", "Add keyboard shortcut to mark solved", "Update the KB style guide"};
    private static final String[] PR_TITLES = {"Fix product filter in search", "Show the revision's creator in history",
        "Keep the page when switching locale", "Allow 255 characters in question titles",
        "Deduplicate answer notifications", "Allow links to SUMO in answers", "Bump django from 4.2.15 to 4.2.16",
        "Refresh translation status on revision save", "Use fetch for image uploads", "Render badges on profiles",
        "Add 's' shortcut for solved", "Tidy up the KB style guide", "Bump eslint from 9.9.0 to 9.10.0"};
    private static final String[] COMMENTS = {"Thanks for the report! I can reproduce this on stage.",
        "Could you add a test for the empty case?", "LGTM, merging once CI is green.",
        "I think this also affects the mobile layout.", "Works for me locally now.", "Nit: please rename this variable.",
        "Is this still happening after yesterday's deploy?", "I'd like to work on this one.",
        "Good catch, updated.", "Closing as duplicate of the older issue."};
    private static final String[] COMMIT_MESSAGES = {"Fix typo in template", "Update translations",
        "Refactor search query builder", "Add test for locale switcher", "Pin dependencies",
        "Handle missing product in filter", "Improve badge rendering", "Remove unused CSS"};

    private final Spec spec;
    private final Random random;
    private final Map<String, Repo> repos = new HashMap<>();
    private final List<Person> humans;
    private final Deque<Person> notYetSeen;
    private long eventId;
    private long objectId = 2_400_000_000L;
    private long pushId = 20_100_000_000L;

    Generator(Spec spec) {
      this.spec = spec;
      this.random = new Random(spec.seed());
      this.eventId = spec.firstEventId();
      this.humans = spec.people().stream().filter(p -> !p.bot()).toList();
      List<Person> shuffled = new ArrayList<>(humans);
      java.util.Collections.shuffle(shuffled, random);
      this.notYetSeen = new ArrayDeque<>(shuffled);
      long id = 1_136_143;
      for (String name : spec.repositories()) {
        repos.put(name, new Repo(name, id, 1200 + random.nextInt(400)));
        id += 9_331;
      }
      for (String name : spec.noiseRepositories()) {
        repos.put(name, new Repo(name, id, 10 + random.nextInt(3000)));
        id += 48_611_027;
      }
    }

    List<Instant> times(Instant from, Instant to, int count) {
      long span = Duration.between(from, to).getSeconds();
      List<Instant> times = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        times.add(from.plusSeconds((long) (random.nextDouble() * span)));
      }
      times.sort(null);
      return times;
    }

    ObjectNode next(Instant at) {
      boolean followed = random.nextDouble() < spec.followedShare();
      List<String> names = followed ? spec.repositories() : spec.noiseRepositories();
      Repo repo = repos.get(names.get(random.nextInt(names.size())));
      Person actor;
      int roll = random.nextInt(100);
      if (!followed) {
        actor = random.nextInt(4) == 0 ? pick(humans) : spec.passersBy().get(random.nextInt(spec.passersBy().size()));
        return roll < 50 ? issueOpened(repo, actor, at) : roll < 75 ? watch(repo, actor, at) : comment(repo, actor, at);
      }
      if (roll < 9) {
        return issueOpened(repo, newcomerOr(pick(humans)), at);
      } else if (roll < 12 && !repo.openIssues.isEmpty()) {
        return issueClosed(repo, pickMaintainer(), at);
      } else if (roll < 33) {
        Person commenter = random.nextInt(30) == 0 ? bot("github-actions[bot]") : newcomerOr(pick(humans));
        return comment(repo, commenter == null ? pick(humans) : commenter, at);
      } else if (roll < 43) {
        Person author = random.nextInt(8) == 0 ? bot("dependabot[bot]") : pick(humans);
        return pullRequestOpened(repo, author == null ? pick(humans) : author, at);
      } else if (roll < 51 && !repo.openPulls.isEmpty()) {
        return pullRequestClosed(repo, pickMaintainer(), at, true);
      } else if (roll < 52 && !repo.openPulls.isEmpty()) {
        return pullRequestClosed(repo, pickMaintainer(), at, false);
      } else if (roll < 63 && !repo.openPulls.isEmpty()) {
        return review(repo, random.nextInt(3) == 0 ? pick(humans) : pickMaintainer(), at);
      } else if (roll < 72 && !repo.openPulls.isEmpty()) {
        return reviewComment(repo, pick(humans), at);
      } else if (roll < 78) {
        Person pusher = random.nextInt(8) == 0 ? bot("github-actions[bot]") : pickMaintainer();
        return push(repo, pusher == null ? pickMaintainer() : pusher, at, "main");
      } else if (roll < 83) {
        return push(repo, pick(humans), at, "fix-" + (100 + random.nextInt(900)));
      } else if (roll < 89) {
        return watch(repo, pick(humans), at);
      } else if (roll < 91) {
        return fork(repo, pick(humans), at);
      } else if (roll < 95) {
        return createBranch(repo, pick(humans), at, "CreateEvent");
      } else if (roll < 98) {
        return createBranch(repo, pick(humans), at, "DeleteEvent");
      }
      return issueOpened(repo, newcomerOr(pick(humans)), at);
    }

    private Person newcomerOr(Person person) {
      return !notYetSeen.isEmpty() && random.nextBoolean() ? notYetSeen.poll() : person;
    }

    private Person pick(List<Person> people) {
      int total = people.stream().mapToInt(Person::weight).sum();
      int n = random.nextInt(total);
      for (Person p : people) {
        n -= p.weight();
        if (n < 0) {
          return p;
        }
      }
      return people.get(people.size() - 1);
    }

    private Person pickMaintainer() {
      return pick(humans.stream().filter(Person::maintainer).toList());
    }

    private Person bot(String login) {
      return spec.people().stream().filter(p -> p.login().equals(login)).findFirst().orElse(null);
    }

    private ObjectNode issueOpened(Repo repo, Person actor, Instant at) {
      Item issue = new Item(repo.nextNumber++, ++objectId, ISSUE_TITLES[random.nextInt(ISSUE_TITLES.length)], actor, at,
          false);
      repo.openIssues.add(issue);
      ObjectNode payload = JSON.createObjectNode().put("action", "opened");
      payload.set("issue", issueJson(repo, issue, "open", null));
      return event("IssuesEvent", actor, repo, payload, at);
    }

    private ObjectNode issueClosed(Repo repo, Person actor, Instant at) {
      Item issue = repo.openIssues.remove(random.nextInt(repo.openIssues.size()));
      ObjectNode payload = JSON.createObjectNode().put("action", "closed");
      payload.set("issue", issueJson(repo, issue, "closed", at));
      return event("IssuesEvent", actor, repo, payload, at);
    }

    private ObjectNode comment(Repo repo, Person actor, Instant at) {
      List<Item> items = new ArrayList<>(repo.openIssues);
      items.addAll(repo.openPulls);
      if (items.isEmpty()) {
        return issueOpened(repo, actor, at);
      }
      Item item = items.get(random.nextInt(items.size()));
      item.comments++;
      long id = ++objectId;
      String base = "https://github.com/" + repo.name + "/" + (item.pull ? "pull/" : "issues/") + item.number;
      ObjectNode comment = JSON.createObjectNode()
          .put("url", api(repo) + "/issues/comments/" + id)
          .put("html_url", base + "#issuecomment-" + id)
          .put("issue_url", api(repo) + "/issues/" + item.number)
          .put("id", id)
          .put("node_id", "IC_kwDO" + Long.toString(id, 36).toUpperCase());
      comment.set("user", user(actor));
      comment.put("created_at", at.toString()).put("updated_at", at.toString())
          .put("author_association", association(actor))
          .put("body", COMMENTS[random.nextInt(COMMENTS.length)]);
      comment.putNull("performed_via_github_app");
      ObjectNode payload = JSON.createObjectNode().put("action", "created");
      payload.set("issue", issueJson(repo, item, "open", null));
      payload.set("comment", comment);
      return event("IssueCommentEvent", actor, repo, payload, at);
    }

    private ObjectNode pullRequestOpened(Repo repo, Person actor, Instant at) {
      Item pull = new Item(repo.nextNumber++, ++objectId, PR_TITLES[random.nextInt(PR_TITLES.length)], actor, at, true);
      pull.branch = actor.bot() ? "dependabot/pip/django-4.2.16" : "fix-" + pull.number;
      pull.head = sha();
      repo.openPulls.add(pull);
      ObjectNode payload = JSON.createObjectNode().put("action", "opened").put("number", pull.number);
      payload.set("pull_request", pullJson(repo, pull, "open", null, null));
      return event("PullRequestEvent", actor, repo, payload, at);
    }

    private ObjectNode pullRequestClosed(Repo repo, Person actor, Instant at, boolean merged) {
      Item pull = repo.openPulls.remove(random.nextInt(repo.openPulls.size()));
      Instant mergedAt = merged ? at.minusSeconds(1 + random.nextInt(3)) : null;
      ObjectNode payload = JSON.createObjectNode().put("action", "closed").put("number", pull.number);
      payload.set("pull_request", pullJson(repo, pull, "closed", at, merged ? actor : null));
      ((ObjectNode) payload.get("pull_request")).put("merged_at", mergedAt == null ? null : mergedAt.toString());
      return event("PullRequestEvent", actor, repo, payload, at);
    }

    private ObjectNode review(Repo repo, Person actor, Instant at) {
      Item pull = repo.openPulls.get(random.nextInt(repo.openPulls.size()));
      long id = ++objectId;
      String[] states = {"approved", "commented", "changes_requested"};
      ObjectNode review = JSON.createObjectNode().put("id", id).put("node_id", "PRR_kwDO" + Long.toString(id, 36));
      review.set("user", user(actor));
      review.put("body", random.nextBoolean() ? "" : COMMENTS[random.nextInt(COMMENTS.length)])
          .put("commit_id", pull.head)
          .put("submitted_at", at.minusSeconds(random.nextInt(2)).toString())
          .put("state", states[random.nextInt(states.length)])
          .put("html_url", pullUrl(repo, pull) + "#pullrequestreview-" + id)
          .put("pull_request_url", api(repo) + "/pulls/" + pull.number)
          .put("author_association", association(actor));
      ObjectNode payload = JSON.createObjectNode().put("action", "created");
      payload.set("review", review);
      payload.set("pull_request", pullJson(repo, pull, "open", null, null));
      return event("PullRequestReviewEvent", actor, repo, payload, at);
    }

    private ObjectNode reviewComment(Repo repo, Person actor, Instant at) {
      Item pull = repo.openPulls.get(random.nextInt(repo.openPulls.size()));
      long id = ++objectId;
      pull.reviewComments++;
      ObjectNode comment = JSON.createObjectNode()
          .put("url", api(repo) + "/pulls/comments/" + id)
          .put("pull_request_review_id", id - 1)
          .put("id", id)
          .put("node_id", "PRRC_kwDO" + Long.toString(id, 36))
          .put("diff_hunk", "@@ -12,7 +12,8 @@ def search(request):")
          .put("path", "kitsune/search/views.py")
          .put("commit_id", pull.head)
          .put("original_commit_id", pull.head);
      comment.set("user", user(actor));
      comment.put("body", COMMENTS[random.nextInt(COMMENTS.length)])
          .put("created_at", at.toString()).put("updated_at", at.toString())
          .put("html_url", pullUrl(repo, pull) + "#discussion_r" + id)
          .put("pull_request_url", api(repo) + "/pulls/" + pull.number)
          .put("author_association", association(actor))
          .put("line", 10 + random.nextInt(200)).put("side", "RIGHT");
      ObjectNode payload = JSON.createObjectNode().put("action", "created");
      payload.set("comment", comment);
      payload.set("pull_request", pullJson(repo, pull, "open", null, null));
      return event("PullRequestReviewCommentEvent", actor, repo, payload, at);
    }

    private ObjectNode push(Repo repo, Person actor, Instant at, String branch) {
      int size = 1 + random.nextInt(3);
      ArrayNode commits = JSON.createArrayNode();
      String before = repo.head;
      for (int i = 0; i < size; i++) {
        String sha = sha();
        String name = actor.commitName();
        String email = actor.commitEmail();
        for (Guest guest : spec.guests()) {
          if (guest.pushedBy().equals(actor.login()) && random.nextDouble() < guest.share()) {
            name = guest.name();
            email = guest.email();
          }
        }
        ObjectNode commit = commits.addObject().put("sha", sha);
        commit.putObject("author").put("email", email).put("name", name);
        commit.put("message", COMMIT_MESSAGES[random.nextInt(COMMIT_MESSAGES.length)])
            .put("distinct", true)
            .put("url", api(repo) + "/commits/" + sha);
        if (branch.equals("main")) {
          repo.head = sha;
        }
      }
      String head = commits.get(size - 1).get("sha").asText();
      ObjectNode payload = JSON.createObjectNode()
          .put("repository_id", repo.id)
          .put("push_id", ++pushId)
          .put("size", size)
          .put("distinct_size", size)
          .put("ref", "refs/heads/" + branch)
          .put("head", head)
          .put("before", before);
      payload.set("commits", commits);
      return event("PushEvent", actor, repo, payload, at);
    }

    private ObjectNode watch(Repo repo, Person actor, Instant at) {
      return event("WatchEvent", actor, repo, JSON.createObjectNode().put("action", "started"), at);
    }

    private ObjectNode fork(Repo repo, Person actor, Instant at) {
      long id = 860_000_000L + random.nextInt(10_000_000);
      String name = repo.name.substring(repo.name.indexOf('/') + 1);
      ObjectNode forkee = JSON.createObjectNode().put("id", id).put("node_id", "R_kgDO" + Long.toString(id, 36))
          .put("name", name).put("full_name", actor.login() + "/" + name).put("private", false);
      forkee.set("owner", user(actor));
      forkee.put("html_url", "https://github.com/" + actor.login() + "/" + name).put("fork", true)
          .put("created_at", at.toString()).put("public", true);
      ObjectNode payload = JSON.createObjectNode();
      payload.set("forkee", forkee);
      return event("ForkEvent", actor, repo, payload, at);
    }

    private ObjectNode createBranch(Repo repo, Person actor, Instant at, String type) {
      ObjectNode payload = JSON.createObjectNode().put("ref", "fix-" + (100 + random.nextInt(900)))
          .put("ref_type", "branch");
      if (type.equals("CreateEvent")) {
        payload.put("master_branch", "main").putNull("description");
      }
      payload.put("pusher_type", "user");
      return event(type, actor, repo, payload, at);
    }

    private ObjectNode event(String type, Person actor, Repo repo, ObjectNode payload, Instant at) {
      ObjectNode event = JSON.createObjectNode().put("id", Long.toString(eventId += 1 + random.nextInt(40)))
          .put("type", type);
      event.putObject("actor").put("id", actor.id()).put("login", actor.login())
          .put("display_login", actor.bot() ? actor.login().replace("[bot]", "") : actor.login())
          .put("gravatar_id", "").put("url", "https://api.github.com/users/" + actor.login())
          .put("avatar_url", "https://avatars.githubusercontent.com/u/" + actor.id() + "?");
      event.putObject("repo").put("id", repo.id).put("name", repo.name).put("url", api(repo));
      event.set("payload", payload);
      event.put("public", true).put("created_at", at.toString());
      String owner = repo.name.substring(0, repo.name.indexOf('/'));
      if (owner.equals("mozilla")) {
        event.putObject("org").put("id", 131524).put("login", "mozilla").put("gravatar_id", "")
            .put("url", "https://api.github.com/orgs/mozilla")
            .put("avatar_url", "https://avatars.githubusercontent.com/u/131524?");
      }
      return event;
    }

    private ObjectNode issueJson(Repo repo, Item item, String state, Instant closedAt) {
      String number = Long.toString(item.number);
      ObjectNode issue = JSON.createObjectNode()
          .put("url", api(repo) + "/issues/" + number)
          .put("repository_url", api(repo))
          .put("labels_url", api(repo) + "/issues/" + number + "/labels{/name}")
          .put("comments_url", api(repo) + "/issues/" + number + "/comments")
          .put("events_url", api(repo) + "/issues/" + number + "/events")
          .put("html_url", "https://github.com/" + repo.name + (item.pull ? "/pull/" : "/issues/") + number)
          .put("id", item.id)
          .put("node_id", (item.pull ? "PR_kwDO" : "I_kwDO") + Long.toString(item.id, 36))
          .put("number", item.number)
          .put("title", item.title);
      issue.set("user", user(item.author));
      issue.putArray("labels");
      issue.put("state", state).put("locked", false).putNull("assignee");
      issue.putArray("assignees");
      issue.putNull("milestone");
      issue.put("comments", item.comments)
          .put("created_at", item.createdAt.toString())
          .put("updated_at", (closedAt == null ? item.createdAt : closedAt).toString())
          .put("closed_at", closedAt == null ? null : closedAt.toString())
          .put("author_association", association(item.author));
      if (item.pull) {
        issue.putObject("pull_request").put("url", api(repo) + "/pulls/" + number)
            .put("html_url", pullUrl(repo, item)).put("diff_url", pullUrl(repo, item) + ".diff")
            .put("patch_url", pullUrl(repo, item) + ".patch").putNull("merged_at");
      }
      issue.put("body", "Steps to reproduce and what I expected are below.").put("state_reason",
          closedAt == null ? null : "completed");
      return issue;
    }

    private ObjectNode pullJson(Repo repo, Item pull, String state, Instant closedAt, Person mergedBy) {
      ObjectNode pr = JSON.createObjectNode()
          .put("url", api(repo) + "/pulls/" + pull.number)
          .put("id", pull.id)
          .put("node_id", "PR_kwDO" + Long.toString(pull.id, 36))
          .put("html_url", pullUrl(repo, pull))
          .put("diff_url", pullUrl(repo, pull) + ".diff")
          .put("patch_url", pullUrl(repo, pull) + ".patch")
          .put("issue_url", api(repo) + "/issues/" + pull.number)
          .put("number", pull.number)
          .put("state", state)
          .put("locked", false)
          .put("title", pull.title);
      pr.set("user", user(pull.author));
      pr.put("body", "Fixes the issue described in the title.")
          .put("created_at", pull.createdAt.toString())
          .put("updated_at", (closedAt == null ? pull.createdAt : closedAt).toString())
          .put("closed_at", closedAt == null ? null : closedAt.toString())
          .putNull("merged_at")
          .put("merge_commit_sha", mergedBy == null ? null : sha())
          .put("draft", false);
      ObjectNode head = pr.putObject("head").put("label", pull.author.login() + ":" + pull.branch)
          .put("ref", pull.branch).put("sha", pull.head);
      head.set("user", user(pull.author));
      pr.putObject("base").put("label", repo.name.replace('/', ':')).put("ref", "main").put("sha", repo.head);
      pr.put("author_association", association(pull.author)).put("merged", mergedBy != null);
      if (mergedBy != null) {
        pr.set("merged_by", user(mergedBy));
      } else {
        pr.putNull("merged_by");
      }
      pr.put("comments", pull.comments).put("review_comments", pull.reviewComments)
          .put("commits", 1 + (int) (pull.id % 4)).put("additions", 3 + pull.id % 120)
          .put("deletions", pull.id % 40).put("changed_files", 1 + pull.id % 6);
      return pr;
    }

    private ObjectNode user(Person p) {
      return JSON.createObjectNode().put("login", p.login()).put("id", p.id())
          .put("node_id", "MDQ6VXNlcj" + Long.toString(p.id(), 36))
          .put("avatar_url", "https://avatars.githubusercontent.com/u/" + p.id() + "?v=4")
          .put("gravatar_id", "")
          .put("url", "https://api.github.com/users/" + p.login())
          .put("html_url", "https://github.com/" + p.login())
          .put("type", p.bot() ? "Bot" : "User")
          .put("site_admin", false);
    }

    private static String association(Person p) {
      return p.maintainer() ? "MEMBER" : p.bot() ? "NONE" : "CONTRIBUTOR";
    }

    private static String api(Repo repo) {
      return "https://api.github.com/repos/" + repo.name;
    }

    private static String pullUrl(Repo repo, Item pull) {
      return "https://github.com/" + repo.name + "/pull/" + pull.number;
    }

    private String sha() {
      StringBuilder sb = new StringBuilder(40);
      for (int i = 0; i < 40; i++) {
        sb.append(Character.forDigit(random.nextInt(16), 16));
      }
      return sb.toString();
    }
  }

  /** A repository's open issues and pull requests, and where its main branch is. */
  private static final class Repo {
    final String name;
    final long id;
    int nextNumber;
    String head;
    final List<Item> openIssues = new ArrayList<>();
    final List<Item> openPulls = new ArrayList<>();

    Repo(String name, long id, int nextNumber) {
      this.name = name;
      this.id = id;
      this.nextNumber = nextNumber;
      this.head = Long.toHexString(id * 2654435761L) + "00000000000000000000000000000000";
      this.head = head.substring(0, 40);
    }
  }

  /** An issue or a pull request. */
  private static final class Item {
    final int number;
    final long id;
    final String title;
    final Person author;
    final Instant createdAt;
    final boolean pull;
    String branch;
    String head;
    int comments;
    int reviewComments;

    Item(int number, long id, String title, Person author, Instant createdAt, boolean pull) {
      this.number = number;
      this.id = id;
      this.title = title;
      this.author = author;
      this.createdAt = createdAt;
      this.pull = pull;
    }
  }

  private GhArchiveSampleWriter() {
  }
}
