package org.communitylifecycle.modelcheck;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;

/**
 * The engine's first deployer: it checks every file of a new deployment, whoever deploys it (the
 * REST API, Camunda Modeler, the app at startup), and refuses the whole deployment when any file
 * breaks a rule. It runs inside the deploy command, before the deployment is written, so a refused
 * deployment leaves nothing behind and the previous versions stay the latest.
 */
final class ModelCheckDeployer implements Deployer {

  private final ModelCheck check;

  ModelCheckDeployer(ModelCheck check) {
    this.check = check;
  }

  @Override
  public void deploy(DeploymentEntity deployment) {
    // Deployments already stored passed when they were made; the engine re-reads them after a restart.
    if (!deployment.isNew() || deployment.getResources() == null) {
      return;
    }
    Map<String, List<Violation>> refused = new TreeMap<>();
    for (ResourceEntity resource : deployment.getResources().values()) {
      List<Violation> violations = check.check(resource.getName(), resource.getBytes());
      if (!violations.isEmpty()) {
        refused.put(resource.getName(), violations);
      }
    }
    if (!refused.isEmpty()) {
      throw new ModelRefusedException(refused);
    }
  }
}
