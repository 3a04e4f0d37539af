package org.communitylifecycle.identity;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Adds permissions to the engine's authorizations, one grant row per group (or one global row) and
 * resource, without ever removing one an admin added in Admin. Each call changes nothing when the
 * permissions are already there, so seeding can run at every startup.
 */
@Component
public class Grants {

  private static final Logger log = LoggerFactory.getLogger(Grants.class);

  private final AuthorizationService authorizations;

  Grants(AuthorizationService authorizations) {
    this.authorizations = authorizations;
  }

  /** Grants the permissions to a group. */
  public void grant(String group, Resource resource, String resourceId, Permission... permissions) {
    Authorization existing = find(AUTH_TYPE_GRANT, group, resource, resourceId);
    Authorization authorization = existing != null ? existing : create(AUTH_TYPE_GRANT, group, resource, resourceId);
    save(authorization, existing == null, permissions);
  }

  /** Grants the permissions to every signed-in user. */
  public void grantEveryone(Resource resource, String resourceId, Permission... permissions) {
    Authorization existing = find(AUTH_TYPE_GLOBAL, null, resource, resourceId);
    Authorization authorization = existing != null ? existing : create(AUTH_TYPE_GLOBAL, null, resource, resourceId);
    save(authorization, existing == null, permissions);
  }

  /** Takes back what earlier versions granted and the current roles no longer include. */
  public void revoke(String group, Resource resource, String resourceId, Permission... permissions) {
    Authorization authorization = find(AUTH_TYPE_GRANT, group, resource, resourceId);
    if (authorization == null) {
      return;
    }
    boolean changed = false;
    for (Permission permission : permissions) {
      if (authorization.isPermissionGranted(permission)) {
        authorization.removePermission(permission);
        changed = true;
      }
    }
    if (changed) {
      authorizations.saveAuthorization(authorization);
      log.info("Revoked {} on {} {} from {}", List.of(permissions), resource.resourceName(), resourceId, group);
    }
  }

  private Authorization find(int type, String group, Resource resource, String resourceId) {
    var query = authorizations.createAuthorizationQuery().authorizationType(type)
        .resourceType(resource).resourceId(resourceId);
    if (group != null) {
      query.groupIdIn(group);
    }
    return query.singleResult();
  }

  private Authorization create(int type, String group, Resource resource, String resourceId) {
    Authorization authorization = authorizations.createNewAuthorization(type);
    authorization.setGroupId(group);
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    return authorization;
  }

  private void save(Authorization authorization, boolean isNew, Permission... permissions) {
    boolean changed = isNew;
    for (Permission permission : permissions) {
      if (!authorization.isPermissionGranted(permission)) {
        authorization.addPermission(permission);
        changed = true;
      }
    }
    if (changed) {
      authorizations.saveAuthorization(authorization);
    }
  }
}
