package org.communitylifecycle.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.communitylifecycle.testsupport.RunningApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The exact security headers of the webapps, the two REST APIs and the public pages. */
class SecurityHeadersIT extends RunningApplication {

  static final String WEBAPP_POLICY = "base-uri 'self'; script-src 'nonce-NONCE' 'strict-dynamic' 'unsafe-eval' 'self' "
      + "'unsafe-inline'; style-src 'unsafe-inline' 'self'; default-src 'self'; img-src 'self' data:; "
      + "block-all-mixed-content; form-action 'self'; frame-ancestors 'none'; object-src 'none'; "
      + "sandbox allow-forms allow-scripts allow-same-origin allow-popups allow-downloads";

  private static final Pattern NONCE = Pattern.compile("'nonce-([^']+)'");

  @Autowired TestRestTemplate rest;

  @Test
  void tasklistAndCockpitPagesCarryCamundasPolicyWithANonceTheirScriptsUse() {
    for (String app : List.of("tasklist", "cockpit")) {
      ResponseEntity<String> page = rest.getForEntity("/camunda/app/" + app + "/default/", String.class);
      assertThat(page.getStatusCode()).as(app).isEqualTo(HttpStatus.OK);

      String policy = single(page, "Content-Security-Policy");
      Matcher nonce = NONCE.matcher(policy);
      assertThat(nonce.find()).as("%s: %s", app, policy).isTrue();
      assertThat(policy.replace(nonce.group(1), "NONCE")).as(app).isEqualTo(WEBAPP_POLICY);
      assertThat(page.getBody()).as("%s's scripts carry the nonce", app).contains("nonce=\"" + nonce.group(1) + "\"");
      assertHeaders(page, Map.of(
          "Referrer-Policy", "strict-origin-when-cross-origin",
          "X-Content-Type-Options", "nosniff",
          "X-Frame-Options", "DENY"));
      assertThat(page.getHeaders().containsKey("X-XSS-Protection")).as(app).isFalse();
    }
  }

  @Test
  void theApiIsNeitherFramedNorStored() {
    ResponseEntity<String> answer = rest.withBasicAuth("bob", "demo").getForEntity("/api/dashboard/portfolio", String.class);
    ResponseEntity<String> refused = rest.getForEntity("/api/dashboard/portfolio", String.class);

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertHeaders(answer, restHeaders());
    assertHeaders(refused, restHeaders());
  }

  @Test
  void theEngineRestApiIsNeitherFramedNorStored() {
    ResponseEntity<String> answer = rest.withBasicAuth("bob", "demo").getForEntity("/engine-rest/task", String.class);

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertHeaders(answer, restHeaders());
  }

  @Test
  void thePublicAlumniPageSendsNoReferrerAndLoadsNothingButItsOwnStyles() {
    ResponseEntity<String> page = rest.getForEntity("/alumni", String.class);

    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertHeaders(page, Map.of(
        "Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'; "
            + "base-uri 'none'; frame-ancestors 'none'",
        "Referrer-Policy", "no-referrer",
        "X-Content-Type-Options", "nosniff",
        "X-Frame-Options", "DENY",
        HttpHeaders.CACHE_CONTROL, "no-store"));
  }

  @Test
  void cockpitPluginScriptsMayBeStoredButTheWebappsDataMayNot() {
    ResponseEntity<String> plugin = rest.getForEntity("/camunda/api/cockpit/plugin/cockpitPlugins/static/app/plugin.js", String.class);
    ResponseEntity<String> data = rest.getForEntity("/camunda/api/engine/engine/", String.class);

    assertThat(plugin.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(plugin.getHeaders().getCacheControl()).as("a plugin script").isNotEqualTo("no-store");
    assertThat(single(data, HttpHeaders.CACHE_CONTROL)).as("the webapps' data").isEqualTo("no-store");
  }

  @Test
  void otherPagesGetTheApplicationsPagePolicy() {
    ResponseEntity<String> health = rest.getForEntity("/actuator/health", String.class);

    assertHeaders(health, Map.of(
        "Content-Security-Policy", SecurityHeaders.PAGE_POLICY,
        "Referrer-Policy", "strict-origin-when-cross-origin",
        "X-Content-Type-Options", "nosniff",
        "X-Frame-Options", "DENY"));
  }

  private static Map<String, String> restHeaders() {
    return Map.of(
        "Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'",
        HttpHeaders.CACHE_CONTROL, "no-store",
        "Referrer-Policy", "strict-origin-when-cross-origin",
        "X-Content-Type-Options", "nosniff",
        "X-Frame-Options", "DENY");
  }

  /** Each header exactly once, with exactly this value. */
  private static void assertHeaders(ResponseEntity<?> response, Map<String, String> expected) {
    expected.forEach((name, value) -> assertThat(single(response, name)).as(name).isEqualTo(value));
  }

  private static String single(ResponseEntity<?> response, String name) {
    List<String> values = response.getHeaders().getOrEmpty(name);
    assertThat(values).as("%s of %s", name, response.getHeaders()).hasSize(1);
    return values.get(0);
  }
}
