package org.communitylifecycle.modelcheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
// A process engine plugin and a deployer have no public API.
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Keeps deployed models from running code, in two layers of the engine itself.
 *
 * <ol>
 *   <li>At deploy time, {@link ModelCheck#standard()} checks every file of every new deployment
 *       before anything is stored, whoever deploys it, and refuses the deployment with a
 *       {@link ModelRefusedException} (400 from the REST API) naming element and reason.
 *   <li>At run time, expressions see only the beans in {@link OpenBeans}. The starter's
 *       {@code ProcessEngineFactoryBean} gives the engine a {@link SpringExpressionManager} that
 *       resolves every bean of the application context before any plugin runs; it is replaced
 *       here by one that resolves the open beans only (the engine and Spin add their functions
 *       after this, in {@code init} and {@code postInit}). Scripts, were one ever run, see the same beans.
 * </ol>
 */
@Component
class ModelSafety extends AbstractProcessEnginePlugin {

  private final ApplicationContext context;

  public ModelSafety(ApplicationContext context) {
    this.context = context;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<Deployer> deployers = new ArrayList<>();
    deployers.add(new ModelCheckDeployer(ModelCheck.standard()));
    if (configuration.getCustomPreDeployers() != null) {
      deployers.addAll(configuration.getCustomPreDeployers());
    }
    configuration.setCustomPreDeployers(deployers);

    Map<Object, Object> openBeans = new OpenBeanMap(context, OpenBeans.NAMES);
    configuration.setBeans(openBeans);
    configuration.setExpressionManager(new SpringExpressionManager(context, openBeans));
  }

  /** A name on the list that is no bean is a typo or a rename: the models calling it would fail at run time. */
  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    List<String> missing = OpenBeans.NAMES.stream().filter(name -> !context.containsBean(name)).sorted().toList();
    if (!missing.isEmpty()) {
      throw new IllegalStateException("OpenBeans lists " + missing + ", which are not beans of the app");
    }
  }
}
