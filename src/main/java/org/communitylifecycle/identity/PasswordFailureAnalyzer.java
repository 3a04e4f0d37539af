package org.communitylifecycle.identity;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a missing or default password into a short startup report instead of a stack trace. */
class PasswordFailureAnalyzer extends AbstractFailureAnalyzer<PasswordGuard.PasswordException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, PasswordGuard.PasswordException cause) {
    return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
  }
}
