package org.communitylifecycle.opsjam;

import static org.communitylifecycle.opsjam.OpsJamContract.BRANCH_LEAD;
import static org.communitylifecycle.opsjam.OpsJamContract.INSTANCE_MANAGERS;
import static org.communitylifecycle.opsjam.OpsJamContract.JAM_NAME;
import static org.communitylifecycle.opsjam.OpsJamContract.PROJECT_MANAGER;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.communitylifecycle.community.CommunitySlug;
import org.communitylifecycle.engine.InvalidInputException;
import org.communitylifecycle.identity.Groups;
import org.communitylifecycle.identity.Teams;
import org.springframework.stereotype.Component;

/**
 * Start listener of an ops jam: checks the jam's name and people, keys the instance by the slug of
 * the name, refuses a second jam with that key, records the jam and fills in its periods, and makes
 * its project manager and branch lead the jam's team: the audience of its tasks.
 */
@Component("opsJamStart")
public class OpsJamStart {

  private final OpsJams jams;
  private final OpsJamProperties properties;

  public OpsJamStart(OpsJams jams, OpsJamProperties properties) {
    this.jams = jams;
    this.properties = properties;
  }

  public void enter(DelegateExecution execution) {
    OpsJamContract jam = OpsJamContract.of(execution);
    String name = Inputs.required(jam.jamName(), JAM_NAME, "Name the ecosystem or the jam", Inputs.NAME_LENGTH);
    String key = CommunitySlug.of(name);
    if (key.isEmpty()) {
      throw new InvalidInputException("The name '" + name + "' needs at least one letter or digit to make the jam's key");
    }
    String projectManager = jam.projectManager();
    String branchLead = jam.branchLead();
    People.requireMember(execution.getProcessEngineServices(), projectManager, "project manager", PROJECT_MANAGER,
        Groups.PROJECT_MANAGERS);
    People.requireMember(execution.getProcessEngineServices(), branchLead, "branch lead", BRANCH_LEAD,
        Groups.BRANCH_LEADS);
    if (projectManager.equals(branchLead)) {
      throw new InvalidInputException(
          "The project manager and the branch lead are two people who meet 1:1; '" + branchLead + "' cannot be both");
    }
    Set<String> instanceManagers = new LinkedHashSet<>(jam.instanceManagers());
    if (instanceManagers.isEmpty()) {
      throw new InvalidInputException("Invite at least one instance manager by user id (instanceManagers)");
    }
    for (String instanceManager : instanceManagers) {
      People.requireMember(execution.getProcessEngineServices(), instanceManager, "instance manager",
          INSTANCE_MANAGERS, Groups.INSTANCE_MANAGERS);
    }
    if (jams.find(key).isPresent()) {
      throw new InvalidInputException(
          "There is already an ops jam with the key '" + key + "'; give this one another name, for example with the month");
    }

    execution.setProcessBusinessKey(key);
    String jamTeam = Teams.ensure(execution.getProcessEngineServices().getIdentityService(),
        Teams.Kind.OPS_JAM_LEADS, key, name, List.of(projectManager, branchLead));
    jam.started(new OpsJamContract.Started(name, key, projectManager, branchLead, List.copyOf(instanceManagers),
        jamTeam, properties));
    jams.create(key, name, projectManager, branchLead, execution.getProcessInstanceId());
  }
}
