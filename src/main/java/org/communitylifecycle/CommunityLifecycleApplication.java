package org.communitylifecycle;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Runs community-building programs as BPMN processes on an embedded Camunda 7 engine. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CommunityLifecycleApplication {

  public static void main(String[] args) {
    SpringApplication.run(CommunityLifecycleApplication.class, args);
  }
}
