package org.communitylifecycle.source.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The GETs the HTTP source kinds make, on one {@link HttpClient} with timeouts. Redirects are
 * followed here rather than by the client so that a kind sees that it was redirected (GitHub
 * answers 301 for a renamed repository) and so that credential headers are sent to the host they
 * were meant for only: a redirect to another host drops them.
 */
public final class SourceHttp {

  private static final int MAX_REDIRECTS = 5;

  private static final Pattern NEXT_LINK = Pattern.compile("<([^>]+)>\\s*;[^,]*\\brel=\"?next\"?");

  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

  private final HttpClient client;
  private final Duration requestTimeout;

  public SourceHttp(Duration connectTimeout, Duration requestTimeout) {
    this.client = HttpClient.newBuilder()
        .connectTimeout(connectTimeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
    this.requestTimeout = requestTimeout;
  }

  /**
   * An answer to a GET.
   *
   * @param status the HTTP status of the last answer (after redirects)
   * @param uri the address that gave it; differs from the one asked when redirected
   * @param redirected whether a redirect was followed
   * @param headers its headers
   * @param body its body as text (empty for 304)
   */
  public record Answer(int status, URI uri, boolean redirected, HttpHeaders headers, String body) {

    public Optional<String> header(String name) {
      return headers.firstValue(name);
    }

    /** The {@code rel="next"} address of a {@code Link} header, resolved against this answer's address. */
    public Optional<URI> nextLink() {
      for (String link : headers.allValues("Link")) {
        Matcher matcher = NEXT_LINK.matcher(link);
        if (matcher.find()) {
          return Optional.of(uri.resolve(matcher.group(1)));
        }
      }
      return Optional.empty();
    }

    /** When a {@code Retry-After: seconds} header asks to wait until, counted from {@code now}; empty without one. */
    public Optional<Instant> retryAfter(Instant now) {
      return header("Retry-After").flatMap(value -> {
        try {
          return Optional.of(now.plusSeconds(Math.max(1, Long.parseLong(value.trim()))));
        } catch (NumberFormatException notSeconds) {
          return Optional.empty();
        }
      });
    }
  }

  /** Thrown for a network failure; the kind turns it into its own message. */
  public static class Unreachable extends Exception {

    Unreachable(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * GETs {@code uri}, following up to five redirects.
   *
   * @param headers the request headers
   * @param credentialHeaders the names among {@code headers} that carry a credential: sent to the first host only
   */
  public Answer get(URI uri, Map<String, String> headers, Set<String> credentialHeaders) throws Unreachable {
    URI current = uri;
    boolean redirected = false;
    for (int hop = 0; ; hop++) {
      HttpRequest.Builder request = HttpRequest.newBuilder(current).timeout(requestTimeout).GET();
      boolean sameHost = sameOrigin(uri, current);
      headers.forEach((name, value) -> {
        if (value != null && (sameHost || !credentialHeaders.contains(name))) {
          request.header(name, value);
        }
      });
      HttpResponse<String> response;
      try {
        response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        throw new Unreachable(describe(e), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new Unreachable("the fetch was interrupted", e);
      }
      int status = response.statusCode();
      Optional<String> location = response.headers().firstValue("Location");
      if (isRedirect(status) && location.isPresent() && hop < MAX_REDIRECTS) {
        current = current.resolve(location.get().trim());
        redirected = true;
        continue;
      }
      return new Answer(status, current, redirected, response.headers(), response.body() == null ? "" : response.body());
    }
  }

  /** An instant as people read it in a message: {@code 14:05 UTC}. */
  public static String clock(Instant instant) {
    return CLOCK.format(instant) + " UTC";
  }

  private static boolean isRedirect(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }

  private static boolean sameOrigin(URI a, URI b) {
    return a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost() != null
        && a.getHost().equalsIgnoreCase(b.getHost()) && a.getPort() == b.getPort();
  }

  private static String describe(IOException e) {
    String what = e.getClass().getSimpleName();
    return e.getMessage() == null ? what : what + ": " + e.getMessage();
  }
}
