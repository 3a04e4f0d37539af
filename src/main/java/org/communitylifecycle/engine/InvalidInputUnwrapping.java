package org.communitylifecycle.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
// A command interceptor, registered by an engine plugin, has no public API.
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.xml.sax.SAXException;

/**
 * The engine wraps what a listener or an expression throws, twice over, so a person completing a
 * task would read "ENGINE-03051 There was an exception while invoking the TaskListener..." instead
 * of what they got wrong, and the log would get a stack trace for every typo. This outermost
 * interceptor, outside the transaction, rethrows the {@link InvalidInputException} itself and logs
 * it as one line; real faults are logged once, with their stack trace.
 */
@Component
public class InvalidInputUnwrapping extends AbstractProcessEnginePlugin {

  private static final Logger log = LoggerFactory.getLogger(InvalidInputUnwrapping.class);

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    // The engine's own logging of failed commands is replaced by the interceptor's.
    configuration.setEnableCmdExceptionLogging(false);
    configuration.setCustomPreCommandInterceptorsTxRequired(
        withUnwrapFirst(configuration.getCustomPreCommandInterceptorsTxRequired()));
    configuration.setCustomPreCommandInterceptorsTxRequiresNew(
        withUnwrapFirst(configuration.getCustomPreCommandInterceptorsTxRequiresNew()));
  }

  private static List<CommandInterceptor> withUnwrapFirst(List<CommandInterceptor> existing) {
    List<CommandInterceptor> interceptors = new ArrayList<>();
    interceptors.add(new Unwrap());
    if (existing != null) {
      interceptors.addAll(existing);
    }
    return interceptors;
  }

  static final class Unwrap extends CommandInterceptor {

    /** Nested engine calls pass through here too; only the outermost one reports. */
    private static final ThreadLocal<Integer> DEPTH = ThreadLocal.withInitial(() -> 0);

    @Override
    public <T> T execute(Command<T> command) {
      DEPTH.set(DEPTH.get() + 1);
      try {
        return next.execute(command);
      } catch (RuntimeException e) {
        InvalidInputException invalid = invalidInput(e);
        boolean outermost = DEPTH.get() == 1;
        if (invalid != null) {
          if (outermost) {
            log.info("Input rejected: {}", invalid.getMessage());
          }
          throw invalid;
        }
        if (outermost) {
          report(command, e);
        }
        throw e;
      } finally {
        DEPTH.set(DEPTH.get() - 1);
      }
    }

    private static InvalidInputException invalidInput(Throwable e) {
      for (Throwable cause = e; cause != null; cause = cause.getCause()) {
        if (cause instanceof InvalidInputException invalid) {
          return invalid;
        }
      }
      return null;
    }

    /** As the engine would: callers' mistakes and lost races ({@link ClientErrors}) briefly, faults in full. */
    private static void report(Command<?> command, RuntimeException e) {
      if (e instanceof OptimisticLockingException || e instanceof BadUserRequestException
          || e instanceof AuthorizationException || e instanceof TaskAlreadyClaimedException
          || refusedModel(e) || ClientErrors.classify(e).isPresent()) {
        log.debug("{} failed: {}", command.getClass().getSimpleName(), e.getMessage());
      } else {
        log.error("{} failed", command.getClass().getSimpleName(), e);
      }
    }

    /**
     * A deployment refused for its files: by the model check or a parser (ParseException, which
     * ModelRefusedException is), or as XML that is not well-formed (ENGINE-09003, caused by the
     * SAX parser; the deploy may run nested in ModelDeployment's own command). The deployer gets
     * the message (REST 400, live redeploy's WARN line); no fault here.
     */
    private static boolean refusedModel(RuntimeException e) {
      if (e instanceof ParseException) {
        return true;
      }
      for (Throwable cause = e; cause != null; cause = cause.getCause()) {
        if (cause instanceof SAXException) {
          return true;
        }
      }
      return false;
    }
  }
}
