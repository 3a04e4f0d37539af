package org.communitylifecycle.identity;

import java.util.Collection;
import java.util.Objects;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
// Running a query without the caller's authorizations inside a command has no public API.
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * The team of one community or program instance: an engine group of type {@value #TYPE} whose
 * members are its people (activators, liaisons, mentors, hosts, managers, and whoever Admin adds).
 * A team is the audience of its work: its tasks name the team as their candidate group, so the
 * engine's own task authorizations show the work to the team and to nobody else. The role groups
 * in {@link Groups} say what a person may do, never whose work they see.
 */
public final class Teams {

  /** The group type that marks a team in Admin. */
  public static final String TYPE = "team";
  /** The longest group id the engine stores (ACT_ID_GROUP.ID_). */
  static final int MAX_ID_LENGTH = 64;

  /**
   * Which team: a community has two, its activators (who deliver) and its liaisons (who review),
   * so that nobody reviews their own work; each program instance has one.
   */
  public enum Kind {
    ACTIVATORS("activators", "activators"),
    LIAISONS("liaisons", "liaisons"),
    MENTORS("mentors", "mentors"),
    OPS_JAM_LEADS("opsjam", "ops jam leads"),
    HUB_HOSTS("hosts", "hub hosts");

    private final String prefix;
    private final String title;

    Kind(String prefix, String title) {
      this.prefix = prefix;
      this.title = title;
    }

    /**
     * The team's group id, such as {@code activators-sumo-community}. A key too long for the
     * engine's group ids keeps its start and ends in a hash of the whole key, so that two long
     * keys with the same start still make two teams.
     */
    public String groupId(String key) {
      if (key == null || key.isBlank()) {
        throw new IllegalArgumentException("A team of " + title + " needs the key of what it works on");
      }
      String id = prefix + "-" + key;
      if (id.length() <= MAX_ID_LENGTH) {
        return id;
      }
      String hash = String.format("-%08x", key.hashCode());
      return id.substring(0, MAX_ID_LENGTH - hash.length()).replaceAll("-+$", "") + hash;
    }
  }

  private Teams() {}

  /**
   * Creates the team's group if it is missing and adds the members it lacks; removes nobody, so an
   * admin's additions stay. Runs without the caller's authorizations: starting a community is what
   * entitles its starter to a team.
   *
   * @return the team's group id
   */
  public static String ensure(IdentityService identity, Kind kind, String key, String name, Collection<String> members) {
    String groupId = kind.groupId(key);
    CommandContext context = Context.getCommandContext();
    if (context == null) {
      add(identity, groupId, name + ": " + kind.title, members);
    } else {
      context.runWithoutAuthorization(() -> {
        add(identity, groupId, name + ": " + kind.title, members);
        return null;
      });
    }
    return groupId;
  }

  private static void add(IdentityService identity, String groupId, String name, Collection<String> members) {
    if (identity.createGroupQuery().groupId(groupId).count() == 0) {
      Group group = identity.newGroup(groupId);
      group.setName(name);
      group.setType(TYPE);
      identity.saveGroup(group);
    }
    members.stream().filter(Objects::nonNull).distinct().forEach(userId -> {
      if (identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
        identity.createMembership(userId, groupId);
      }
    });
  }
}
