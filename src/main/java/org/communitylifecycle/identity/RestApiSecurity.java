package org.communitylifecycle.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The REST API answers only to callers who authenticate with HTTP Basic against the engine's
 * users; the engine's authorization checks then decide what each may do (401, then 403).
 */
@Configuration(proxyBeanMethods = false)
class RestApiSecurity {

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> restApiAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new SayingAuthenticationFilter());
    registration.setName("engine-rest-authentication");
    registration.addUrlPatterns("/engine-rest/*");
    registration.addInitParameter(
        ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM, HttpBasicAuthenticationProvider.class.getName());
    return registration;
  }

  /**
   * Camunda's filter, whose 401 comes with a body in the engine REST API's JSON shape that says how
   * to log in (Camunda's own has none).
   */
  static class SayingAuthenticationFilter extends ProcessEngineAuthenticationFilter {

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
        throws IOException, ServletException {
      boolean[] passed = {false};
      super.doFilter(request, response, (req, res) -> {
        passed[0] = true;
        chain.doFilter(req, res);
      });
      if (!passed[0] && response instanceof HttpServletResponse http
          && http.getStatus() == HttpServletResponse.SC_UNAUTHORIZED && !http.isCommitted()) {
        http.setContentType("application/json");
        http.setCharacterEncoding(StandardCharsets.UTF_8.name());
        http.getWriter().write("{\"type\":\"AuthenticationException\",\"message\":\"Log in with HTTP Basic as a user "
            + "of the application: the user name or password is missing or wrong\",\"code\":null}");
      }
    }
  }
}
