package org.communitylifecycle.identity;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a missing or default admin password into a short startup report instead of a stack trace. */
class AdminPasswordFailureAnalyzer extends AbstractFailureAnalyzer<AdminPasswordGuard.AdminPasswordException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, AdminPasswordGuard.AdminPasswordException cause) {
    return new FailureAnalysis(
        cause.getMessage(),
        "Set the environment variable ADMIN_PASSWORD (and optionally ADMIN_USER, default 'admin'), "
            + "or run with the demo profile (SPRING_PROFILES_ACTIVE=demo) for a local trial with demo users.",
        cause);
  }
}
