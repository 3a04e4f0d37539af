package org.communitylifecycle.testsupport;

import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.communitylifecycle.identity.Teams;

/**
 * Who sees a program's work in the process tests: the members of its team group, the candidate
 * groups of its tasks, and the tasks a user sees when the engine checks authorizations as the
 * application does.
 */
public final class TeamAccess {

  private TeamAccess() {}

  /** Removes every team group, with its memberships: the identity tables outlive each test. */
  public static void clear(IdentityService identity) {
    identity.createGroupQuery().groupType(Teams.TYPE).list().forEach(group -> identity.deleteGroup(group.getId()));
  }

  /** Grants a group permissions on a resource, as AccessSeeding does in the application; once per engine. */
  public static void grant(ProcessEngine engine, String groupId, Resource resource, String resourceId, Permission... permissions) {
    AuthorizationService authorizations = engine.getAuthorizationService();
    if (authorizations.createAuthorizationQuery().groupIdIn(groupId).resourceType(resource).resourceId(resourceId).count() > 0) {
      return;
    }
    Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    grant.setGroupId(groupId);
    grant.setResource(resource);
    grant.setResourceId(resourceId);
    for (Permission permission : permissions) {
      grant.addPermission(permission);
    }
    authorizations.saveAuthorization(grant);
  }

  /** The members of a group, by user id. */
  public static List<String> members(IdentityService identity, String groupId) {
    return identity.createUserQuery().memberOfGroup(groupId).list().stream().map(User::getId).toList();
  }

  /** The type of a group, or null when there is no such group. */
  public static String type(IdentityService identity, String groupId) {
    Group group = identity.createGroupQuery().groupId(groupId).singleResult();
    return group == null ? null : group.getType();
  }

  /** The candidate groups of a task. */
  public static List<String> candidateGroups(ProcessEngine engine, Task task) {
    return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> "candidate".equals(link.getType()) && link.getGroupId() != null).map(IdentityLink::getGroupId).toList();
  }

  /**
   * Runs an action with the engine checking authorizations, as the application runs: tasks created
   * meanwhile grant their assignee and candidates their rights, as they do in the application.
   */
  public static <T> T authorized(ProcessEngine engine, Supplier<T> action) {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    boolean enabled = configuration.isAuthorizationEnabled();
    configuration.setAuthorizationEnabled(true);
    try {
      return action.get();
    } finally {
      configuration.setAuthorizationEnabled(enabled);
    }
  }

  /** Runs an action with authorizations checked, as the user with all their groups, teams included. */
  public static <T> T as(ProcessEngine engine, String userId, Supplier<T> action) {
    IdentityService identity = engine.getIdentityService();
    List<String> groups = identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    identity.setAuthentication(userId, groups);
    try {
      return authorized(engine, action);
    } finally {
      identity.clearAuthentication();
    }
  }

  /** The tasks a user sees, as Tasklist shows them, with authorizations checked. */
  public static List<Task> tasksSeenBy(ProcessEngine engine, String userId) {
    return as(engine, userId, () -> engine.getTaskService().createTaskQuery().list());
  }
}
