package org.communitylifecycle.engine;

import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;

/**
 * A DMN engine of its own, for decisions the app evaluates in memory against a table the process
 * engine has deployed: no command, no authorization check, no history entry per evaluation (the
 * dashboard's exit targets, the tiers of a whole sync). Built once, at first use: building one
 * (FEEL and its Scala runtime) would add 0.6 s to every startup. It is thread-safe.
 */
public final class InMemoryDmn {

  private static volatile DmnEngine engine;

  private InMemoryDmn() {}

  public static DmnEngine engine() {
    DmnEngine built = engine;
    if (built == null) {
      synchronized (InMemoryDmn.class) {
        if (engine == null) {
          engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        }
        built = engine;
      }
    }
    return built;
  }
}
