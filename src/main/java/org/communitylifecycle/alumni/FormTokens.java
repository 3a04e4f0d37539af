package org.communitylifecycle.alumni;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * CSRF protection of the public forms. The token in the URL already says who may post; a form
 * token, an HMAC of the page's purpose and URL token under a key that never leaves this process,
 * also proves the post came from a page this application served. After a restart old pages fail
 * the check once; the form is shown again with a fresh token and the answers kept.
 */
@Component
class FormTokens {

  private final SecretKeySpec key;

  FormTokens() {
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    key = new SecretKeySpec(secret, "HmacSHA256");
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
