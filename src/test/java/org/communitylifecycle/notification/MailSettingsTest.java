package org.communitylifecycle.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** The mail settings refuse what cannot work, with the setting's name and an example, and mail off is said once. */
@ExtendWith(OutputCaptureExtension.class)
class MailSettingsTest {

  static MailSettings settings(String secret) {
    return new MailSettings("Community Lifecycle <lifecycle@example.org>", "https://lifecycle.example.org/", 8,
        Duration.ofMinutes(1), Duration.ofHours(6), Duration.ofSeconds(30), "0 0 8 * * MON", secret);
  }

  @Test
  void defaultsAreValidAndTheBaseUrlLosesItsTrailingSlash() {
    assertThat(settings(null).baseUrl()).isEqualTo("https://lifecycle.example.org");
    assertThat(settings("  ").unsubscribeSecret()).isNull();
  }

  @Test
  void backoffDoublesUpToItsMaximum() {
    MailSettings settings = settings(null);
    assertThat(settings.backoffAfter(1)).isEqualTo(Duration.ofMinutes(1));
    assertThat(settings.backoffAfter(2)).isEqualTo(Duration.ofMinutes(2));
    assertThat(settings.backoffAfter(4)).isEqualTo(Duration.ofMinutes(8));
    assertThat(settings.backoffAfter(30)).isEqualTo(Duration.ofHours(6));
  }

  @Test
  void badValuesNameTheSettingAndShowAnExample() {
    assertThatThrownBy(() -> new MailSettings("not an address", "http://x", 8, Duration.ofMinutes(1),
        Duration.ofHours(6), Duration.ofSeconds(30), "0 0 8 * * MON", null))
        .hasMessageContaining("community-lifecycle.mail.from").hasMessageContaining("lifecycle@example.org");
    assertThatThrownBy(() -> new MailSettings("a@example.org", "ftp://x", 8, Duration.ofMinutes(1),
        Duration.ofHours(6), Duration.ofSeconds(30), "0 0 8 * * MON", null))
        .hasMessageContaining("community-lifecycle.mail.base-url");
    assertThatThrownBy(() -> new MailSettings("a@example.org", "http://x", 0, Duration.ofMinutes(1),
        Duration.ofHours(6), Duration.ofSeconds(30), "0 0 8 * * MON", null))
        .hasMessageContaining("community-lifecycle.mail.max-attempts must be at least 1");
    assertThatThrownBy(() -> new MailSettings("a@example.org", "http://x", 8, Duration.ZERO,
        Duration.ofHours(6), Duration.ofSeconds(30), "0 0 8 * * MON", null))
        .hasMessageContaining("community-lifecycle.mail.backoff must be a positive duration");
    assertThatThrownBy(() -> new MailSettings("a@example.org", "http://x", 8, Duration.ofHours(1),
        Duration.ofMinutes(6), Duration.ofSeconds(30), "0 0 8 * * MON", null))
        .hasMessageContaining("community-lifecycle.mail.max-backoff");
    assertThatThrownBy(() -> new MailSettings("a@example.org", "http://x", 8, Duration.ofMinutes(1),
        Duration.ofHours(6), Duration.ofSeconds(30), "0 8 * * MON", null))
        .hasMessageContaining("community-lifecycle.mail.digest-cron").hasMessageContaining("six fields");
  }

  @Test
  void mailOffIsSaidOnceWithHowToTurnItOn(CapturedOutput output) {
    MailSwitch off = new MailSwitch(Optional.empty(), settings(null));

    assertThat(off.on()).isFalse();
    assertThat(output.getOut()).containsOnlyOnce("Mail is off").contains("SPRING_MAIL_HOST");
  }

  @Test
  void mailOnWithoutAnUnsubscribeSecretStopsTheStart() {
    JavaMailSenderImpl smtp = new JavaMailSenderImpl();
    smtp.setHost("smtp.example.org");
    assertThatThrownBy(() -> new MailSwitch(Optional.of(smtp), settings(null)))
        .isInstanceOf(MailSettings.MailSettingsException.class)
        .hasMessageContaining("community-lifecycle.mail.unsubscribe-secret is not set")
        .hasMessageContaining("MAIL_UNSUBSCRIBE_SECRET");
    assertThatThrownBy(() -> new MailSwitch(Optional.of(smtp), settings("short")))
        .hasMessageContaining("too short");
    JavaMailSenderImpl configured = new JavaMailSenderImpl();
    configured.setHost("smtp.example.org");
    assertThat(new MailSwitch(Optional.of(configured), settings("a-long-enough-secret")).on()).isTrue();
    JavaMailSenderImpl blankHost = new JavaMailSenderImpl();
    blankHost.setHost(" ");
    assertThat(new MailSwitch(Optional.of(blankHost), settings(null)).on()).as("SPRING_MAIL_HOST set but empty").isFalse();
  }
}
