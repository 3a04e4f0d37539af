package org.communitylifecycle.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The application's own API under {@code /api} answers only to callers who authenticate with HTTP
 * Basic against the engine's users, as {@code /engine-rest} does. Anyone else gets 401. Which
 * community's data a caller may see is each endpoint's own decision; it finds the caller as an
 * {@link ApiCaller} parameter.
 */
@Configuration(proxyBeanMethods = false)
class ApiAuthentication implements WebMvcConfigurer {

  static final String REALM = "community-lifecycle";

  @Bean
  FilterRegistrationBean<BasicAuthenticationFilter> apiAuthenticationFilter(IdentityService identity) {
    FilterRegistrationBean<BasicAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new BasicAuthenticationFilter(identity));
    registration.setName("api-authentication");
    registration.addUrlPatterns("/api/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
    return registration;
  }

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(new CallerResolver());
  }

  /**
   * Checks the Basic credentials with the engine, keeps the caller and their groups on the request,
   * and makes the engine see the caller for the length of the request.
   */
  static class BasicAuthenticationFilter extends OncePerRequestFilter {

    private final IdentityService identity;

    BasicAuthenticationFilter(IdentityService identity) {
      this.identity = identity;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      String[] credentials = credentials(request.getHeader(HttpHeaders.AUTHORIZATION));
      if (credentials == null || !identity.checkPassword(credentials[0], credentials[1])) {
        unauthorized(response);
        return;
      }
      List<String> groups =
          identity.createGroupQuery().groupMember(credentials[0]).list().stream().map(Group::getId).toList();
      request.setAttribute(ApiCaller.ATTRIBUTE, new ApiCaller(credentials[0], groups));
      // Engine calls made for this request run as the caller, with the caller's authorizations.
      identity.setAuthentication(credentials[0], groups);
      try {
        chain.doFilter(request, response);
      } finally {
        identity.clearAuthentication();
      }
    }

    /** User and password from a Basic header, or null when there is none or it is malformed. */
    static String[] credentials(String header) {
      if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
        return null;
      }
      String decoded;
      try {
        decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return null;
      }
      int colon = decoded.indexOf(':');
      if (colon <= 0) {
        return null;
      }
      return new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
    }

    private static void unauthorized(HttpServletResponse response) throws IOException {
      response.setStatus(HttpStatus.UNAUTHORIZED.value());
      response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\"");
      response.setContentType("application/problem+json");
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      response.getWriter().write("""
          {"title":"Unauthorized","status":401,"detail":"Log in with HTTP Basic as a user of the application"}""");
    }
  }

  /** Hands the authenticated caller to controller methods that declare an {@link ApiCaller} parameter. */
  static class CallerResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
      return parameter.getParameterType() == ApiCaller.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
        NativeWebRequest request, WebDataBinderFactory binders) {
      return ApiCaller.of(request.getNativeRequest(HttpServletRequest.class));
    }
  }
}
