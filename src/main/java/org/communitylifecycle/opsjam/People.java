package org.communitylifecycle.opsjam;

import java.util.function.Predicate;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineServices;
// runWithoutAuthorization has no public API: the checks must read users the one filling in the form may not.
import org.camunda.bpm.engine.impl.context.Context;
import org.communitylifecycle.engine.InvalidInputException;

/**
 * Checks on the people a form names. The one filling in the form may not read other users or
 * groups, so these checks are the engine's own, made without authorization.
 */
final class People {

  private People() {}

  /** Whether a user id belongs to a known user. */
  static Predicate<String> known(ProcessEngineServices services) {
    IdentityService identity = services.getIdentityService();
    return userId -> Context.getCommandContext().runWithoutAuthorization(
        () -> identity.createUserQuery().userId(userId).count() > 0);
  }

  /** Fails unless the user exists and is in the group; the role names them in the message. */
  static void requireMember(ProcessEngineServices services, String userId, String role, String variable, String group) {
    if (userId == null) {
      throw new InvalidInputException("Name the " + role + " by user id (" + variable + ")");
    }
    IdentityService identity = services.getIdentityService();
    Context.getCommandContext().runWithoutAuthorization(() -> {
      if (identity.createUserQuery().userId(userId).count() == 0) {
        throw new InvalidInputException("The " + role + " '" + userId + "' is not a known user");
      }
      if (identity.createUserQuery().userId(userId).memberOfGroup(group).count() == 0) {
        throw new InvalidInputException("The " + role + " '" + userId + "' is not in the group '" + group + "'");
      }
      return null;
    });
  }
}
