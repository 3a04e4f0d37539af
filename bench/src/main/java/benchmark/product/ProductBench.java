package benchmark.product;

import benchmark.Driver;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The product side: started inside the product's own jar (Spring Boot's PropertiesLauncher with this
 * project's plain jar on loader.path, see bench/run), it starts the real application, with its real
 * configuration and the settings bench/run passes, runs the benchmark's phases and exits.
 */
public final class ProductBench {

  private ProductBench() {}

  public static void main(String[] args) throws Exception {
    Class<?> application = Class.forName("org.communitylifecycle.CommunityLifecycleApplication");
    ConfigurableApplicationContext context = SpringApplication.run(application, args);
    Driver.runAndExit(context, MilestoneScenario::new);
  }
}
