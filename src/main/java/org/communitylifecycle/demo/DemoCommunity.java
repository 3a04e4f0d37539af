package org.communitylifecycle.demo;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.communitylifecycle.engine.InvalidInputException;
import org.communitylifecycle.lifecycle.LifecycleStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Starts a lifecycle for five sample communities, each entered at a different stage, once ever
 * per community: alice is their activator and bob their liaison. In SUMO Community alice has
 * already delivered the gaps milestone, so bob finds a review waiting.
 */
@Component
@Profile("demo")
@Order(30)
class DemoCommunity implements ApplicationRunner {

  static final String LIFECYCLE = "community-lifecycle";

  /** A sample community and the stage it enters at. */
  record Sample(String key, String name, LifecycleStage stage) {}

  static final List<Sample> SAMPLES =
      List.of(
          new Sample("firefox-nightly-testers", "Firefox Nightly Testers", LifecycleStage.PRE_WORK),
          new Sample("mozfest-volunteers", "MozFest Volunteers", LifecycleStage.STARTING),
          new Sample("sumo-community", "SUMO Community", LifecycleStage.LEARNING_AND_PREPARING_FOR_GROWTH),
          new Sample("common-voice-kenya", "Common Voice Kenya", LifecycleStage.SCALING),
          new Sample("mdn-localization", "MDN Localization", LifecycleStage.SUSTAINING));
  static final String SUMO = "sumo-community";

  private static final Logger log = LoggerFactory.getLogger(DemoCommunity.class);

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final HistoryService history;
  private final IdentityService identity;

  DemoCommunity(RuntimeService runtime, TaskService tasks, HistoryService history, IdentityService identity) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.history = history;
    this.identity = identity;
  }

  @Override
  public void run(ApplicationArguments args) {
    for (Sample sample : SAMPLES) {
      // Once ever: a sample that ever ran, in any process, is not started again.
      if (history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(sample.key()).count() > 0) {
        continue;
      }
      try {
        runtime.startProcessInstanceByKey(LIFECYCLE, Map.of(
            "communityName", sample.name(), "activator", "alice", "liaison", "bob", "entryStage", sample.stage().key()));
        log.info("Demo community '{}' entered the lifecycle at {}", sample.name(), sample.stage().displayName());
      } catch (InvalidInputException e) {
        // Sample data must never stop the app from starting.
        log.warn("Demo community '{}' not started: {}", sample.name(), e.getMessage());
        continue;
      }
      if (sample.key().equals(SUMO)) {
        deliverGaps();
      }
    }
  }

  private void deliverGaps() {
    Task gaps =
        tasks.createTaskQuery()
            .processInstanceBusinessKey(SUMO)
            .taskDefinitionKey("Task_DeliverMilestone")
            .processVariableValueEquals("milestoneKey", "identifyGaps")
            .singleResult();
    if (gaps == null) {
      return;
    }
    identity.setAuthenticatedUserId("alice");
    try {
      tasks.complete(
          gaps.getId(),
          Map.of(
              "deliverableUrl", "https://wiki.example.org/sumo/pathway-gaps",
              "deliverableSummary",
                  "Walked the contributor pathway with five newcomers. Gaps: no mentor hand-off after the first answer, locale teams invisible from the get-involved page.",
              "delegatedTo", "kiki (SUMO locale lead)"));
    } finally {
      identity.clearAuthentication();
    }
  }
}
