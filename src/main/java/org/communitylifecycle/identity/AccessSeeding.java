package org.communitylifecycle.identity;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;
import static org.camunda.bpm.engine.authorization.Permissions.*;
import static org.camunda.bpm.engine.authorization.Resources.*;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Seeds the groups and their authorizations at every startup (the Tasklist filters are seeded by
 * tasklist/TasklistFilters.java). Each run adds what is missing and changes nothing that is
 * already there, so it is safe to repeat. Nodes that start together on one database take turns
 * (engine/StartupLock.java).
 */
@Component
@Order(10)
class AccessSeeding implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(AccessSeeding.class);

  private static final String TASKLIST = "tasklist";
  private static final String COCKPIT = "cockpit";
  private static final String COMMUNITY_OF_PRACTICE_MATURITY = "community-of-practice-maturity";
  private static final List<String> LIAISON_STARTABLE_PROCESSES = List.of("community-lifecycle", "change-community-status");
  private static final String OPS_JAM = "ecosystem-ops-jam";
  private static final String ADD_OPS_REQUEST = "add-ops-request";

  private final IdentityService identity;
  private final AuthorizationService authorizations;
  private final IdentityProperties properties;

  AccessSeeding(
      IdentityService identity,
      AuthorizationService authorizations,
      IdentityProperties properties) {
    this.identity = identity;
    this.authorizations = authorizations;
    this.properties = properties;
  }

  @Override
  public void run(ApplicationArguments args) {
    seed();
  }

  void seed() {
    Groups.ALL.forEach(g -> ensureGroup(g.get(0), g.get(1)));

    // Activators work in Tasklist only: they start lifecycle processes and work their own tasks.
    // The engine grants each assignee and candidate group its task by itself.
    grant(Groups.ACTIVATORS, APPLICATION, TASKLIST, ACCESS);
    grant(Groups.ACTIVATORS, PROCESS_INSTANCE, ANY, CREATE);
    for (String key : properties.startableProcesses()) {
      grant(Groups.ACTIVATORS, PROCESS_DEFINITION, key, READ, CREATE_INSTANCE);
    }
    // Tasklist names the process of each task; activators' milestone tasks belong to this one.
    grant(Groups.ACTIVATORS, PROCESS_DEFINITION, "milestone", READ);

    // Liaisons and community leads monitor in Cockpit, read-only, and review in Tasklist.
    for (String group : List.of(Groups.CBT_LIAISONS, Groups.COMMUNITY_LEADS)) {
      grant(group, APPLICATION, TASKLIST, ACCESS);
      grant(group, APPLICATION, COCKPIT, ACCESS);
      grant(group, PROCESS_DEFINITION, ANY, READ, READ_INSTANCE, READ_HISTORY, READ_TASK,
          ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE, ProcessDefinitionPermissions.READ_HISTORY_VARIABLE,
          ProcessDefinitionPermissions.READ_TASK_VARIABLE);
      grant(group, PROCESS_INSTANCE, ANY, READ);
      grant(group, TASK, ANY, READ);
      grant(group, DECISION_DEFINITION, ANY, READ, READ_HISTORY);
      grant(group, DECISION_REQUIREMENTS_DEFINITION, ANY, READ);
      grant(group, DEPLOYMENT, ANY, READ);
      grant(group, USER, ANY, READ);
      grant(group, GROUP, ANY, READ);
    }
    // Liaisons may start a community's lifecycle, and pause, resume or close it from Tasklist.
    grant(Groups.CBT_LIAISONS, PROCESS_INSTANCE, ANY, CREATE);
    for (String key : LIAISON_STARTABLE_PROCESSES) {
      grant(Groups.CBT_LIAISONS, PROCESS_DEFINITION, key, READ, CREATE_INSTANCE);
    }

    // Liaisons record contributor activity too: they support the activator in tracking conversion points.
    grant(Groups.CBT_LIAISONS, PROCESS_INSTANCE, ANY, CREATE);
    grant(Groups.CBT_LIAISONS, PROCESS_DEFINITION, "record-contributor-activity", READ, CREATE_INSTANCE);
    // Communities of practice: liaisons and community leads start the maturity process; activators
    // only self-assess with the leads, and Tasklist needs to read the process to name their task.
    for (String group : List.of(Groups.CBT_LIAISONS, Groups.COMMUNITY_LEADS)) {
      grant(group, PROCESS_INSTANCE, ANY, CREATE);
      grant(group, PROCESS_DEFINITION, COMMUNITY_OF_PRACTICE_MATURITY, READ, CREATE_INSTANCE);
    }
    grant(Groups.ACTIVATORS, PROCESS_DEFINITION, COMMUNITY_OF_PRACTICE_MATURITY, READ);

    // Designers look at their models running in Cockpit and deploy new versions: models and counts,
    // not people's data (no variable, task or history permission; see the variable settings).
    grant(Groups.PROCESS_DESIGNERS, APPLICATION, COCKPIT, ACCESS);
    grant(Groups.PROCESS_DESIGNERS, APPLICATION, TASKLIST, ACCESS);
    grant(Groups.PROCESS_DESIGNERS, DEPLOYMENT, ANY, CREATE, READ);
    grant(Groups.PROCESS_DESIGNERS, PROCESS_DEFINITION, ANY, READ, READ_INSTANCE);
    revoke(Groups.PROCESS_DESIGNERS, PROCESS_DEFINITION, ANY, READ_HISTORY);
    grant(Groups.PROCESS_DESIGNERS, PROCESS_INSTANCE, ANY, READ);
    grant(Groups.PROCESS_DESIGNERS, DECISION_DEFINITION, ANY, READ, READ_HISTORY);
    grant(Groups.PROCESS_DESIGNERS, DECISION_REQUIREMENTS_DEFINITION, ANY, READ);

    // Group mentoring: mentors form cohorts from Tasklist; mentors and mentees work their own tasks there.
    grant(Groups.MENTORS, APPLICATION, TASKLIST, ACCESS);
    grant(Groups.MENTORS, PROCESS_INSTANCE, ANY, CREATE);
    grant(Groups.MENTORS, PROCESS_DEFINITION, "group-mentoring-cohort", READ, CREATE_INSTANCE);
    grant(Groups.MENTEES, APPLICATION, TASKLIST, ACCESS);
    grant(Groups.MENTEES, PROCESS_DEFINITION, "group-mentoring-cohort", READ);
    // Hub hosts run the alumni network in Tasklist: they start a cohort and work its tasks.
    grant(Groups.HUB_HOSTS, APPLICATION, TASKLIST, ACCESS);
    grant(Groups.HUB_HOSTS, PROCESS_INSTANCE, ANY, CREATE);
    grant(Groups.HUB_HOSTS, PROCESS_DEFINITION, "alumni-network", READ, CREATE_INSTANCE);
    // Ecosystem ops jam: instance managers work their own tasks in Tasklist; project managers and
    // branch leads run the jam there; they and community leads may start one.
    grant(Groups.INSTANCE_MANAGERS, APPLICATION, TASKLIST, ACCESS);
    grant(Groups.INSTANCE_MANAGERS, PROCESS_DEFINITION, OPS_JAM, READ);
    grant(Groups.PROJECT_MANAGERS, APPLICATION, TASKLIST, ACCESS);
    grant(Groups.BRANCH_LEADS, APPLICATION, TASKLIST, ACCESS);
    for (String group : List.of(Groups.PROJECT_MANAGERS, Groups.BRANCH_LEADS, Groups.COMMUNITY_LEADS)) {
      grant(group, PROCESS_DEFINITION, OPS_JAM, READ, CREATE_INSTANCE);
      grant(group, PROCESS_INSTANCE, ANY, CREATE);
    }
    // The jam invites the wider community: every signed-in user may add an ops request from Tasklist.
    grantEveryone(PROCESS_DEFINITION, ADD_OPS_REQUEST, READ, CREATE_INSTANCE);
    grantEveryone(PROCESS_INSTANCE, ANY, CREATE);

    for (Resource resource : Resources.values()) {
      grant(Groups.CAMUNDA_ADMIN, resource, ANY, Permissions.ALL);
    }
  }

  private void ensureGroup(String id, String name) {
    if (identity.createGroupQuery().groupId(id).count() == 0) {
      Group group = identity.newGroup(id);
      group.setName(name);
      group.setType("WORKFLOW");
      identity.saveGroup(group);
      log.info("Created group {}", id);
    }
  }

  private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
    Authorization existing = grantOf(group, resource, resourceId);
    Authorization authorization = existing;
    if (authorization == null) {
      authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
      authorization.setGroupId(group);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    }
    boolean changed = existing == null;
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

  private Authorization grantOf(String group, Resource resource, String resourceId) {
    return authorizations
        .createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GRANT)
        .groupIdIn(group)
        .resourceType(resource)
        .resourceId(resourceId)
        .singleResult();
  }

  /** Takes back what earlier versions granted and the current roles no longer include. */
  private void revoke(String group, Resource resource, String resourceId, Permission... permissions) {
    Authorization authorization = grantOf(group, resource, resourceId);
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

  private void grantEveryone(Resource resource, String resourceId, Permission... permissions) {
    Authorization authorization =
        authorizations
            .createAuthorizationQuery()
            .authorizationType(AUTH_TYPE_GLOBAL)
            .resourceType(resource)
            .resourceId(resourceId)
            .singleResult();
    boolean changed = authorization == null;
    if (authorization == null) {
      authorization = authorizations.createNewAuthorization(AUTH_TYPE_GLOBAL);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    }
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
