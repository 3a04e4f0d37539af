package org.communitylifecycle.alumni;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * In front of the public pages, which need no login (the alumni pages, the mails' unsubscribe page): limits how often one address may
 * call them (429 with Retry-After), and sets headers that keep link tokens out of referrers,
 * caches and frames.
 */
class PublicPagesGuard extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(PublicPagesGuard.class);

  private final TokenBuckets buckets;

  PublicPagesGuard(TokenBuckets buckets) {
    this.buckets = buckets;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Content-Security-Policy",
        "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'");
    response.setHeader("Cache-Control", "no-store");
    Duration wait = buckets.take(request.getRemoteAddr());
    if (!wait.isZero()) {
      long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
      log.info("Too many requests to the public pages from one address; asked to wait {}s", seconds);
      response.setStatus(429);
      response.setHeader("Retry-After", Long.toString(seconds));
      response.setContentType("text/html;charset=UTF-8");
      byte[] page = ("""
          <!DOCTYPE html>
          <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
          <title>Too many requests</title></head>
          <body><main><h1>Too many requests</h1>
          <p>This address has made many requests in a short time. Please wait %d seconds and try again.</p></main></body></html>
          """.formatted(seconds)).getBytes(StandardCharsets.UTF_8);
      response.setContentLength(page.length);
      response.getOutputStream().write(page);
      return;
    }
    chain.doFilter(request, response);
  }

  void reset() {
    buckets.clear();
  }
}
