package org.communitylifecycle.demo;

import java.time.LocalDate;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.communitylifecycle.engine.AppClock;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.communitylifecycle.alumni.AlumniFeedback;
import org.communitylifecycle.alumni.AlumniNetworkContract;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Starts one residency cohort in the alumni network, once: its residency ended three days ago,
 * so the invitations are out and hana finds "Send alumni invitations" with the links. One
 * resident has already answered and is listed on the alumni page.
 */
@Component
@Profile("demo")
@Order(80)
class DemoAlumniNetwork implements ApplicationRunner {

  static final String HUB = "Bergerac Hub";
  static final String COHORT = "Winter 2026 residency";
  static final String KEY = "bergerac-hub/winter-2026-residency";
  static final String HOST = "hana";

  private static final Logger log = LoggerFactory.getLogger(DemoAlumniNetwork.class);

  private final DemoEngine engine;
  private final AlumniFeedback feedback;

  DemoAlumniNetwork(DemoEngine engine, AlumniFeedback feedback) {
    this.engine = engine;
    this.feedback = feedback;
  }

  @Override
  public void run(ApplicationArguments args) {
    // Once ever: a finished or deleted sample is not started again.
    if (engine.played(AlumniNetworkContract.PROCESS_KEY, KEY)) {
      return;
    }
    LocalDate ended = AppClock.today().minusDays(3);
    // As hana, with her groups: the engine checks her group's right to start the process.
    ProcessInstance cohort = engine.as(HOST, engine.groupsOf(HOST), () -> engine.runtime.startProcessInstanceByKey(
        AlumniNetworkContract.PROCESS_KEY, AlumniNetworkContract.startForm(HUB, COHORT, ended.toString(), """
            Ana Lima, ana.lima@example.org
            Tomás Ferreira, tomas.ferreira@example.org
            Mei Chen <mei.chen@example.org>
            Jonas Weber; jonas.weber@example.org""")));
    // The residency is over: issue the invitations now rather than when the job executor gets to it.
    Job ended3DaysAgo = engine.timer(cohort.getId(), AlumniNetworkContract.TIMER_RESIDENCY_ENDED);
    try {
      if (ended3DaysAgo != null) {
        engine.management.executeJob(ended3DaysAgo.getId());
      }
    } catch (OptimisticLockingException e) {
      log.debug("The job executor issued the demo invitations first");
    }
    String links = AlumniNetworkContract.invitationLinks(engine.runtime, cohort.getId());
    if (links != null) {
      // Ana answers at once, so the alumni page has someone to show.
      String first = links.lines().findFirst().orElse("");
      String token = first.substring(first.lastIndexOf('/') + 1);
      feedback.answer(token, new AlumniFeedback.Consent(true, true, true,
          "Growing a community garden in Lyon and writing about commons."));
    }
    log.info("Demo alumni network: cohort '{}' of {} invited ({})", COHORT, HUB, cohort.getId());
  }
}
