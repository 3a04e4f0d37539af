package org.communitylifecycle.testsupport;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;

/** The people of the process tests, by role, created once per engine. */
public final class TestUsers {

  private TestUsers() {}

  public static void ensure(IdentityService identity) {
    user(identity, "alice", "activators");
    user(identity, "erin", "activators");
    user(identity, "bob", "cbt-liaisons");
    user(identity, "frank", "cbt-liaisons");
    user(identity, "dave", "community-leads");
    user(identity, "carol", "process-designers");
  }

  /** The user, in the group, with password "test"; creates what is missing, changes nothing else. */
  public static void user(IdentityService identity, String id, String groupId) {
    if (identity.createGroupQuery().groupId(groupId).count() == 0) {
      Group group = identity.newGroup(groupId);
      group.setName(groupId);
      identity.saveGroup(group);
    }
    if (identity.createUserQuery().userId(id).count() == 0) {
      User user = identity.newUser(id);
      user.setPassword("test");
      identity.saveUser(user);
    }
    if (identity.createUserQuery().userId(id).memberOfGroup(groupId).count() == 0) {
      identity.createMembership(id, groupId);
    }
  }
}
