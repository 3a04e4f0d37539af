package org.communitylifecycle.alumni;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * CSRF protection of the public forms. The token in the URL already says who may post; a form
 * token, an HMAC of the page's purpose and URL token under {@code
 * community-lifecycle.alumni.form-token-secret}, also proves the post came from a page this
 * application served. Every node of a cluster is given the same secret, so a form one node served
 * is accepted by another, and by the same node after a restart. Outside the demo profile the
 * application does not start without it (identity.PasswordGuard).
 */
@Component
class FormTokens {

  static final String PROPERTY = "community-lifecycle.alumni.form-token-secret";
  /** Shorter secrets are guessable enough to forge form tokens. */
  static final int MIN_SECRET_LENGTH = 16;

  private final SecretKeySpec key;

  FormTokens(@Value("${" + PROPERTY + ":}") String secret) {
    if (secret == null || secret.isBlank() || secret.trim().length() < MIN_SECRET_LENGTH) {
      // PasswordGuard stops startup first, with what to set; this holds for every other way of making one.
      throw new IllegalArgumentException(PROPERTY + " (ALUMNI_FORM_TOKEN_SECRET) must be a random string of at least "
          + MIN_SECRET_LENGTH + " characters");
    }
    key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
  }

  String issue(String purpose, String urlToken) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(mac(purpose + "|" + urlToken));
  }

  boolean valid(String purpose, String urlToken, String formToken) {
    if (formToken == null) {
      return false;
    }
    byte[] given;
    try {
      given = Base64.getUrlDecoder().decode(formToken);
    } catch (IllegalArgumentException e) {
      return false;
    }
    return MessageDigest.isEqual(mac(purpose + "|" + urlToken), given);
  }

  private byte[] mac(String message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
