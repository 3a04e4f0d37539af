package org.communitylifecycle.milestone;

import org.camunda.bpm.engine.ProcessEngineServices;
// getCurrentAuthentication() returns this engine type; the public API has no other.
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who is acting in the current engine call. */
final class Actor {

  private Actor() {}

  /** The authenticated user, or the fallback when the engine runs without one (jobs, seeding). */
  static String current(ProcessEngineServices services, String fallback) {
    Authentication authentication = services.getIdentityService().getCurrentAuthentication();
    if (authentication != null && authentication.getUserId() != null) {
      return authentication.getUserId();
    }
    return fallback;
  }
}
