package org.communitylifecycle.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.communitylifecycle.testsupport.RunningApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The lifecycle dashboard in Cockpit reads {@code /api} with the Cockpit session: a logged-in
 * webapp user may read, but the session cookie alone never changes anything.
 */
class ApiWebappSessionIT extends RunningApplication {

  static final String CONTRIBUTORS = "/api/communities/sumo-community/contributors";

  @Autowired TestRestTemplate rest;

  @Test
  void aCockpitSessionReadsTheApi() {
    Session bob = login("bob", "cockpit");

    ResponseEntity<String> read = rest.exchange(CONTRIBUTORS, HttpMethod.GET, bob.entity(null), String.class);

    assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(rest.exchange(CONTRIBUTORS, HttpMethod.HEAD, bob.entity(null), String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  @Test
  void aTasklistSessionReadsTheApiToo() {
    Session dave = login("dave", "tasklist");

    assertThat(rest.exchange(CONTRIBUTORS, HttpMethod.GET, dave.entity(null), String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  @Test
  void theSessionAloneChangesNothing() {
    Session bob = login("bob", "cockpit");
    Map<String, Object> contributor = Map.of("handle", "session-rider", "name", "Session Rider");

    ResponseEntity<String> post = rest.exchange(CONTRIBUTORS, HttpMethod.POST, bob.entity(contributor), String.class);

    assertThat(post.getStatusCode()).as("even with the webapps' CSRF token").isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(post.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
    assertThat(rest.exchange(CONTRIBUTORS + "/session-rider", HttpMethod.GET, bob.entity(null), String.class)
        .getStatusCode()).as("nothing was created").isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void wrongBasicCredentialsAreRefusedEvenWithASession() {
    Session bob = login("bob", "cockpit");
    HttpHeaders headers = bob.headers();
    // Not bob's own name: a wrong password locks the user out of logging in for a while.
    headers.setBasicAuth("mallory", "wrong");

    assertThat(rest.exchange(CONTRIBUTORS, HttpMethod.GET, new HttpEntity<>(headers), String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void afterLogoutTheSessionNoLongerReads() {
    Session bob = login("bob", "cockpit");
    ResponseEntity<String> logout = rest.exchange("/camunda/api/admin/auth/user/default/logout", HttpMethod.POST,
        bob.entity(null), String.class);
    assertThat(logout.getStatusCode().is2xxSuccessful()).as("logout: %s", logout).isTrue();

    assertThat(rest.exchange(CONTRIBUTORS, HttpMethod.GET, bob.entity(null), String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void aSessionWithoutLoginIsAnonymous() {
    ResponseEntity<String> page = rest.getForEntity("/camunda/app/cockpit/", String.class);
    HttpHeaders headers = new HttpHeaders();
    headers.add(HttpHeaders.COOKIE, String.join("; ", cookies(page)));

    assertThat(rest.exchange(CONTRIBUTORS, HttpMethod.GET, new HttpEntity<>(headers), String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  /** A logged-in browser: its cookies and the CSRF token the webapps expect on changes. */
  record Session(List<String> cookies, String csrfToken) {

    HttpHeaders headers() {
      HttpHeaders headers = new HttpHeaders();
      headers.add(HttpHeaders.COOKIE, String.join("; ", cookies));
      headers.add("X-XSRF-TOKEN", csrfToken);
      return headers;
    }

    HttpEntity<Object> entity(Object body) {
      HttpHeaders headers = headers();
      headers.setContentType(MediaType.APPLICATION_JSON);
      return new HttpEntity<>(body, headers);
    }
  }

  /** Logs in as the webapps do, with the CSRF token from a first page load; keeps the new session. */
  private Session login(String user, String app) {
    ResponseEntity<String> page = rest.getForEntity("/camunda/app/" + app + "/", String.class);
    List<String> before = cookies(page);
    HttpHeaders headers = new HttpHeaders();
    headers.add(HttpHeaders.COOKIE, String.join("; ", before));
    headers.add("X-XSRF-TOKEN", token(before));
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("username", user);
    form.add("password", "demo");
    ResponseEntity<String> login = rest.postForEntity(
        "/camunda/api/admin/auth/user/default/login/" + app, new HttpEntity<>(form, headers), String.class);
    assertThat(login.getStatusCode()).as("login of %s to %s", user, app).isEqualTo(HttpStatus.OK);
    // Logging in starts a new session, whose CSRF token comes with the next page load.
    List<String> loggedIn = merge(before, cookies(login));
    HttpHeaders next = new HttpHeaders();
    next.add(HttpHeaders.COOKIE, String.join("; ", loggedIn));
    List<String> after = merge(loggedIn,
        cookies(rest.exchange("/camunda/app/" + app + "/default/", HttpMethod.GET, new HttpEntity<>(next), String.class)));
    return new Session(after, token(after));
  }

  /** A cookie jar's content after a response: later cookies of the same name win. */
  private static List<String> merge(List<String> cookies, List<String> newer) {
    Map<String, String> jar = new LinkedHashMap<>();
    Stream.concat(cookies.stream(), newer.stream()).forEach(c -> jar.put(c.substring(0, c.indexOf('=')), c));
    return List.copyOf(jar.values());
  }

  private static List<String> cookies(ResponseEntity<?> response) {
    return response.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).stream().map(c -> c.split(";", 2)[0]).toList();
  }

  private static String token(List<String> cookies) {
    return cookies.stream().filter(c -> c.startsWith("XSRF-TOKEN=")).findFirst().orElseThrow()
        .substring("XSRF-TOKEN=".length());
  }
}
