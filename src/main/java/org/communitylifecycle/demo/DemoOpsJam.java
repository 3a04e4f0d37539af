package org.communitylifecycle.demo;

import static org.communitylifecycle.opsjam.OpsJamContract.*;

import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.communitylifecycle.engine.AppClock;
import org.communitylifecycle.opsjam.OpsJamContract;
import org.communitylifecycle.opsjam.OpsRequestContract;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Starts one sample ecosystem ops jam, once ever, with the seed's story: dave starts it, paula
 * (project manager) and bruno (branch lead) prepare it and schedule it for today. ivan has shared
 * his input and alice a community request; ines's input is still open.
 */
@Component
@Profile("demo")
@Order(70)
class DemoOpsJam implements ApplicationRunner {

  static final String NAME = "SourceCred Ecosystems";
  static final String KEY = "sourcecred-ecosystems";
  static final String PAST_NAME = "Metagame Instances";
  static final String PAST_KEY = "metagame-instances";

  private static final Logger log = LoggerFactory.getLogger(DemoOpsJam.class);

  private final DemoEngine engine;

  DemoOpsJam(DemoEngine engine) {
    this.engine = engine;
  }

  @Override
  public void run(ApplicationArguments args) {
    // Once ever: a finished or deleted sample is not started again.
    if (engine.played(OpsJamContract.PROCESS_KEY, KEY)) {
      return;
    }
    ProcessInstance jam = prepared(NAME, AppClock.today(), "Discord, #ecosystems",
        Map.of(OPS_NEEDS, "Many branches feel organisational strain. Ecosystems needs help organising and tracking core "
            + "initiatives, and coordinating with instance managers as the base of a customer success program.",
        EXISTING_WORKFLOWS, "Initiatives are tracked per branch in forum threads; instance managers are reached one by one."),
        Map.of(AGENDA, "1. Instance managers describe their workflow and pain points. 2. Requests, priorities and wishlist "
            + "projects from instance managers and the community. 3. Comb the backlog: dependencies, owners, priority.",
        INVITATION, "Instance managers and contributors: join the Ecosystem Ops Jam and share your requests and "
            + "priorities for upcoming Ecosystems work."));

    // The jam is today: its timer is due already, so the instance managers get their tasks now.
    Job jamDay = engine.timer(jam.getId(), TIMER_JAM_DAY);
    if (jamDay != null) {
      engine.management.executeJob(jamDay.getId());
    }
    complete("ivan", jam, TASK_SHARE_WORKFLOW_AND_WISHLIST, Map.of(
        WORKFLOW, "I run the instance's weekly distribution by hand and onboard newcomers in 1:1 calls.",
        PAIN_POINTS, """
            Tithe admin is manual | tithe admin | Every distribution needs hand edits to the tithe configuration.
            Newcomers need hours of 1:1 time | onboarding materials | There is nothing instance-focused to point them to.""",
        WISHLIST, """
            Visibility into ID development | identity management | To coordinate our resources with the identity work.
            Instance-focused onboarding materials | onboarding materials, docs | Docs and cultivation support."""));
    engine.as("alice", engine.groupsOf("alice"), () -> engine.runtime.startProcessInstanceByKey(
        OpsRequestContract.PROCESS_KEY, OpsRequestContract.startForm(KEY, "Design support for an Ecosystem Map", "ecosystem map, design",
        "A map of the instances and how they connect, for newcomers and for planning.")));
    log.info("Demo ops jam '{}' started; ines's input is open ({})", NAME, jam.getId());
    playPastJam();
  }

  /**
   * A second jam, played with the engine clock set back to six weeks ago: its roadmap is published
   * and tracked, and one item fell due ten days ago, so the overdue check escalates it to its owner
   * as soon as the job executor starts.
   */
  private void playPastJam() {
    if (engine.played(OpsJamContract.PROCESS_KEY, PAST_KEY)) {
      return;
    }
    LocalDate today = AppClock.today();
    LocalDate jamDay = today.minusDays(42);
    AppClock.set(jamDay.atTime(9, 0).atZone(AppClock.zone()).toInstant());
    try {
      ProcessInstance jam = prepared(PAST_NAME, jamDay, "Discord, #metagame",
          Map.of(OPS_NEEDS, "Metagame instances want a shared release calendar and fewer manual distributions.",
          EXISTING_WORKFLOWS, "Each instance keeps its own spreadsheet of distributions."),
          Map.of(AGENDA, "1. Instance workflows. 2. Requests and wishlist. 3. Comb the backlog.",
          INVITATION, "Instance managers: bring your distribution pain points to the Metagame Ops Jam."));
      Job jamStarts = engine.timer(jam.getId(), TIMER_JAM_DAY);
      engine.management.executeJob(jamStarts.getId());
      complete("ines", jam, TASK_SHARE_WORKFLOW_AND_WISHLIST, Map.of(
          WORKFLOW, "Distributions run from a cron job that I restart by hand.",
          PAIN_POINTS, "Distribution job needs a restart every week | distributions | It stops when the ledger grows."));
      complete("ivan", jam, TASK_SHARE_WORKFLOW_AND_WISHLIST, Map.of(
          WORKFLOW, "I announce each distribution in three channels.",
          WISHLIST, "A shared release calendar | calendar | So instances stop clashing on distribution days."));
      Task comb = engine.tasks.createTaskQuery().processInstanceId(jam.getId()).taskDefinitionKey(TASK_COMB_BACKLOG).singleResult();
      if (comb == null) {
        log.warn("Demo ops jam '{}' not combed: the backlog task is missing", PAST_NAME);
        return;
      }
      String plan = OpsJamContract.plan(engine.tasks, comb.getId());
      String combed = plan
          .replaceFirst("(OPS-1) \\|  \\|  \\|  \\|  ", "$1 | ines | high |  | " + today.minusDays(10))
          .replaceFirst("(OPS-2) \\|  \\|  \\|  \\|  ", "$1 | ivan | medium |  | " + today.plusDays(30));
      complete("paula", jam, TASK_COMB_BACKLOG, Map.of(PLAN, combed));
      log.info("Demo ops jam '{}' played from {}; OPS-1 is overdue", PAST_NAME, jamDay);
    } finally {
      AppClock.reset();
    }
  }

  /**
   * Starts a jam as dave and prepares it as paula and bruno would: the ops needs, the agenda and
   * invitation, bruno's approval, and the day it is scheduled for.
   */
  private ProcessInstance prepared(String name, LocalDate day, String location, Map<String, Object> opsNeeds,
      Map<String, Object> agendaAndInvitation) {
    ProcessInstance jam = engine.as("dave", engine.groupsOf("dave"), () -> engine.runtime.startProcessInstanceByKey(
        OpsJamContract.PROCESS_KEY, OpsJamContract.startForm(name, "paula", "bruno", "ines, ivan")));
    complete("paula", jam, TASK_DISCUSS_OPS_NEEDS, opsNeeds);
    complete("paula", jam, TASK_DRAFT_AGENDA_AND_INVITATION, agendaAndInvitation);
    complete("bruno", jam, TASK_REVIEW_AGENDA_AND_INVITATION, Map.of(AGENDA_DECISION, DECISION_APPROVE));
    complete("bruno", jam, TASK_SCHEDULE_JAM, Map.of(JAM_DATE, day.toString(), JAM_LOCATION, location));
    return jam;
  }

  /** Completes the user's task at an element, as they would in Tasklist (with their groups); none open, nothing. */
  private void complete(String user, ProcessInstance jam, String taskKey, Map<String, Object> form) {
    Task task = engine.tasks.createTaskQuery().processInstanceId(jam.getId()).taskDefinitionKey(taskKey)
        .taskAssignee(user).singleResult();
    if (task != null) {
      engine.complete(task, user, engine.groupsOf(user), form);
    }
  }
}
