package org.communitylifecycle.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.communitylifecycle.notification.UnsubscribeTokens.Subscription;
import org.junit.jupiter.api.Test;

/** Unsubscribe tokens say who and what, and anything not signed with the secret is refused. */
class UnsubscribeTokensTest {

  final UnsubscribeTokens tokens = new UnsubscribeTokens(MailSettingsTest.settings("the-secret-of-this-test"));

  @Test
  void aTokenCarriesTheUserAndTheKind() {
    String token = tokens.issue("dave", MailKind.DIGEST);

    assertThat(token).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
    assertThat(tokens.verify(token)).contains(new Subscription("dave", MailKind.DIGEST));
  }

  @Test
  void changedMissingOrForeignTokensAreRefused() {
    String token = tokens.issue("dave", MailKind.DIGEST);
    String otherKind = Base64.getUrlEncoder().withoutPadding()
        .encodeToString("assignment:dave".getBytes(StandardCharsets.UTF_8)) + token.substring(token.indexOf('.'));
    String otherUser = Base64.getUrlEncoder().withoutPadding()
        .encodeToString("digest:bob".getBytes(StandardCharsets.UTF_8)) + token.substring(token.indexOf('.'));
    UnsubscribeTokens otherSecret = new UnsubscribeTokens(MailSettingsTest.settings("another-secret-entirely"));

    assertThat(tokens.verify(otherKind)).isEmpty();
    assertThat(tokens.verify(otherUser)).isEmpty();
    assertThat(tokens.verify(token + "x")).isEmpty();
    assertThat(tokens.verify(token.substring(0, token.indexOf('.')))).isEmpty();
    assertThat(tokens.verify("not a token")).isEmpty();
    assertThat(tokens.verify("")).isEmpty();
    assertThat(tokens.verify(null)).isEmpty();
    assertThat(otherSecret.verify(token)).isEmpty();
    assertThat(new UnsubscribeTokens(MailSettingsTest.settings(null)).verify(token)).as("mail off: nothing verifies").isEmpty();
  }
}
