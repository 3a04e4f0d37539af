package org.communitylifecycle.source;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Encrypts source tokens with AES-256-GCM under the key from the environment
 * ({@link SourceProperties#credentialsKey()}); the database holds only nonce and ciphertext. The
 * source's id is bound in as associated data, so a ciphertext copied to another source does not
 * decrypt. A token is decrypted only in the fetch that sends it.
 */
@Component
class Credentials {

  static final String SETTING = "community-lifecycle.sources.credentials-key";
  static final String ENVIRONMENT = "COMMUNITY_LIFECYCLE_SOURCES_CREDENTIALS_KEY";
  private static final int NONCE_BYTES = 12;

  private final SecretKeySpec key;
  private final SecureRandom random = new SecureRandom();

  Credentials(SourceProperties properties) {
    this.key = parse(properties.credentialsKey());
  }

  /** Whether a key is configured, so tokens can be stored. */
  boolean available() {
    return key != null;
  }

  /** What to do to store tokens, when no key is configured. */
  static String missingKey() {
    return "this server has no key to encrypt tokens with: its operator must set " + ENVIRONMENT
        + " (the setting " + SETTING + ") to 32 random bytes in base64, for example from"
        + " 'openssl rand -base64 32', and restart";
  }

  String encrypt(long sourceId, String token) {
    if (key == null) {
      throw new IllegalStateException(missingKey());
    }
    try {
      byte[] nonce = new byte[NONCE_BYTES];
      random.nextBytes(nonce);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
      cipher.updateAAD(aad(sourceId));
      byte[] sealed = cipher.doFinal(token.getBytes(StandardCharsets.UTF_8));
      byte[] out = new byte[nonce.length + sealed.length];
      System.arraycopy(nonce, 0, out, 0, nonce.length);
      System.arraycopy(sealed, 0, out, nonce.length, sealed.length);
      return Base64.getEncoder().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
    }
  }

  /** The token, or a {@link SourceFailure} a liaison can act on when it cannot be read. */
  String decrypt(long sourceId, String sourceName, String stored) {
    if (key == null) {
      throw new SourceFailure(SourceFailure.Reason.BAD_CREDENTIAL, "The token of '" + sourceName
          + "' cannot be read: " + missingKey());
    }
    try {
      byte[] all = Base64.getDecoder().decode(stored);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, NONCE_BYTES));
      cipher.updateAAD(aad(sourceId));
      return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new SourceFailure(SourceFailure.Reason.BAD_CREDENTIAL, "The token of '" + sourceName
          + "' cannot be decrypted with this server's key (was " + ENVIRONMENT + " changed?): replace the token");
    }
  }

  private static byte[] aad(long sourceId) {
    return ("cl_source:" + sourceId).getBytes(StandardCharsets.UTF_8);
  }

  private static SecretKeySpec parse(String base64) {
    if (base64 == null || base64.isBlank()) {
      return null;
    }
    byte[] raw;
    try {
      raw = Base64.getDecoder().decode(base64.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(SETTING + " is not base64; give 32 random bytes in base64 ('openssl rand -base64 32')");
    }
    if (raw.length != 32) {
      throw new IllegalArgumentException(SETTING + " holds " + raw.length + " bytes; give 32 random bytes in base64"
          + " ('openssl rand -base64 32')");
    }
    return new SecretKeySpec(raw, "AES");
  }
}
