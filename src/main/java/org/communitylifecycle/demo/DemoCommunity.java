package org.communitylifecycle.demo;

import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Starts one sample community in the growth stage, once: alice is its activator and bob its
 * liaison. alice has already delivered the gaps milestone, so bob finds a review waiting.
 */
@Component
@Profile("demo")
@Order(30)
class DemoCommunity implements ApplicationRunner {

  static final String NAME = "SUMO Community";
  static final String KEY = "sumo-community";
  static final String STAGE = "learning-and-preparing-for-growth";

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
    // Once ever: a finished or deleted sample is not started again.
    if (history.createHistoricProcessInstanceQuery().processDefinitionKey(STAGE).processInstanceBusinessKey(KEY).count() > 0) {
      return;
    }
    ProcessInstance stage =
        runtime.startProcessInstanceByKey(
            STAGE, Map.of("communityName", NAME, "activator", "alice", "liaison", "bob"));
    Task gaps =
        tasks.createTaskQuery()
            .processInstanceBusinessKey(KEY)
            .taskDefinitionKey("Task_DeliverMilestone")
            .processVariableValueEquals("milestoneKey", "identifyGaps")
            .singleResult();
    if (gaps != null) {
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
    log.info("Demo community '{}' started in the growth stage ({})", NAME, stage.getId());
  }
}
