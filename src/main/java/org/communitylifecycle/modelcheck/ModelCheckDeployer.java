package org.communitylifecycle.modelcheck;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
// Refusing a model at deploy time needs a Deployer, which has no public API.
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.AbstractResourceDefinitionManager;
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
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (ResourceEntity resource : deployment.getResources().values()) {
      files.put(resource.getName(), resource.getBytes());
    }
    Map<String, List<Violation>> refused = check.check(files, new EngineDefinitions(Context.getCommandContext()));
    if (!refused.isEmpty()) {
      throw new ModelRefusedException(refused);
    }
  }

  /**
   * The engine's deployed definitions, read inside the deploy command without authorization: a
   * designer may reference a process she may not read (tenants are not used by the app).
   */
  private record EngineDefinitions(CommandContext context) implements DeployedDefinitions {

    @Override
    public boolean exists(Kind kind, String key, Integer version, String versionTag) {
      return context.runWithoutAuthorization(() -> {
        AbstractResourceDefinitionManager<?> definitions = switch (kind) {
          case PROCESS -> context.getProcessDefinitionManager();
          case DECISION -> context.getDecisionDefinitionManager();
          case FORM -> context.getCamundaFormDefinitionManager();
        };
        try {
          if (version != null) {
            return definitions.findDefinitionByKeyVersionAndTenantId(key, version, null) != null;
          }
          if (versionTag != null) {
            return definitions.findDefinitionByKeyVersionTagAndTenantId(key, versionTag, null) != null;
          }
          return definitions.findLatestDefinitionByKey(key) != null;
        } catch (ProcessEngineException | UnsupportedOperationException e) {
          // More than one found (by tenant or tag): the reference resolves; one the engine cannot look up is not ours to refuse.
          return true;
        }
      });
    }
  }
}
