package org.communitylifecycle.alumni;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Link tokens and form tokens. */
class AlumniTokensTest {

  static final String SECRET = "a-form-token-secret-for-tests";

  @Test
  void linkTokensAreLongRandomAndUrlSafe() {
    Set<String> tokens = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      String token = AlumniTokens.newToken();
      assertThat(token).matches("[A-Za-z0-9_-]{43}");
      assertThat(AlumniTokens.wellFormed(token)).isTrue();
      tokens.add(token);
    }
    assertThat(tokens).hasSize(1000);
    assertThat(AlumniTokens.BYTES * 8).as("bits of randomness").isGreaterThanOrEqualTo(128);
    assertThat(AlumniTokens.wellFormed("short")).isFalse();
    assertThat(AlumniTokens.wellFormed("a".repeat(42) + "=")).isFalse();
  }

  @Test
  void onlyAHashIsKeptAndItIsStable() {
    String token = AlumniTokens.newToken();
    assertThat(AlumniTokens.hash(token)).hasSize(64).matches("[0-9a-f]+").isEqualTo(AlumniTokens.hash(token))
        .doesNotContain(token);
  }

  @Test
  void formTokensBindAPageToItsPurposeAndLink() {
    FormTokens forms = new FormTokens(SECRET);
    String link = AlumniTokens.newToken();
    String token = forms.issue("feedback", link);

    assertThat(forms.valid("feedback", link, token)).isTrue();
    assertThat(forms.valid("withdrawal", link, token)).as("another purpose").isFalse();
    assertThat(forms.valid("feedback", AlumniTokens.newToken(), token)).as("another link").isFalse();
    assertThat(forms.valid("feedback", link, null)).isFalse();
    assertThat(forms.valid("feedback", link, "%%%")).isFalse();
  }

  @Test
  void nodesWithTheSameSecretAcceptEachOthersFormTokensAndOthersDoNot() {
    String link = AlumniTokens.newToken();
    String token = new FormTokens(SECRET).issue("feedback", link);

    assertThat(new FormTokens(SECRET).valid("feedback", link, token)).as("another node, or after a restart").isTrue();
    assertThat(new FormTokens("another-secret-of-32-characters!").valid("feedback", link, token))
        .as("another secret").isFalse();
  }

  @Test
  void aMissingOrShortSecretMakesNoFormTokens() {
    assertThatThrownBy(() -> new FormTokens(null)).hasMessageContaining("ALUMNI_FORM_TOKEN_SECRET");
    assertThatThrownBy(() -> new FormTokens("")).hasMessageContaining("at least 16 characters");
    assertThatThrownBy(() -> new FormTokens("fifteen-chars!!")).hasMessageContaining("at least 16 characters");
  }
}
