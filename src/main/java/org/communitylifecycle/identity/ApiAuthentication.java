package org.communitylifecycle.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
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
 * Basic against the engine's users, as {@code /engine-rest} does, or who read (GET, HEAD) while
 * logged in to the Camunda webapps: the lifecycle dashboard inside Cockpit calls the API with the
 * Cockpit session. Anyone else gets 401. Which community's data a caller may see is each
 * endpoint's own decision; it finds the caller as an {@link ApiCaller} parameter.
 */
@Configuration(proxyBeanMethods = false)
class ApiAuthentication implements WebMvcConfigurer {

  static final String REALM = "community-lifecycle";

  @Bean
  FilterRegistrationBean<CallerAuthenticationFilter> apiAuthenticationFilter(ProcessEngine engine) {
    FilterRegistrationBean<CallerAuthenticationFilter> registration = new FilterRegistrationBean<>(
        new CallerAuthenticationFilter(engine.getIdentityService(), engine.getName()));
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
   * Finds the caller from Basic credentials or, for reads, from the webapp session; keeps the
   * caller and their groups on the request, and makes the engine see the caller for the length of
   * the request.
   */
  static class CallerAuthenticationFilter extends OncePerRequestFilter {

    /** Methods that change nothing: only these may ride on the session cookie (no CSRF through it). */
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD");

    private final IdentityService identity;
    private final String engineName;

    CallerAuthenticationFilter(IdentityService identity, String engineName) {
      this.identity = identity;
      this.engineName = engineName;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      String userId = caller(request);
      if (userId == null) {
        unauthorized(response);
        return;
      }
      // Groups come from the engine on every request, not from the session's copy, so that a
      // liaison removed from cbt-liaisons loses the dashboard at once.
      List<String> groups = identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
      request.setAttribute(ApiCaller.ATTRIBUTE, new ApiCaller(userId, groups));
      // Engine calls made for this request run as the caller, with the caller's authorizations.
      identity.setAuthentication(userId, groups);
      try {
        chain.doFilter(request, response);
      } finally {
        identity.clearAuthentication();
      }
    }

    /**
     * The authenticated user's id, or null. A Basic header decides alone, even when wrong: a
     * client that sends credentials means them.
     */
    private String caller(HttpServletRequest request) {
      String header = request.getHeader(HttpHeaders.AUTHORIZATION);
      if (header != null) {
        String[] credentials = credentials(header);
        return credentials != null && identity.checkPassword(credentials[0], credentials[1]) ? credentials[0] : null;
      }
      if (!SAFE_METHODS.contains(request.getMethod())) {
        return null;
      }
      return webappUser(request.getSession(false));
    }

    /**
     * The user logged in to Cockpit, Tasklist or Admin in this session on our engine, if they
     * still exist. The webapps keep their logins in the session as {@link Authentications}.
     */
    private String webappUser(HttpSession session) {
      if (session == null) {
        return null;
      }
      Authentication login = AuthenticationUtil.getAuthsFromSession(session).getAuthenticationForProcessEngine(engineName);
      if (!(login instanceof UserAuthentication user) || user.getIdentityId() == null) {
        return null;
      }
      return identity.createUserQuery().userId(user.getIdentityId()).count() == 1 ? user.getIdentityId() : null;
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
          {"title":"Unauthorized","status":401,"detail":"Log in with HTTP Basic as a user of the application (or, to read, log in to Cockpit or Tasklist)"}""");
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
