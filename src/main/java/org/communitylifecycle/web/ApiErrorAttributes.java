package org.communitylifecycle.web;

import java.util.Map;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.context.request.WebRequest;

/**
 * What the API answers when no controller of it took the request, so that {@link ApiErrors} never
 * saw it (a content type or method no endpoint takes): Spring Boot's error JSON, with the
 * {@code detail} of Spring's own refusal, which says what to fix ("Content-Type 'application/json'
 * is not supported.").
 */
@Component
class ApiErrorAttributes extends DefaultErrorAttributes {

  @Override
  public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
    Map<String, Object> attributes = super.getErrorAttributes(request, options);
    if (attributes.get("path") instanceof String path && path.startsWith("/api/")
        && getError(request) instanceof ErrorResponse refusal && refusal.getBody().getDetail() != null) {
      attributes.put("detail", refusal.getBody().getDetail());
    }
    return attributes;
  }
}
