package org.communitylifecycle.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** Logging in to the Camunda webapps as a browser does: the CSRF token of a first page load, then the form. */
public final class WebappSession {

  private WebappSession() {}

  /** A logged-in browser: its cookies and the CSRF token the webapps expect on changes. */
  public record Session(List<String> cookies, String csrfToken) {

    public HttpHeaders headers() {
      HttpHeaders headers = new HttpHeaders();
      headers.add(HttpHeaders.COOKIE, String.join("; ", cookies));
      headers.add("X-XSRF-TOKEN", csrfToken);
      return headers;
    }

    public HttpEntity<Object> entity(Object body) {
      HttpHeaders headers = headers();
      headers.setContentType(MediaType.APPLICATION_JSON);
      return new HttpEntity<>(body, headers);
    }
  }

  /** Logs in as the webapps do, with the CSRF token from a first page load; keeps the new session. */
  public static Session login(TestRestTemplate rest, String user, String app) {
    Attempt attempt = attempt(rest, user, app);
    ResponseEntity<String> login = attempt.response();
    assertThat(login.getStatusCode()).as("login of %s to %s", user, app).isEqualTo(HttpStatus.OK);
    // Logging in starts a new session, whose CSRF token comes with the next page load.
    List<String> loggedIn = merge(attempt.cookiesSent(), cookies(login));
    HttpHeaders next = new HttpHeaders();
    next.add(HttpHeaders.COOKIE, String.join("; ", loggedIn));
    List<String> after = merge(loggedIn,
        cookies(rest.exchange("/camunda/app/" + app + "/default/", HttpMethod.GET, new HttpEntity<>(next), String.class)));
    return new Session(after, token(after));
  }

  /** The status of a login of the user (password "demo") to the webapp: 200, or 403 without access to it. */
  public static HttpStatusCode loginStatus(TestRestTemplate rest, String user, String app) {
    return attempt(rest, user, app).response().getStatusCode();
  }

  /** A login's answer and the cookies of the page load before it. */
  private record Attempt(List<String> cookiesSent, ResponseEntity<String> response) {}

  private static Attempt attempt(TestRestTemplate rest, String user, String app) {
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
    return new Attempt(before, login);
  }

  /** A cookie jar's content after a response: later cookies of the same name win. */
  private static List<String> merge(List<String> cookies, List<String> newer) {
    Map<String, String> jar = new LinkedHashMap<>();
    Stream.concat(cookies.stream(), newer.stream()).forEach(c -> jar.put(c.substring(0, c.indexOf('=')), c));
    return List.copyOf(jar.values());
  }

  public static List<String> cookies(ResponseEntity<?> response) {
    return response.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).stream().map(c -> c.split(";", 2)[0]).toList();
  }

  private static String token(List<String> cookies) {
    return cookies.stream().filter(c -> c.startsWith("XSRF-TOKEN=")).findFirst().orElseThrow()
        .substring("XSRF-TOKEN=".length());
  }
}
