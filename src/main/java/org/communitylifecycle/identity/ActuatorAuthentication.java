package org.communitylifecycle.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The actuator's endpoints other than the probes ({@code /actuator/health/**}, {@code /actuator/info})
 * answer only to engine users of {@code camunda-admin} or {@code monitoring} who authenticate with
 * HTTP Basic, as {@link ApiAuthentication} checks them for {@code /api}: no credentials or a wrong
 * password get 401, anyone else 403. Metrics tell how busy which process is, so they are not public.
 * The caller is not made the engine's authenticated user: the meters count the whole engine.
 */
@Configuration(proxyBeanMethods = false)
class ActuatorAuthentication {

  static final Set<String> MONITORING_GROUPS = Set.of(Groups.CAMUNDA_ADMIN, Groups.MONITORING);

  @Bean
  FilterRegistrationBean<MonitoringFilter> actuatorAuthenticationFilter(ProcessEngine engine) {
    FilterRegistrationBean<MonitoringFilter> registration =
        new FilterRegistrationBean<>(new MonitoringFilter(engine.getIdentityService()));
    registration.setName("actuator-authentication");
    registration.addUrlPatterns("/actuator/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
    return registration;
  }

  static class MonitoringFilter extends OncePerRequestFilter {

    private final IdentityService identity;

    MonitoringFilter(IdentityService identity) {
      this.identity = identity;
    }

    /** Probes stay public: load balancers and orchestrators call them without credentials. */
    static boolean isPublic(String path) {
      return path.equals("/actuator/health") || path.startsWith("/actuator/health/") || path.equals("/actuator/info");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      // Servlet path and path info are decoded and normalised, unlike the request URI.
      String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
      if (isPublic(path)) {
        chain.doFilter(request, response);
        return;
      }
      String[] credentials = ApiAuthentication.CallerAuthenticationFilter.credentials(request.getHeader(HttpHeaders.AUTHORIZATION));
      if (credentials == null || !identity.checkPassword(credentials[0], credentials[1])) {
        problem(response, HttpStatus.UNAUTHORIZED, "Log in with HTTP Basic as a user of group camunda-admin or monitoring");
        return;
      }
      boolean allowed = identity.createGroupQuery().groupMember(credentials[0]).list().stream()
          .anyMatch(group -> MONITORING_GROUPS.contains(group.getId()));
      if (!allowed) {
        problem(response, HttpStatus.FORBIDDEN, "Only users of group camunda-admin or monitoring read the metrics");
        return;
      }
      chain.doFilter(request, response);
    }

    private static void problem(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
      response.setStatus(status.value());
      if (status == HttpStatus.UNAUTHORIZED) {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + ApiAuthentication.REALM + "\"");
      }
      response.setContentType("application/problem+json");
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      response.getWriter().write("{\"title\":\"" + status.getReasonPhrase() + "\",\"status\":" + status.value()
          + ",\"detail\":\"" + detail + "\"}");
    }
  }
}
