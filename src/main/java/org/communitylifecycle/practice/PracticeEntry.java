package org.communitylifecycle.practice;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
// No public API runs a check inside the current engine command without the caller's authorizations.
import org.camunda.bpm.engine.impl.context.Context;
import org.communitylifecycle.engine.AppClock;
import org.communitylifecycle.community.CommunitySlug;
import org.communitylifecycle.engine.InvalidInputException;
import org.communitylifecycle.identity.Groups;
import org.communitylifecycle.identity.Teams;
import org.springframework.stereotype.Component;

/**
 * Start listener of the maturity process: checks the community of practice's name, liaison and
 * assessment interval, keys the instance by the name's slug, refuses a second running instance
 * with that key, and registers the community of practice. The first self-assessment is due at once.
 */
@Component("practiceEntry")
public class PracticeEntry {

  static final int MAX_NAME_LENGTH = 120;

  private final PracticeProperties properties;
  private final AssessmentRecords records;

  public PracticeEntry(PracticeProperties properties, AssessmentRecords records) {
    this.properties = properties;
    this.records = records;
  }

  public void register(DelegateExecution execution) {
    PracticeMaturityContract contract = PracticeMaturityContract.of(execution);
    String name = requireName(contract.communityName());
    String key = CommunitySlug.of(name);
    if (key.isEmpty()) {
      throw new InvalidInputException(
          "The name '" + name + "' needs at least one letter or digit to make the community of practice's key");
    }
    String liaison = contract.liaison();
    String interval = intervalOrDefault(contract.assessmentInterval());
    requireLiaisonAndNoRunningInstance(execution, liaison, key);

    records.register(key, name, liaison, interval, AppClock.now());
    int highest = records.highestStepNumber(key);

    execution.setProcessBusinessKey(key);
    // A community of practice shares the community's teams: its activators self-assess, its liaisons review.
    IdentityService identity = execution.getProcessEngineServices().getIdentityService();
    String activatorTeam = Teams.ensure(identity, Teams.Kind.ACTIVATORS, key, name, List.of());
    String liaisonTeam = Teams.ensure(identity, Teams.Kind.LIAISONS, key, name, List.of(liaison));
    contract.registered(name, key, liaison, activatorTeam, liaisonTeam, interval, AppClock.date(), highest);
  }

  private static String requireName(String name) {
    if (name == null) {
      throw new InvalidInputException("Give the community of practice a name (communityName)");
    }
    if (name.length() > MAX_NAME_LENGTH) {
      throw new InvalidInputException(
          "The name of the community of practice is " + name.length() + " characters long; keep it to " + MAX_NAME_LENGTH);
    }
    return name;
  }

  private String intervalOrDefault(String interval) {
    if (interval == null) {
      return properties.assessmentInterval();
    }
    try {
      PracticeProperties.requireInterval("The assessment interval", interval);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(e.getMessage());
    }
    return interval;
  }

  private static void requireLiaisonAndNoRunningInstance(DelegateExecution execution, String liaison, String key) {
    String processKey =
        execution.getProcessEngineServices().getRepositoryService()
            .getProcessDefinition(execution.getProcessDefinitionId()).getKey();
    // The starting user may not read users, groups or other instances; these checks are the engine's own.
    Context.getCommandContext()
        .runWithoutAuthorization(
            () -> {
              requireLiaison(execution.getProcessEngineServices().getIdentityService(), liaison);
              long running =
                  execution.getProcessEngineServices().getRuntimeService().createProcessInstanceQuery()
                      .processDefinitionKey(processKey)
                      .processInstanceBusinessKey(key)
                      .count();
              if (running > 0) {
                throw new InvalidInputException(
                    "The community of practice '" + key + "' is already being assessed; open its running instance instead");
              }
              return null;
            });
  }

  private static void requireLiaison(IdentityService identity, String liaison) {
    if (liaison == null) {
      throw new InvalidInputException("Name the liaison by user id (liaison)");
    }
    if (identity.createUserQuery().userId(liaison).count() == 0) {
      throw new InvalidInputException("The liaison '" + liaison + "' is not a known user");
    }
    if (identity.createUserQuery().userId(liaison).memberOfGroup(Groups.CBT_LIAISONS).count() == 0) {
      throw new InvalidInputException("The liaison '" + liaison + "' is not in the group '" + Groups.CBT_LIAISONS + "'");
    }
  }
}
