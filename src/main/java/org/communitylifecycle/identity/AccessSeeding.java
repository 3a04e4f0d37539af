package org.communitylifecycle.identity;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Permissions.*;
import static org.camunda.bpm.engine.authorization.Resources.*;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.BatchPermissions;
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

  private final IdentityService identity;
  private final Grants grants;
  private final IdentityProperties properties;
  private final List<ProcessAccess> processAccess;
  private final ProcessAccess.Declarations declarations = new GrantedDeclarations();

  AccessSeeding(IdentityService identity, Grants grants, IdentityProperties properties, List<ProcessAccess> processAccess) {
    this.identity = identity;
    this.grants = grants;
    this.properties = properties;
    this.processAccess = processAccess;
  }

  @Override
  public void run(ApplicationArguments args) {
    seed();
  }

  void seed() {
    Groups.ALL.forEach(g -> ensureGroup(g.get(0), g.get(1)));
    activators();
    monitors();
    designers();
    programRoles();
    for (ProcessAccess access : processAccess) {
      access.declare(declarations);
    }
    for (Resource resource : Resources.values()) {
      grants.grant(Groups.CAMUNDA_ADMIN, resource, ANY, Permissions.ALL);
    }
  }

  /**
   * Activators work in Tasklist only: they start what the settings name and work their own tasks.
   * The engine grants each assignee and candidate group its task by itself.
   */
  private void activators() {
    grants.grant(Groups.ACTIVATORS, APPLICATION, TASKLIST, ACCESS);
    grants.grant(Groups.ACTIVATORS, PROCESS_INSTANCE, ANY, CREATE);
    for (String key : properties.startableProcesses()) {
      grants.grant(Groups.ACTIVATORS, PROCESS_DEFINITION, key, READ, CREATE_INSTANCE);
    }
  }

  /** Liaisons and community leads monitor in Cockpit, read-only, and review in Tasklist. */
  private void monitors() {
    for (String group : List.of(Groups.CBT_LIAISONS, Groups.COMMUNITY_LEADS)) {
      grants.grant(group, APPLICATION, TASKLIST, ACCESS);
      grants.grant(group, APPLICATION, COCKPIT, ACCESS);
      grants.grant(group, PROCESS_DEFINITION, ANY, READ, READ_INSTANCE, READ_HISTORY, READ_TASK,
          ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE, ProcessDefinitionPermissions.READ_HISTORY_VARIABLE,
          ProcessDefinitionPermissions.READ_TASK_VARIABLE);
      grants.grant(group, PROCESS_INSTANCE, ANY, READ);
      grants.grant(group, TASK, ANY, READ);
      grants.grant(group, DECISION_DEFINITION, ANY, READ, READ_HISTORY);
      grants.grant(group, DECISION_REQUIREMENTS_DEFINITION, ANY, READ);
      grants.grant(group, DEPLOYMENT, ANY, READ);
      grants.grant(group, USER, ANY, READ);
      grants.grant(group, GROUP, ANY, READ);
    }
  }

  /**
   * Designers look at their models running in Cockpit, deploy new versions and move running
   * instances to them: models and counts, not people's data (no variable, task or history permission; see the variable settings).
   */
  private void designers() {
    grants.grant(Groups.PROCESS_DESIGNERS, APPLICATION, COCKPIT, ACCESS);
    grants.grant(Groups.PROCESS_DESIGNERS, APPLICATION, TASKLIST, ACCESS);
    grants.grant(Groups.PROCESS_DESIGNERS, DEPLOYMENT, ANY, CREATE, READ);
    grants.grant(Groups.PROCESS_DESIGNERS, PROCESS_DEFINITION, ANY, READ, READ_INSTANCE,
        ProcessDefinitionPermissions.MIGRATE_INSTANCE);
    // Migrating running instances to a new version runs as an engine batch (docs/designing-migration.md).
    grants.grant(Groups.PROCESS_DESIGNERS, BATCH, ANY, BatchPermissions.CREATE_BATCH_MIGRATE_PROCESS_INSTANCES);
    grants.revoke(Groups.PROCESS_DESIGNERS, PROCESS_DEFINITION, ANY, READ_HISTORY);
    grants.grant(Groups.PROCESS_DESIGNERS, PROCESS_INSTANCE, ANY, READ);
    grants.grant(Groups.PROCESS_DESIGNERS, DECISION_DEFINITION, ANY, READ, READ_HISTORY);
    grants.grant(Groups.PROCESS_DESIGNERS, DECISION_REQUIREMENTS_DEFINITION, ANY, READ);
  }

  /** The programs' roles work in Tasklist; what they may start, their modules declare. */
  private void programRoles() {
    for (String group : List.of(Groups.MENTORS, Groups.MENTEES, Groups.HUB_HOSTS,
        Groups.INSTANCE_MANAGERS, Groups.PROJECT_MANAGERS, Groups.BRANCH_LEADS)) {
      grants.grant(group, APPLICATION, TASKLIST, ACCESS);
    }
  }

  /** A module's declarations as grants: starting takes CREATE on instances and the definition. */
  private final class GrantedDeclarations implements ProcessAccess.Declarations {

    @Override
    public ProcessAccess.Declarations startableBy(String processKey, String... groups) {
      for (String group : groups) {
        grants.grant(group, PROCESS_INSTANCE, ANY, CREATE);
        grants.grant(group, PROCESS_DEFINITION, processKey, READ, CREATE_INSTANCE);
      }
      return this;
    }

    @Override
    public ProcessAccess.Declarations readableBy(String processKey, String... groups) {
      for (String group : groups) {
        grants.grant(group, PROCESS_DEFINITION, processKey, READ);
      }
      return this;
    }

    @Override
    public ProcessAccess.Declarations startableByEveryone(String processKey) {
      grants.grantEveryone(PROCESS_DEFINITION, processKey, READ, CREATE_INSTANCE);
      grants.grantEveryone(PROCESS_INSTANCE, ANY, CREATE);
      return this;
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
  }}
