package org.communitylifecycle.notification;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Whether mail is on. Spring Boot creates a {@link JavaMailSender} only when {@code spring.mail.host}
 * is set, so that one standard setting is the switch: without it the application says so once at
 * startup, queues nothing and works as before. With it, unsubscribe links must be signable.
 */
@Component
class MailSwitch {

  private static final Logger log = LoggerFactory.getLogger(MailSwitch.class);

  private final Optional<JavaMailSender> sender;

  @Autowired
  MailSwitch(ObjectProvider<JavaMailSender> sender, MailSettings settings) {
    this(Optional.ofNullable(sender.getIfAvailable()), settings);
  }

  MailSwitch(Optional<JavaMailSender> sender, MailSettings settings) {
    // An empty SPRING_MAIL_HOST (say, from a compose file) counts as set for Spring Boot; here it means off.
    this.sender = sender.filter(s -> !(s instanceof JavaMailSenderImpl impl) || impl.getHost() == null
        || !impl.getHost().isBlank());
    if (this.sender.isEmpty()) {
      log.info("Mail is off: no SMTP server is configured. To send mail on assignment, on escalation and the "
          + "liaisons' weekly digest, set SPRING_MAIL_HOST (and SPRING_MAIL_PORT, SPRING_MAIL_USERNAME, "
          + "SPRING_MAIL_PASSWORD as needed), MAIL_FROM and MAIL_UNSUBSCRIBE_SECRET.");
    } else {
      settings.requireUnsubscribeSecret();
    }
  }

  boolean on() {
    return sender.isPresent();
  }

  /** The SMTP client; only while mail is on. */
  JavaMailSender sender() {
    return sender.orElseThrow(() -> new IllegalStateException("Mail is off: spring.mail.host is not set"));
  }
}
