package org.communitylifecycle.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.communitylifecycle.engine.ClientErrors;
import org.communitylifecycle.engine.ClientErrors.ClientError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The database out of reach before a request gets to the REST APIs' error mappers: the password
 * checks of the authentication filters ({@code /engine-rest}: Camunda's HTTP Basic filter; {@code /api}:
 * identity.ApiAuthentication) ask the database first, and what they throw would otherwise end as the
 * servlet container's 500. Wraps both and answers as {@link ClientErrors} says, 503 with Retry-After,
 * in each API's shape; anything else passes on unchanged.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseUnavailableFilter {

  private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);

  /** Before (around) the authentication filters, whose order is HIGHEST_PRECEDENCE + 100 and the default. */
  static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 50;

  @Bean
  FilterRegistrationBean<Unavailable> databaseUnavailableAnswers() {
    FilterRegistrationBean<Unavailable> registration = new FilterRegistrationBean<>(new Unavailable());
    registration.setName("database-unavailable");
    registration.addUrlPatterns("/engine-rest/*", "/api/*");
    registration.setOrder(ORDER);
    return registration;
  }

  static class Unavailable extends OncePerRequestFilter {

    private final ObjectMapper json = new ObjectMapper();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      try {
        chain.doFilter(request, response);
      } catch (ServletException | RuntimeException e) {
        Optional<ClientError> unavailable = ClientErrors.classify(e).filter(error -> error.status() == 503);
        if (unavailable.isEmpty() || response.isCommitted()) {
          throw e;
        }
        ClientError error = unavailable.get();
        log.warn("{} {} answered 503 {}: {}", request.getMethod(), request.getRequestURI(), error.type(),
            ClientErrors.causeLine(e));
        Map<String, Object> body = new LinkedHashMap<>();
        boolean api = request.getRequestURI().startsWith(request.getContextPath() + "/api/");
        if (api) {
          body.put("type", "about:blank");
          body.put("title", error.type());
          body.put("status", 503);
          body.put("detail", error.message());
        } else {
          body.put("type", error.type());
          body.put("message", error.message());
          body.put("code", null);
        }
        response.resetBuffer();
        response.setStatus(503);
        response.setHeader("Retry-After", Integer.toString(ClientErrors.RETRY_AFTER_SECONDS));
        response.setContentType(api ? "application/problem+json" : "application/json");
        json.writeValue(response.getOutputStream(), body);
      }
    }
  }
}
