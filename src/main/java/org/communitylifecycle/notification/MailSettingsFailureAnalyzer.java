package org.communitylifecycle.notification;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns mail settings that cannot work into a short startup report instead of a stack trace. */
class MailSettingsFailureAnalyzer extends AbstractFailureAnalyzer<MailSettings.MailSettingsException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, MailSettings.MailSettingsException cause) {
    return new FailureAnalysis(cause.getMessage(),
        "Set the missing value (see docs/mail.md), or unset SPRING_MAIL_HOST to run without mail.", cause);
  }
}
