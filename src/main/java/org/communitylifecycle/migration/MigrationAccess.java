package org.communitylifecycle.migration;

import org.communitylifecycle.identity.Groups;
import org.communitylifecycle.identity.ProcessAccess;
import org.springframework.stereotype.Component;

/** Designers and administrators start the migration process from Tasklist. */
@Component
class MigrationAccess implements ProcessAccess {

  @Override
  public void declare(Declarations declarations) {
    declarations.startableBy(MigrateRunningInstancesContract.PROCESS_KEY, Groups.PROCESS_DESIGNERS, Groups.CAMUNDA_ADMIN);
  }
}
