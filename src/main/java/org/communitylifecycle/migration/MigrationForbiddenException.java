package org.communitylifecycle.migration;

import org.camunda.bpm.engine.AuthorizationException;

/**
 * A caller without the right to migrate a process's instances. An engine authorization failure, so
 * both APIs answer 403 and Tasklist shows the message.
 */
public class MigrationForbiddenException extends AuthorizationException {

  public MigrationForbiddenException(String message) {
    super(message);
  }
}
