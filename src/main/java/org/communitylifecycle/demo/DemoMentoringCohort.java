package org.communitylifecycle.demo;

import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.communitylifecycle.engine.AppClock;
import org.communitylifecycle.identity.Groups;
import org.communitylifecycle.mentoring.MentoringCohortContract;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Forms one sample mentoring cohort, once: maya forms it, she and mark mentor mateo, mina and
 * milo from member to reviewer for three months, starting on the day the demo first starts, so
 * the first standup opens at once.
 */
@Component
@Profile("demo")
@Order(60)
class DemoMentoringCohort implements ApplicationRunner {

  static final String NAME = "Kubernetes SIG Apps reviewers";
  static final String KEY = "kubernetes-sig-apps-reviewers";

  private static final Logger log = LoggerFactory.getLogger(DemoMentoringCohort.class);

  private final DemoEngine engine;

  DemoMentoringCohort(DemoEngine engine) {
    this.engine = engine;
  }

  @Override
  public void run(ApplicationArguments args) {
    // Once ever: a finished or cancelled sample is not formed again.
    if (engine.played(MentoringCohortContract.PROCESS_KEY, KEY)) {
      return;
    }
    LocalDate today = AppClock.today();
    // As maya in the mentors group, so the engine checks her rights and records her as the one who formed it.
    ProcessInstance cohort = engine.as("maya", List.of(Groups.MENTORS), () -> engine.runtime.startProcessInstanceByKey(
        MentoringCohortContract.PROCESS_KEY, MentoringCohortContract.startForm(
            NAME, MentoringCohortContract.RUNG_REVIEWER, "maya,mark", "mateo,mina,milo", today, "P3M")));
    log.info("Demo mentoring cohort '{}' formed ({})", NAME, cohort.getId());
  }
}
