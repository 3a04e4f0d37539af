package org.communitylifecycle.notification;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Duration;
import org.communitylifecycle.engine.BaseUrl;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.scheduling.support.CronExpression;

/**
 * Settings of the application's mail, under {@code community-lifecycle.mail}. The SMTP server itself
 * is Spring Boot's {@code spring.mail.*}; without {@code spring.mail.host} no mail is sent at all.
 *
 * @param from the sender, such as {@code Community Lifecycle <lifecycle@example.org>}
 * @param baseUrl the address people reach the application at; links in mails start with it
 * @param maxAttempts how often one message is tried before it is marked failed
 * @param backoff the wait after the first failed attempt; it doubles after each further one
 * @param maxBackoff the longest wait between two attempts
 * @param pollInterval how often the outbox is searched for messages due (again)
 * @param digestCron when the liaisons' digest of stalled milestones goes out (Spring cron, six fields)
 * @param unsubscribeSecret the key that signs unsubscribe links; required while mail is on
 */
@ConfigurationProperties("community-lifecycle.mail")
record MailSettings(
    @DefaultValue("Community Lifecycle <no-reply@localhost>") String from,
    @DefaultValue("http://localhost:8080") String baseUrl,
    @DefaultValue("8") int maxAttempts,
    @DefaultValue("PT1M") Duration backoff,
    @DefaultValue("PT6H") Duration maxBackoff,
    @DefaultValue("PT30S") Duration pollInterval,
    @DefaultValue("0 0 8 * * MON") String digestCron,
    String unsubscribeSecret) {

  static final String PREFIX = "community-lifecycle.mail.";
  /** Shorter secrets are guessable enough to forge unsubscribe links. */
  static final int MIN_SECRET_LENGTH = 16;

  public MailSettings {
    from = requireAddress(from);
    baseUrl = BaseUrl.require(PREFIX + "base-url", baseUrl, "people", "https://lifecycle.example.org");
    if (maxAttempts < 1) {
      throw new IllegalArgumentException(PREFIX + "max-attempts must be at least 1, got " + maxAttempts);
    }
    requirePositive("backoff", backoff);
    requirePositive("max-backoff", maxBackoff);
    requirePositive("poll-interval", pollInterval);
    if (maxBackoff.compareTo(backoff) < 0) {
      throw new IllegalArgumentException(
          PREFIX + "max-backoff (" + maxBackoff + ") must not be shorter than " + PREFIX + "backoff (" + backoff + ")");
    }
    if (digestCron == null || !CronExpression.isValidExpression(digestCron)) {
      throw new IllegalArgumentException(PREFIX + "digest-cron must be a Spring cron expression with six fields "
          + "(second minute hour day month weekday), such as '0 0 8 * * MON' for Mondays at 08:00; got '" + digestCron + "'");
    }
    unsubscribeSecret = unsubscribeSecret == null || unsubscribeSecret.isBlank() ? null : unsubscribeSecret;
  }

  /** The wait before the next attempt, after {@code attempts} failed ones: backoff, doubled each time, at most max-backoff. */
  Duration backoffAfter(int attempts) {
    Duration wait = backoff;
    for (int i = 1; i < attempts && wait.compareTo(maxBackoff) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
  }

  /** Fails, with what to set, when mail is on but links could not be signed. */
  void requireUnsubscribeSecret() {
    if (unsubscribeSecret == null) {
      throw new MailSettingsException(PREFIX + "unsubscribe-secret is not set, but mail is on (spring.mail.host is set). "
          + "Every mail carries a signed unsubscribe link; set MAIL_UNSUBSCRIBE_SECRET to a random string of at least "
          + MIN_SECRET_LENGTH + " characters (for example the output of: openssl rand -base64 32), "
          + "or unset SPRING_MAIL_HOST to run without mail.");
    }
    if (unsubscribeSecret.length() < MIN_SECRET_LENGTH) {
      throw new MailSettingsException(PREFIX + "unsubscribe-secret is too short (" + unsubscribeSecret.length()
          + " characters); use a random string of at least " + MIN_SECRET_LENGTH
          + " characters, for example the output of: openssl rand -base64 32");
    }
  }

  /** Mail settings that keep the application from starting, with what to change. */
  static class MailSettingsException extends IllegalStateException {
    MailSettingsException(String message) {
      super(message);
    }
  }

  private static String requireAddress(String value) {
    try {
      InternetAddress address = new InternetAddress(value, true);
      address.validate();
      return value.trim();
    } catch (AddressException | NullPointerException e) {
      throw new IllegalArgumentException(PREFIX + "from must be a mail address such as "
          + "'Community Lifecycle <lifecycle@example.org>' or 'lifecycle@example.org'; got '" + value + "'");
    }
  }

  private static void requirePositive(String name, Duration value) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(PREFIX + name + " must be a positive duration such as PT1M; got '" + value + "'");
    }
  }
}
