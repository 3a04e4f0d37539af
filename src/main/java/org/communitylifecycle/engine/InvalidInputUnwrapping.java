package org.communitylifecycle.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * The engine wraps what a listener or an expression throws, twice over, so a person completing a
 * task would read "ENGINE-03051 There was an exception while invoking the TaskListener..." instead
 * of what they got wrong. This outermost interceptor, outside the transaction, rethrows the
 * {@link InvalidInputException} itself.
 */
@Component
public class InvalidInputUnwrapping extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> pre = new ArrayList<>();
    if (configuration.getCustomPreCommandInterceptorsTxRequired() != null) {
      pre.addAll(configuration.getCustomPreCommandInterceptorsTxRequired());
    }
    pre.add(0, new Unwrap());
    configuration.setCustomPreCommandInterceptorsTxRequired(pre);

    List<CommandInterceptor> preNew = new ArrayList<>();
    if (configuration.getCustomPreCommandInterceptorsTxRequiresNew() != null) {
      preNew.addAll(configuration.getCustomPreCommandInterceptorsTxRequiresNew());
    }
    preNew.add(0, new Unwrap());
    configuration.setCustomPreCommandInterceptorsTxRequiresNew(preNew);
  }

  static final class Unwrap extends CommandInterceptor {
    @Override
    public <T> T execute(Command<T> command) {
      try {
        return next.execute(command);
      } catch (RuntimeException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
          if (cause instanceof InvalidInputException invalid) {
            throw invalid;
          }
        }
        throw e;
      }
    }
  }
}
