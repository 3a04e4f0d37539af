package org.communitylifecycle.contributor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.communitylifecycle.community.CommunityDirectory;
import org.communitylifecycle.identity.Teams;
import org.communitylifecycle.testsupport.RunningApplication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Contributors through the whole application: the REST API as the demo users, the CSV import by
 * HTTP and by command line, the Tasklist process, and the demo data. Each test works on a
 * community of its own; today is the real today, and dates are counted back from it.
 */
class ContributorsIT extends RunningApplication {

  static final String BASE = "/api/communities/";
  static final LocalDate T = LocalDate.now();

  @Autowired TestRestTemplate rest;
  @Autowired CommunityDirectory directory;
  @Autowired ContributorService service;
  @Autowired ContributorFigures figures;
  @Autowired JdbcClient jdbc;
  @Autowired org.springframework.jdbc.core.JdbcTemplate template;
  @Autowired IdentityService identity;
  @Autowired DecisionService decisions;
  @Autowired PlatformTransactionManager transactions;

  @BeforeEach
  void communitiesAndAnotherActivator() {
    for (String key : List.of("it-rest", "it-bad-json", "it-import", "it-bad-import", "it-cli", "it-tasklist", "it-gap")) {
      if (directory.find(key).isEmpty()) {
        directory.enterStage(key, "IT " + key, "alice", "bob", "learning-and-preparing-for-growth");
      }
      // Not started through a stage, so the test forms the community's teams itself.
      Teams.ensure(identity, Teams.Kind.ACTIVATORS, key, "IT " + key, List.of("alice"));
      Teams.ensure(identity, Teams.Kind.LIAISONS, key, "IT " + key, List.of("bob"));
    }
    if (identity.createUserQuery().userId("erin").count() == 0) {
      User erin = identity.newUser("erin");
      erin.setPassword("demo");
      identity.saveUser(erin);
      identity.createMembership("erin", "activators");
    }
    if (identity.createUserQuery().userId("frank").count() == 0) {
      User frank = identity.newUser("frank");
      frank.setPassword("demo");
      identity.saveUser(frank);
    }
  }

  @Test
  void anonymousAndWrongPasswordGet401WithABasicChallenge() {
    ResponseEntity<String> anonymous = rest.getForEntity(BASE + "sumo-community/contributors", String.class);
    // Not a demo user: the engine makes a user wait after a wrong password, which would hold up the other tests.
    ResponseEntity<String> wrong = rest.withBasicAuth("frank", "wrong").getForEntity(BASE + "sumo-community/contributors", String.class);

    assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(anonymous.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).isEqualTo("Basic realm=\"community-lifecycle\"");
    assertThat(wrong.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void theCommunitysPeopleAndThePortfolioGroupsMayReadOthersGet403() {
    assertThat(status("bob", HttpMethod.GET, BASE + "sumo-community/contributors")).isEqualTo(HttpStatus.OK);
    assertThat(status("alice", HttpMethod.GET, BASE + "sumo-community/contributors")).isEqualTo(HttpStatus.OK);
    assertThat(status("dave", HttpMethod.GET, BASE + "sumo-community/contributors")).isEqualTo(HttpStatus.OK);

    ResponseEntity<Map> erin = rest.withBasicAuth("erin", "demo").getForEntity(BASE + "sumo-community/contributors", Map.class);
    assertThat(erin.getStatusCode()).as("an activator, but not this community's").isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(erin.getBody().get("detail").toString()).startsWith("'erin' may not see the contributors of 'sumo-community'");
    assertThat(status("carol", HttpMethod.GET, BASE + "sumo-community/contributors/kiki")).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(rest.withBasicAuth("erin", "demo").postForEntity(BASE + "sumo-community/contributors",
        Map.of("handle", "intruder"), String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(status("bob", HttpMethod.GET, BASE + "no-such-community/contributors")).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void demoCommunitiesHaveContributorsInEveryTier() {
    List<Map<String, Object>> sumo = list("bob", "sumo-community", "");
    assertThat(sumo).hasSize(28);
    assertThat(sumo).filteredOn(c -> c.get("tier").equals("core")).extracting(c -> c.get("handle"))
        .containsExactly("kiki", "mkarimi", "tchen");
    assertThat(list("bob", "sumo-community", "?tier=active")).hasSize(6);
    assertThat(list("bob", "sumo-community", "?tier=casual")).hasSize(15);
    assertThat(list("bob", "sumo-community", "?tier=none")).hasSize(4);

    assertThat(figures.contributors("sumo-community")).isEqualTo(28);
    assertThat(figures.newContributorsSince("sumo-community", T.minusDays(90))).isEqualTo(22);
    assertThat(figures.activeContributors("sumo-community", T)).isEqualTo(9);
    assertThat(figures.newCoreMembersSince("sumo-community", T.minusDays(365))).isEqualTo(1);

    assertThat(figures.contributors("common-voice-kenya")).isEqualTo(30);
    assertThat(figures.activeContributors("common-voice-kenya", T)).isEqualTo(12);
    assertThat(figures.contributors("mdn-localization")).isEqualTo(16);
    assertThat(figures.activeContributors("mdn-localization", T)).isEqualTo(11);
    assertThat(figures.contributors("mozfest-volunteers")).isEqualTo(12);
    assertThat(figures.activeContributors("mozfest-volunteers", T)).isEqualTo(2);

    assertThat(get("bob", BASE + "sumo-community/contributors/ROSA.P").get("handle")).as("dots and case in a handle").isEqualTo("rosa.p");

    Map<?, ?> petra = get("bob", BASE + "mdn-localization/contributors/petra");
    assertThat(petra.get("tier")).as("stepped down as locale owner, still active").isEqualTo("active");
    assertThat(conversions(petra)).endsWith("core", "active", T.minusDays(199).toString());
  }

  @Test
  void contributorsAreCreatedAndTheirTierFollowsTheirContributionsAndRoles() {
    ResponseEntity<Map> created = post("alice", BASE + "it-rest/contributors",
        Map.of("handle", "Kiki", "name", "Kiki Mwangi", "joinedOn", T.minusDays(100).toString()));
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(created.getHeaders().getLocation().getPath()).isEqualTo("/api/communities/it-rest/contributors/Kiki");
    assertThat(created.getBody().get("tier")).isEqualTo("none");

    for (int i = 6; i >= 1; i--) {
      ResponseEntity<Map> recorded = post("alice", BASE + "it-rest/contributors/kiki/activities",
          Map.of("date", T.minusDays(i * 10).toString(), "kind", "Support"));
      assertThat(recorded.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }
    ResponseEntity<Map> again = post("alice", BASE + "it-rest/contributors/kiki/activities",
        Map.of("date", T.minusDays(10).toString(), "kind", "support"));
    assertThat(again.getStatusCode()).as("the same contribution again").isEqualTo(HttpStatus.OK);
    assertThat(again.getBody()).containsEntry("added", false).containsEntry("tierChanged", false);

    Map<?, ?> kiki = get("bob", BASE + "it-rest/contributors/kiki");
    assertThat(kiki.get("tier")).isEqualTo("active");
    assertThat((List<?>) kiki.get("contributions")).hasSize(6);
    assertThat(conversions(kiki)).containsExactly(
        "none", "casual", T.minusDays(60).toString(), "casual", "active", T.minusDays(10).toString());
    assertThat(((Map<?, ?>) kiki.get("nextTierChange")).get("changedOn"))
        .as("the day the first of six leaves the 12-month window").isEqualTo(T.minusDays(60).plusMonths(12).toString());

    ResponseEntity<Map> role = post("bob", BASE + "it-rest/contributors/KIKI/roles",
        Map.of("role", "Swahili locale lead", "from", T.minusDays(5).toString()));
    assertThat(role.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(role.getBody()).containsEntry("previousTier", "active").containsEntry("tierChanged", true);
    assertThat(((Map<?, ?>) role.getBody().get("contributor")).get("tier")).isEqualTo("core");

    List<Map<String, Object>> changes = getList("bob", BASE + "it-rest/contributors/conversions?since=" + T.minusDays(30));
    assertThat(changes).extracting(c -> c.get("toTier")).containsExactly("active", "core");
    assertThat(figures.activeContributors("it-rest", T)).isEqualTo(1);
    assertThat(figures.newCoreMembersSince("it-rest", T.minusDays(5))).isEqualTo(1);
    Map<Object, Object> viaRest = (Map<Object, Object>) get("bob", BASE + "it-rest/contributors/figures?since=" + T.minusDays(100));
    assertThat(viaRest).containsEntry("contributors", 1).containsEntry("newContributorsSince", 1)
        .containsEntry("activeContributors", 1).containsEntry("newCoreMembersSince", 1);

    ResponseEntity<Map> duplicate = post("alice", BASE + "it-rest/contributors", Map.of("handle", "kiki"));
    assertThat(duplicate.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(duplicate.getBody().get("detail"))
        .isEqualTo("The community 'it-rest' already has the contributor 'Kiki' (handles ignore case, so 'kiki' is the same)");
    assertThat(status("bob", HttpMethod.GET, BASE + "it-rest/contributors/nobody")).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void badJsonGets400ListingEveryFieldAndChangesNothing() {
    ResponseEntity<Map> bad = post("alice", BASE + "it-bad-json/contributors",
        Map.of("handle", "import", "name", "x".repeat(121), "joinedOn", "yesterday"));

    assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(bad.getBody().get("title")).isEqualTo("The contributor was not added");
    assertThat((List<Map<String, Object>>) bad.getBody().get("errors")).extracting(e -> e.get("field") + ": " + e.get("message"))
        .containsExactly(
            "handle: handle 'import' is reserved by the API; choose another handle",
            "name: name is longer than 120 characters",
            "joinedOn: joinedOn 'yesterday' is not a date: use YYYY-MM-DD, for example 2026-03-02");

    post("alice", BASE + "it-bad-json/contributors", Map.of("handle", "late", "joinedOn", T.minusDays(3).toString()));
    ResponseEntity<Map> early = post("alice", BASE + "it-bad-json/contributors/late/activities",
        Map.of("date", T.minusDays(4).toString(), "kind", "code"));
    assertThat(early.getBody().get("detail")).isEqualTo("date " + T.minusDays(4)
        + " is before 'late' joined the pathway on " + T.minusDays(3) + "; correct the date, or the day they joined");
    assertThat(get("bob", BASE + "it-bad-json/contributors/late").get("contributions")).isEqualTo(List.of());

    HttpHeaders json = new HttpHeaders();
    json.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<Map> unreadable = rest.withBasicAuth("alice", "demo")
        .postForEntity(BASE + "it-bad-json/contributors", new HttpEntity<>("{\"handle\": ", json), Map.class);
    assertThat(unreadable.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(unreadable.getBody().get("detail").toString()).startsWith("The request body must be a JSON object");
  }

  @Test
  void aCsvImportAddsContributorsAndTheirConversionPoints() {
    ResponseEntity<Map> imported = importCsv("bob", "it-import", goodCsv());

    assertThat(imported.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(imported.getBody()).isEqualTo(Map.of("rows", 11, "contributorsAdded", 4, "contributorsUpdated", 0,
        "contributionsAdded", 8, "rolesAdded", 1, "rolesUpdated", 0, "contributorsWithNewTierHistory", 3));
    assertThat(list("bob", "it-import", "")).extracting(c -> c.get("handle") + ":" + c.get("tier") + ":" + c.get("joinedOn"))
        .containsExactly("ana:active:" + T.minusDays(200), "ben:core:" + T.minusDays(100), "cleo:none:" + T.minusDays(20),
            "dev:casual:" + T.minusDays(400));
    assertThat(getList("bob", BASE + "it-import/contributors/conversions"))
        .extracting(c -> c.get("handle") + " " + c.get("fromTier") + ">" + c.get("toTier") + " " + c.get("changedOn"))
        .containsExactly(
            "dev none>casual " + T.minusDays(400),
            "ana none>casual " + T.minusDays(190),
            "ben none>casual " + T.minusDays(100),
            "ben casual>core " + T.minusDays(50),
            "ana casual>active " + T.minusDays(30));
    assertThat(figures.contributors("it-import")).isEqualTo(4);
    assertThat(figures.newContributorsSince("it-import", T.minusDays(150))).isEqualTo(2);
    assertThat(figures.activeContributors("it-import", T)).isEqualTo(2);
    assertThat(figures.activeContributors("it-import", T.minusDays(55))).as("before ana's sixth and ben's role").isZero();
    assertThat(figures.newCoreMembersSince("it-import", T.minusDays(365))).isEqualTo(1);

    ResponseEntity<Map> again = importCsv("bob", "it-import", goodCsv());
    assertThat(again.getBody()).as("a re-import adds nothing").isEqualTo(Map.of("rows", 11, "contributorsAdded", 0,
        "contributorsUpdated", 0, "contributionsAdded", 0, "rolesAdded", 0, "rolesUpdated", 0, "contributorsWithNewTierHistory", 0));
    assertThat(count("cl_contribution", "it-import")).isEqualTo(8);
    assertThat(count("cl_contributor_role", "it-import")).isEqualTo(1);
    assertThat(count("cl_tier_change", "it-import")).isEqualTo(6);
  }

  @Test
  void aCsvWithBadRowsReportsEachByLineAndImportsNothing() {
    String csv = String.join("\n",
        "handle,joined_on,activity_date,activity_kind,role,role_from,role_to",
        "kiki@x," + d(10) + "," + d(5) + ",code,,,",
        "zoe," + d(10) + "," + T.plusDays(3) + ",code,,,",
        "yan," + d(10) + "," + d(5) + ",docs,,,",
        "yan," + d(12) + "," + d(4) + ",docs,,,",
        "xia," + d(10) + ",,,Lead," + d(5) + "," + d(8),
        "wu," + d(10) + ",2026-02-30,docs,,,",
        "vic," + d(10) + "," + d(5) + ",,,,",
        "uri," + d(10) + "," + d(20) + ",docs,,,",
        "ok," + d(10) + "," + d(5) + ",docs,,,",
        "");

    ResponseEntity<Map> rejected = importCsv("bob", "it-bad-import", csv);

    assertThat(rejected.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(rejected.getBody().get("title")).isEqualTo("Nothing was imported: 7 rows have problems");
    assertThat((List<Map<String, Object>>) rejected.getBody().get("errors")).extracting(e -> e.get("line") + " " + e.get("message"))
        .containsExactly(
            "2 handle 'kiki@x' is not a handle: use up to 64 letters, digits, '.', '_' or '-', starting with a letter or digit",
            "3 activity_date " + T.plusDays(3) + " is in the future; record what has happened, up to today (" + T + ")",
            "5 joined_on " + d(12) + " differs from " + d(10) + " on line 4 for the same contributor 'yan'",
            "6 role_to " + d(8) + " is before role_from " + d(5) + ": a role ends on or after its first day",
            "7 activity_date '2026-02-30' is not a date: use YYYY-MM-DD, for example 2026-03-02",
            "8 activity_kind is missing: say what kind of contribution it was, for example code, docs, translation, support, event or review",
            "9 activity_date " + d(20) + " is before 'uri' joined the pathway on " + d(10) + "; correct the date, or the day they joined");
    assertThat(status("bob", HttpMethod.GET, BASE + "it-bad-import/contributors/ok")).as("the good row neither").isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(figures.contributors("it-bad-import")).isZero();
  }

  @Test
  void importingIntoAnUnknownCommunityGets404AndWritesNothing() {
    ResponseEntity<Map> unknown = importCsv("bob", "no-such-community", goodCsv());

    assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(unknown.getBody().get("detail")).isEqualTo("There is no community with the key 'no-such-community'");
    assertThat(count("cl_contributor", "no-such-community")).isZero();
  }

  @Test
  void theCommandLineImportExitsWith0WhenImportedAnd1WhenNot(@TempDir Path dir) throws Exception {
    Path good = Files.writeString(dir.resolve("good.csv"), goodCsv());
    Path bad = Files.writeString(dir.resolve("bad.csv"), "handle,activity_date\nkiki,someday\n");
    List<Integer> exits = new ArrayList<>();
    ContributorImportCommand command = new ContributorImportCommand(service, exits::add);

    command.run(new DefaultApplicationArguments("--import-contributors=it-cli:" + good));
    command.run(new DefaultApplicationArguments("--import-contributors=it-cli:" + good));
    command.run(new DefaultApplicationArguments("--import-contributors=it-cli:" + bad));
    command.run(new DefaultApplicationArguments("--import-contributors=no-such-community:" + good));
    command.run(new DefaultApplicationArguments("--import-contributors=it-cli:" + dir.resolve("missing.csv")));
    command.run(new DefaultApplicationArguments("--import-contributors=it-cli"));
    command.run(new DefaultApplicationArguments("--server.port=0"));

    assertThat(exits).containsExactly(0, 0, 1, 1, 1, 1);
    assertThat(figures.contributors("it-cli")).isEqualTo(4);
    assertThat(count("cl_contribution", "it-cli")).isEqualTo(8);
  }

  @Test
  void aGapInTheTierRulesNamesTheContributorAndTheInputsAndWritesNothing() {
    TierDecision gappy = new TierDecision(decisions, identity) {
      @Override
      Tier decide(Inputs inputs) {
        return inputs.contributionsEver() >= 2 ? null : super.decide(inputs);
      }
    };
    ContributorService withGap = new ContributorService(directory, new ContributorStore(jdbc, template), gappy,
        new ContributorProperties("P12M", 100));
    TransactionTemplate transaction = new TransactionTemplate(transactions);

    assertThatThrownBy(() -> transaction.executeWithoutResult(s -> withGap.importCsv("it-gap", goodCsv())))
        .isInstanceOf(ContributorExceptions.TierRuleGap.class)
        .hasMessage("No rule of the decision 'contributor-tier' gives a tier for contributor 'ana' of 'it-gap' on "
            + T.minusDays(150) + " (holdsRole=false, contributionsInWindow=2, contributionsEver=2), so nothing was recorded."
            + " A process designer must add a rule for these inputs to processes/contributor-tier.dmn.");
    assertThat(figures.contributors("it-gap")).isZero();
  }

  @Test
  void aliceAndBobRecordActivityThroughTheTasklistStartForm() {
    ResponseEntity<Map> first = startRecording("alice", Map.of("communityKey", "it-tasklist", "handle", "ngozi",
        "activityDate", d(3), "activityKind", "event", "role", "Meetup organizer"));
    assertThat(first.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(first.getBody().get("businessKey")).isEqualTo("it-tasklist");
    assertThat((Map<Object, Object>) get("bob", BASE + "it-tasklist/contributors/ngozi"))
        .containsEntry("tier", "core").containsEntry("joinedOn", d(3));

    ResponseEntity<Map> byBob = startRecording("bob", Map.of("communityKey", "it-tasklist", "handle", "ngozi",
        "activityDate", d(2), "activityKind", "review"));
    assertThat(byBob.getStatusCode()).as("liaisons may record too").isEqualTo(HttpStatus.OK);

    ResponseEntity<Map> bad = startRecording("alice", Map.of("communityKey", "it-tasklist", "handle", "new.person",
        "activityDate", T.plusDays(1).toString(), "activityKind", "event"));
    assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(bad.getBody().get("message").toString()).endsWith("The contribution was not recorded: Date of the contribution "
        + T.plusDays(1) + " is in the future; record what has happened, up to today (" + T + ")");
    assertThat(status("bob", HttpMethod.GET, BASE + "it-tasklist/contributors/new.person")).isEqualTo(HttpStatus.NOT_FOUND);

    assertThat(startRecording("erin", Map.of("communityKey", "it-tasklist", "handle", "x", "activityDate", d(1),
        "activityKind", "code")).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(startRecording("dave", Map.of("communityKey", "it-tasklist", "handle", "x", "activityDate", d(1),
        "activityKind", "code")).getStatusCode()).as("community leads may not start it").isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(count("cl_contribution", "it-tasklist")).isEqualTo(2);
  }

  // --- helpers ---

  static String goodCsv() {
    return String.join("\n",
        "handle,name,joined_on,activity_date,activity_kind,activity_reference,role,role_from,role_to",
        "ana,Ana Lima," + d(200) + ",,,,,,",
        "ana,,," + d(190) + ",translation,,,,",
        "ana,,," + d(150) + ",translation,,,,",
        "ana,,," + d(120) + ",review,,,,",
        "ana,,," + d(90) + ",translation,,,,",
        "ana,,," + d(60) + ",translation,,,,",
        "ana,,," + d(30) + ",review,,,,",
        "ben,,\"" + d(100) + "\"," + d(100) + ",code,\"PR 1, the first\",,,",
        "ben,,,,,,Module owner," + d(50) + ",",
        "cleo,," + d(20) + ",,,,,,",
        "dev,,," + d(400) + ",docs,,,,",
        "");
  }

  static String d(int daysAgo) {
    return T.minusDays(daysAgo).toString();
  }

  private ResponseEntity<Map> importCsv(String user, String community, String csv) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.parseMediaType("text/csv"));
    return rest.withBasicAuth(user, "demo")
        .postForEntity(BASE + community + "/contributors/import", new HttpEntity<>(csv, headers), Map.class);
  }

  private ResponseEntity<Map> startRecording(String user, Map<String, Object> values) {
    Map<String, Object> variables = new java.util.HashMap<>();
    values.forEach((k, v) -> variables.put(k, Map.of("value", v)));
    return rest.withBasicAuth(user, "demo").postForEntity(
        "/engine-rest/process-definition/key/" + RecordContributorActivityContract.PROCESS_KEY + "/submit-form", Map.of("variables", variables), Map.class);
  }

  private ResponseEntity<Map> post(String user, String path, Object body) {
    return rest.withBasicAuth(user, "demo").postForEntity(path, body, Map.class);
  }

  private HttpStatus status(String user, HttpMethod method, String path) {
    return HttpStatus.valueOf(rest.withBasicAuth(user, "demo").exchange(path, method, null, String.class).getStatusCode().value());
  }

  private Map<?, ?> get(String user, String path) {
    ResponseEntity<Map> response = rest.withBasicAuth(user, "demo").getForEntity(path, Map.class);
    assertThat(response.getStatusCode()).as("GET %s as %s: %s", path, user, response.getBody()).isEqualTo(HttpStatus.OK);
    return response.getBody();
  }

  private List<Map<String, Object>> getList(String user, String path) {
    ResponseEntity<List<Map<String, Object>>> response = rest.withBasicAuth(user, "demo")
        .exchange(path, HttpMethod.GET, null, new ParameterizedTypeReference<List<Map<String, Object>>>() {});
    assertThat(response.getStatusCode()).as("GET %s as %s", path, user).isEqualTo(HttpStatus.OK);
    return response.getBody();
  }

  private List<Map<String, Object>> list(String user, String community, String query) {
    return getList(user, BASE + community + "/contributors" + query);
  }

  /** fromTier, toTier, changedOn of each conversion point, flattened. */
  private static List<Object> conversions(Map<?, ?> contributor) {
    List<Object> flat = new ArrayList<>();
    for (Object change : (List<?>) contributor.get("tierChanges")) {
      Map<?, ?> c = (Map<?, ?>) change;
      flat.addAll(List.of(c.get("fromTier"), c.get("toTier"), c.get("changedOn")));
    }
    return flat;
  }

  private long count(String table, String community) {
    String join = table.equals("cl_contributor") ? " c" : " x join cl_contributor c on c.id = x.contributor_id";
    return jdbc.sql("select count(*) from " + table + join + " where c.community_key = :community")
        .param("community", community).query(Long.class).single();
  }
}
