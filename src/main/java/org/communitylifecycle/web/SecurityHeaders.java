package org.communitylifecycle.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.List;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Security headers on every answer, before any other filter runs (so 401s carry them too): no
 * framing, no MIME sniffing, no full URLs in cross-origin referrers, and a Content-Security-Policy.
 * Filters further down may tighten them: the Camunda webapps put their own policy, with a nonce
 * per page, in place of this one ({@code camunda.bpm.webapp.header-security} in application.yaml),
 * and the public pages' guard sends no referrer at all. The REST answers ({@code /api},
 * {@code /engine-rest} and the webapps' {@code /camunda/api}) carry personal data: nothing may
 * store them. The webapps' plugin scripts under {@code /camunda/api} are the exception.
 */
@Configuration(proxyBeanMethods = false)
class SecurityHeaders {

  /** Pages: only the application's own resources; inline styles for the server-rendered pages. */
  static final String PAGE_POLICY = "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
      + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

  /** REST answers are data, never documents: they may load nothing. */
  static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

  private static final List<String> API_PATHS = List.of("/api/", "/engine-rest/", "/camunda/api/");

  @Bean
  FilterRegistrationBean<HeaderFilter> securityHeadersFilter() {
    FilterRegistrationBean<HeaderFilter> registration = new FilterRegistrationBean<>(new HeaderFilter());
    registration.setName("security-headers");
    registration.addUrlPatterns("/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  static class HeaderFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      String path = request.getRequestURI().substring(request.getContextPath().length()) + "/";
      boolean api = API_PATHS.stream().anyMatch(path::startsWith);
      response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
      response.setHeader("X-Content-Type-Options", "nosniff");
      response.setHeader("X-Frame-Options", "DENY");
      response.setHeader("Content-Security-Policy", api ? API_POLICY : PAGE_POLICY);
      // The webapps' plugin scripts (/camunda/api/<app>/plugin/<name>/static/...) hold no personal data;
      // storing them keeps Cockpit from fetching every plugin module again on each page load.
      boolean pluginAsset = path.startsWith("/camunda/api/") && path.contains("/plugin/") && path.contains("/static/");
      if (api && !pluginAsset) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        // Camunda's REST filter would weaken it to no-cache on GETs.
        response = new NoStore(response);
      }
      chain.doFilter(request, response);
    }
  }

  /** Keeps Cache-Control at no-store whatever the filters and resources behind it set. */
  static class NoStore extends HttpServletResponseWrapper {

    NoStore(HttpServletResponse response) {
      super(response);
    }

    @Override
    public void setHeader(String name, String value) {
      if (!HttpHeaders.CACHE_CONTROL.equalsIgnoreCase(name)) {
        super.setHeader(name, value);
      }
    }

    @Override
    public void addHeader(String name, String value) {
      if (!HttpHeaders.CACHE_CONTROL.equalsIgnoreCase(name)) {
        super.addHeader(name, value);
      }
    }
  }
}
