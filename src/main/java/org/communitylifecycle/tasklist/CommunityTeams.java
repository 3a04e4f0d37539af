package org.communitylifecycle.tasklist;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
// A variable query inside a filter expression runs in the command context without authorization; there is no public API for that.
import org.camunda.bpm.engine.impl.VariableInstanceQueryImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.communitylifecycle.community.CommunityContract;

/**
 * The expression function {@value #FUNCTION}() that Tasklist filters call: the groups of the person
 * logged in, and for every community whose liaison team they belong to, that community's activator
 * team. A liaison's "Stalled in my communities" thereby finds the activators' stalled Deliver steps
 * of exactly the communities they support, although the liaison is no candidate of those tasks.
 *
 * <p>Only filters can call it: the model check refuses every function but the engine's own in a
 * deployed model (modelcheck/ExpressionsCallOnlyOpenBeans.java). It reads, and changes nothing.
 */
public final class CommunityTeams {

  public static final String FUNCTION = "currentUserCommunityTeams";

  /**
   * Stands in for "no group" so that the engine's candidate-group condition, which refuses an empty
   * list, finds nothing instead of failing the whole filter list.
   */
  static final String NO_GROUP = "-";

  private CommunityTeams() {}

  public static List<String> currentUserCommunityTeams() {
    CommandContext context = Context.getCommandContext();
    if (context == null || context.getAuthenticatedUserId() == null) {
      return List.of(NO_GROUP);
    }
    List<String> groups = context.getAuthenticatedGroupIds() == null ? List.of() : context.getAuthenticatedGroupIds();
    Set<String> teams = new LinkedHashSet<>(groups);
    // Who supports which community is what its processes hold; reading it is this function's own
    // business, not the caller's (a liaison's filter counts must not depend on variable permissions).
    context.runWithoutAuthorization(() -> {
      List<String> supported = new ArrayList<>();
      for (String group : groups) {
        supported.addAll(processesWith(context, CommunityContract.LIAISON_TEAM, group));
      }
      if (!supported.isEmpty()) {
        VariableInstanceQueryImpl activatorTeams = new VariableInstanceQueryImpl();
        activatorTeams.variableName(CommunityContract.ACTIVATOR_TEAM);
        activatorTeams.processInstanceIdIn(supported.stream().distinct().toArray(String[]::new));
        activatorTeams.disableBinaryFetching().disableCustomObjectDeserialization();
        activatorTeams.executeList(context, null).stream()
            .map(VariableInstance::getValue)
            .filter(Objects::nonNull)
            .map(Object::toString)
            .forEach(teams::add);
      }
      return null;
    });
    return teams.isEmpty() ? List.of(NO_GROUP) : List.copyOf(teams);
  }

  private static List<String> processesWith(CommandContext context, String variable, String value) {
    VariableInstanceQueryImpl query = new VariableInstanceQueryImpl();
    query.variableValueEquals(variable, value);
    query.disableBinaryFetching().disableCustomObjectDeserialization();
    return query.executeList(context, null).stream().map(VariableInstance::getProcessInstanceId).toList();
  }
}
