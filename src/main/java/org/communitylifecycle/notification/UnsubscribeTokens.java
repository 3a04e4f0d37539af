package org.communitylifecycle.notification;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * The token in an unsubscribe link: who and which kind, signed with HMAC-SHA256 under
 * {@code community-lifecycle.mail.unsubscribe-secret}. Unlike the alumni links (random tokens, stored
 * hashed, used once) nothing is stored: the link in a mail must keep working for as long as people
 * keep the mail, and using it twice does no harm. Unlike the alumni form tokens the key must outlive
 * a restart, hence a configured secret rather than a random one.
 */
@Component
class UnsubscribeTokens {

  /** Who may be unsubscribed from what, as a valid token says. */
  record Subscription(String userId, MailKind kind) {}

  private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODE = Base64.getUrlDecoder();
  /** A user id, the kind and the MAC, in base64url; far above any real token, far below a request limit. */
  private static final int MAX_LENGTH = 512;

  private final SecretKeySpec key;

  UnsubscribeTokens(MailSettings settings) {
    // Without a secret mail is off (MailSwitch refuses to start otherwise), and no token is issued.
    key = settings.unsubscribeSecret() == null ? null
        : new SecretKeySpec(settings.unsubscribeSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
  }

  String issue(String userId, MailKind kind) {
    String payload = ENCODE.encodeToString((kind.key() + ":" + userId).getBytes(StandardCharsets.UTF_8));
    return payload + "." + ENCODE.encodeToString(mac(payload));
  }

  /** Who and what a token unsubscribes, or empty when it is malformed or not signed by us. */
  Optional<Subscription> verify(String token) {
    if (key == null || token == null || token.length() > MAX_LENGTH) {
      return Optional.empty();
    }
    int dot = token.indexOf('.');
    if (dot <= 0 || dot != token.lastIndexOf('.')) {
      return Optional.empty();
    }
    String payload = token.substring(0, dot);
    try {
      if (!MessageDigest.isEqual(mac(payload), DECODE.decode(token.substring(dot + 1)))) {
        return Optional.empty();
      }
      String decoded = new String(DECODE.decode(payload), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      if (colon <= 0 || colon == decoded.length() - 1) {
        return Optional.empty();
      }
      return MailKind.byKey(decoded.substring(0, colon))
          .map(kind -> new Subscription(decoded.substring(colon + 1), kind));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private byte[] mac(String payload) {
    if (key == null) {
      throw new IllegalStateException("No unsubscribe secret: mail is off");
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac.doFinal(("unsubscribe|" + payload).getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
