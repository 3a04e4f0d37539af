package org.communitylifecycle.notification;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.communitylifecycle.identity.ApiCaller;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in user's choice of mail, one switch per kind:
 * {@code {"assignment": true, "escalation": true, "digest": false}}. PUT takes the same object;
 * kinds left out stay as they are.
 */
@RestController
@RequestMapping("/api/me/mail-preferences")
class MailPreferencesController {

  private final MailOptOuts optOuts;

  MailPreferencesController(MailOptOuts optOuts) {
    this.optOuts = optOuts;
  }

  @GetMapping
  Map<String, Boolean> get(ApiCaller caller) {
    return preferences(caller.userId());
  }

  @PutMapping
  Map<String, Boolean> put(ApiCaller caller, @RequestBody JsonNode body) {
    optOuts.set(caller.userId(), parse(body));
    return preferences(caller.userId());
  }

  private Map<String, Boolean> preferences(String userId) {
    Set<MailKind> optedOut = optOuts.of(userId);
    Map<String, Boolean> receives = new LinkedHashMap<>();
    for (MailKind kind : MailKind.values()) {
      receives.put(kind.key(), !optedOut.contains(kind));
    }
    return receives;
  }

  /** Every problem of the body in one answer, so a client fixes them in one go. */
  static Map<MailKind, Boolean> parse(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw new InvalidPreferences("The body must be a JSON object such as {\"digest\": false}; kinds are " + MailKind.keys());
    }
    Map<MailKind, Boolean> receives = new EnumMap<>(MailKind.class);
    StringBuilder problems = new StringBuilder();
    for (Iterator<Map.Entry<String, JsonNode>> fields = body.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      var kind = MailKind.byKey(field.getKey());
      if (kind.isEmpty()) {
        problems.append(problems.isEmpty() ? "" : "; ").append("'").append(field.getKey())
            .append("' is not a kind of mail; kinds are ").append(MailKind.keys());
      } else if (!field.getValue().isBoolean()) {
        problems.append(problems.isEmpty() ? "" : "; ").append("'").append(field.getKey())
            .append("' must be true (send me this mail) or false (don't)");
      } else {
        receives.put(kind.get(), field.getValue().booleanValue());
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidPreferences(problems.toString());
    }
    return receives;
  }

  /** A body the preferences cannot be read from. */
  static class InvalidPreferences extends RuntimeException {
    InvalidPreferences(String message) {
      super(message);
    }
  }

  @ExceptionHandler(InvalidPreferences.class)
  ProblemDetail invalid(InvalidPreferences e) {
    return problem("Invalid mail preferences", e.getMessage());
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ProblemDetail unreadable(HttpMessageNotReadableException e) {
    return problem("Unreadable request", "The body must be a JSON object such as {\"digest\": false}; kinds are " + MailKind.keys());
  }

  private static ProblemDetail problem(String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
    problem.setTitle(title);
    return problem;
  }
}
