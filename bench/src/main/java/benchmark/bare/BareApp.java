package benchmark.bare;

import benchmark.Driver;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The reference: a Camunda Spring Boot starter app with the engine's default settings and nothing of
 * the product (its own package; the product's classes are not even on its class path). With
 * -Dbench.run=true it runs the benchmark's phases and exits; without, it just runs (time to ready).
 */
@SpringBootApplication
public class BareApp {

  public static void main(String[] args) throws Exception {
    ConfigurableApplicationContext context = SpringApplication.run(BareApp.class, args);
    if (!Boolean.getBoolean("bench.run")) {
      return;
    }
    Driver.runAndExit(context, BareScenario::new);
  }
}
