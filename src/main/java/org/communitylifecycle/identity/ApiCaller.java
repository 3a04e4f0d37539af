package org.communitylifecycle.identity;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;

/**
 * Who is calling the application's own API under {@code /api}: the user that
 * {@link ApiAuthentication} authenticated, and the groups they belong to. A controller method
 * receives it by declaring a parameter of this type.
 *
 * @param userId the engine user id
 * @param groupIds the ids of the user's groups
 */
public record ApiCaller(String userId, List<String> groupIds) {

  static final String ATTRIBUTE = ApiCaller.class.getName();

  public ApiCaller {
    groupIds = List.copyOf(groupIds);
  }

  /** The caller of this request; fails when the request did not pass {@link ApiAuthentication}. */
  public static ApiCaller of(HttpServletRequest request) {
    Object caller = request.getAttribute(ATTRIBUTE);
    if (!(caller instanceof ApiCaller apiCaller)) {
      throw new IllegalStateException(
          "No authenticated caller on " + request.getRequestURI() + ": is the path outside /api?");
    }
    return apiCaller;
  }
}
