package org.communitylifecycle.alumni;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.communitylifecycle.testsupport.RunningApplication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.context.WebApplicationContext;

/**
 * The public alumni pages over HTTP, as residents and alumni use them: no login, the hub host's
 * links from Tasklist's REST API, the feedback form with its validation, the alumni page,
 * withdrawal, replays, and the rate limit.
 */
class AlumniPublicPagesIT extends RunningApplication {

  private static final Pattern FORM_TOKEN = Pattern.compile("name=\"formToken\" value=\"([^\"]+)\"");
  private static final Pattern WITHDRAW_LINK = Pattern.compile("/alumni/withdraw/([A-Za-z0-9_-]{43})");

  @Autowired TestRestTemplate rest;
  @Autowired ManagementService management;
  @Autowired WebApplicationContext context;
  @Autowired PublicPagesGuard guard;
  @Autowired AlumniProperties properties;

  String hub;
  String hubKey;

  @BeforeEach
  void hub() {
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    hub = "Lisbon Hub " + suffix;
    hubKey = "lisbon-hub-" + suffix;
  }

  @Test
  void aResidentJoinsIsListedAndWithdrawsWithoutEverLoggingIn() {
    Map<String, String> links = inviteCohort("Nadia Karim, nadia@example.org\nPaul Meyer, paul@example.org");
    String formToken = nadiaOpensHerForm(links);
    String withdrawal = nadiaJoinsAfterAForgedAndAnInvalidPost(links, formToken);
    herLinkWorksOnce(links, formToken);
    paulDeclinesAndOnlyNadiaIsListed(links);
    nadiaWithdraws(withdrawal);
  }

  private String nadiaOpensHerForm(Map<String, String> links) {
    ResponseEntity<String> form = rest.getForEntity("/alumni/feedback/" + links.get("nadia@example.org"), String.class);
    assertThat(form.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(form.getBody()).contains("<html lang=\"en\">", "Stay in touch with " + hub, "Hello <span>Nadia Karim</span>",
        "<legend>May we store your details?</legend>", "<legend>May we contact you about reunions and opportunities?</legend>",
        "<legend>May we list you on the alumni page?</legend>", "<label class=\"block\" for=\"upTo\">");
    assertThat(form.getHeaders().getFirst("Cache-Control")).isEqualTo("no-store");
    assertThat(form.getHeaders().getFirst("Referrer-Policy")).isEqualTo("no-referrer");
    String formToken = formToken(form.getBody());
    return formToken;
  }

  private String nadiaJoinsAfterAForgedAndAnInvalidPost(Map<String, String> links, String formToken) {
    ResponseEntity<String> forged = post("/alumni/feedback/" + links.get("nadia@example.org"),
        Map.of("store", "yes", "contact", "yes", "list", "yes"));
    assertThat(forged.getStatusCode()).as("a post from a page we did not serve").isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(forged.getBody()).contains("This form has expired");

    ResponseEntity<String> invalid = post("/alumni/feedback/" + links.get("nadia@example.org"),
        Map.of("store", "no", "list", "yes", "formToken", formToken));
    assertThat(invalid.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(invalid.getBody()).contains("<title>Error: Stay in touch", "There is a problem",
        "<a href=\"#list\">To list you we need to store your name", "aria-describedby=\"list-hint list-error\"",
        "value=\"no\" checked", "value=\"yes\" checked");

    ResponseEntity<String> joined = post("/alumni/feedback/" + links.get("nadia@example.org"), Map.of(
        "store", "yes", "contact", "yes", "list", "yes", "upTo", "Restoring a <b>barn</b> in Alentejo", "formToken", formToken(invalid.getBody())));
    assertThat(joined.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(joined.getBody()).contains("Keep this link to withdraw", properties.publicBaseUrl() + "/alumni/withdraw/");
    String withdrawal = match(WITHDRAW_LINK, joined.getBody());
    return withdrawal;
  }

  private void herLinkWorksOnce(Map<String, String> links, String formToken) {
    ResponseEntity<String> replay = post("/alumni/feedback/" + links.get("nadia@example.org"), Map.of(
        "store", "no", "contact", "no", "list", "no", "formToken", formToken));
    assertThat(replay.getStatusCode()).isEqualTo(HttpStatus.GONE);
    assertThat(replay.getBody()).contains("This link has been used");
    assertThat(rest.getForEntity("/alumni/feedback/" + links.get("nadia@example.org"), String.class).getStatusCode())
        .isEqualTo(HttpStatus.GONE);
  }

  private void paulDeclinesAndOnlyNadiaIsListed(Map<String, String> links) {
    ResponseEntity<String> paulDeclines = post("/alumni/feedback/" + links.get("paul@example.org"), Map.of(
        "store", "no", "formToken", formToken(rest.getForEntity("/alumni/feedback/" + links.get("paul@example.org"), String.class).getBody())));
    assertThat(paulDeclines.getBody()).contains("we keep nothing about you").doesNotContain("withdraw/");

    ResponseEntity<String> everyHub = rest.getForEntity("/alumni", String.class);
    assertThat(everyHub.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(everyHub.getBody()).contains("<html lang=\"en\">", hub, "Nadia Karim", "Restoring a &lt;b&gt;barn&lt;/b&gt; in Alentejo")
        .doesNotContain("nadia@example.org", "Paul Meyer");
    assertThat(rest.getForEntity("/alumni/" + hubKey, String.class).getBody()).contains("Alumni of " + hub, "Nadia Karim");
    assertThat(rest.getForEntity("/alumni/no-such-hub", String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  private void nadiaWithdraws(String withdrawal) {
    ResponseEntity<String> record = rest.getForEntity("/alumni/withdraw/" + withdrawal, String.class);
    assertThat(record.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(record.getBody()).contains("nadia@example.org", "Withdraw and erase my details");
    assertThat(post("/alumni/withdraw/" + withdrawal, Map.of()).getStatusCode()).as("without the page's token")
        .isEqualTo(HttpStatus.BAD_REQUEST);

    ResponseEntity<String> withdrawn = post("/alumni/withdraw/" + withdrawal, Map.of("formToken", formToken(record.getBody())));
    assertThat(withdrawn.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(withdrawn.getBody()).contains("Your details are erased");
    assertThat(rest.getForEntity("/alumni/" + hubKey, String.class).getBody()).doesNotContain("Nadia Karim")
        .contains("Nobody from this hub is listed yet");
    assertThat(post("/alumni/withdraw/" + withdrawal, Map.of("formToken", formToken(record.getBody()))).getStatusCode())
        .as("replayed").isEqualTo(HttpStatus.GONE);
  }

  @Test
  void linksAreSinglePurposeAndGarbageIsNotFound() {
    Map<String, String> links = inviteCohort("Rui Costa, rui@example.org");

    assertThat(rest.getForEntity("/alumni/withdraw/" + links.get("rui@example.org"), String.class).getStatusCode())
        .as("a feedback link is no withdrawal link").isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(rest.getForEntity("/alumni/feedback/not-a-token", String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(rest.getForEntity("/alumni/feedback/" + AlumniTokens.newToken(), String.class).getBody())
        .contains("This link is not valid");
  }

  @Test
  void thePublicPagesNeedNoLoginWhileTheRestStaysProtected() {
    HttpHeaders wrongLogin = new HttpHeaders();
    wrongLogin.setBasicAuth("dave", "wrong");
    assertThat(rest.exchange("/alumni", HttpMethod.GET, new HttpEntity<>(wrongLogin), String.class).getStatusCode())
        .as("the REST API's Basic filter does not apply").isEqualTo(HttpStatus.OK);
    assertThat(rest.getForEntity("/engine-rest/task", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(rest.getForEntity("/alumni/bergerac-hub", String.class).getBody())
        .as("the demo cohort's first resident answered").contains("Ana Lima", "Winter 2026 residency");

    ResponseEntity<String> aliceStarts = rest.withBasicAuth("alice", "demo").postForEntity(
        "/engine-rest/process-definition/key/" + AlumniNetworkContract.PROCESS_KEY + "/submit-form", startForm("X, x@example.org"), String.class);
    assertThat(aliceStarts.getStatusCode()).as("only hub hosts start the alumni network; others do not even see it")
        .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
  }

  @Test
  void oneAddressMakingTooManyRequestsIsAskedToWait() throws Exception {
    // The configured limit on a stopped clock: nothing refills while the requests run, however slow the machine.
    PublicPagesGuard stopped = new PublicPagesGuard(
        new TokenBuckets(properties.rateLimit().requests(), properties.rateLimit().period(), () -> 0L));
    MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).addFilter(stopped, "/alumni", "/alumni/*").build();
    String address = "198.51.100.77";
    for (int i = 0; i < properties.rateLimit().requests(); i++) {
      mvc.perform(get("/alumni").with(r -> { r.setRemoteAddr(address); return r; })).andExpect(status().isOk());
    }

    mvc.perform(get("/alumni").with(r -> { r.setRemoteAddr(address); return r; }))
        .andExpect(status().isTooManyRequests())
        .andExpect(header().string("Retry-After", "1"));
    // Another address is not affected.
    mvc.perform(get("/alumni").with(r -> { r.setRemoteAddr("192.0.2.1"); return r; })).andExpect(status().isOk());
  }

  // --- helpers ---

  /** hana lists the residents of a residency that ended yesterday; returns each one's feedback token from her task. */
  private Map<String, String> inviteCohort(String residents) {
    ResponseEntity<Map> started = rest.withBasicAuth("hana", "demo").postForEntity(
        "/engine-rest/process-definition/key/" + AlumniNetworkContract.PROCESS_KEY + "/submit-form", startForm(residents), Map.class);
    assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
    String instance = started.getBody().get("id").toString();
    Job ended = management.createJobQuery().processInstanceId(instance).activityId(AlumniNetworkContract.TIMER_RESIDENCY_ENDED).singleResult();
    management.executeJob(ended.getId());

    List<Map<String, Object>> tasks = rest.withBasicAuth("hana", "demo").exchange(
        "/engine-rest/task?processInstanceId=" + instance + "&taskDefinitionKey=" + AlumniNetworkContract.TASK_SEND_INVITATIONS,
        HttpMethod.GET, null, new ParameterizedTypeReference<List<Map<String, Object>>>() {}).getBody();
    assertThat(tasks).singleElement().satisfies(t -> assertThat(t.get("assignee")).isEqualTo("hana"));
    Map<?, ?> variables = rest.withBasicAuth("hana", "demo")
        .getForObject("/engine-rest/task/" + tasks.get(0).get("id") + "/form-variables", Map.class);
    String links = ((Map<?, ?>) variables.get("invitationLinks")).get("value").toString();
    Map<String, String> tokens = new java.util.HashMap<>();
    links.lines().forEach(line -> tokens.put(line.substring(line.indexOf('<') + 1, line.indexOf('>')),
        line.substring(line.lastIndexOf('/') + 1)));
    return tokens;
  }

  private Map<String, Object> startForm(String residents) {
    return Map.of("variables", Map.of(
        "hubName", Map.of("value", hub),
        "cohortName", Map.of("value", "Spring 2026"),
        "residencyEndDate", Map.of("value", LocalDate.now().minusDays(1).toString()),
        "residents", Map.of("value", residents)));
  }

  private ResponseEntity<String> post(String path, Map<String, String> fields) {
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    fields.forEach(form::add);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    return rest.postForEntity(path, new HttpEntity<>(form, headers), String.class);
  }

  private static String formToken(String html) {
    return match(FORM_TOKEN, html);
  }

  private static String match(Pattern pattern, String html) {
    Matcher matcher = pattern.matcher(html);
    assertThat(matcher.find()).as("%s in the page", pattern).isTrue();
    return matcher.group(1);
  }
}
