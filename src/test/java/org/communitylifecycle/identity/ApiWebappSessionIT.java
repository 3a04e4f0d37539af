package org.communitylifecycle.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.communitylifecycle.testsupport.RunningApplication;
import org.communitylifecycle.testsupport.WebappSession;
import org.communitylifecycle.testsupport.WebappSession.Session;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

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

  private Session login(String user, String app) {
    return WebappSession.login(rest, user, app);
  }

  private static List<String> cookies(ResponseEntity<?> response) {
    return WebappSession.cookies(response);
  }
}
