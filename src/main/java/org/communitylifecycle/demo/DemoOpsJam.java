package org.communitylifecycle.demo;

import static org.communitylifecycle.opsjam.OpsJamContract.*;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
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

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final HistoryService history;
  private final IdentityService identity;
  private final ManagementService management;

  DemoOpsJam(RuntimeService runtime, TaskService tasks, HistoryService history, IdentityService identity,
      ManagementService management) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.history = history;
    this.identity = identity;
    this.management = management;
  }

  @Override
  public void run(ApplicationArguments args) {
    // Once ever: a finished or deleted sample is not started again.
    if (history.createHistoricProcessInstanceQuery().processDefinitionKey(OpsJamContract.PROCESS_KEY)
        .processInstanceBusinessKey(KEY).count() > 0) {
      return;
    }
    ProcessInstance jam = as("dave", () -> runtime.startProcessInstanceByKey(OpsJamContract.PROCESS_KEY,
        OpsJamContract.startForm(NAME, "paula", "bruno", "ines, ivan")));
    complete("paula", jam, TASK_DISCUSS_OPS_NEEDS, Map.of(
        OPS_NEEDS, "Many branches feel organisational strain. Ecosystems needs help organising and tracking core "
            + "initiatives, and coordinating with instance managers as the base of a customer success program.",
        EXISTING_WORKFLOWS, "Initiatives are tracked per branch in forum threads; instance managers are reached one by one."));
    complete("paula", jam, TASK_DRAFT_AGENDA_AND_INVITATION, Map.of(
        AGENDA, "1. Instance managers describe their workflow and pain points. 2. Requests, priorities and wishlist "
            + "projects from instance managers and the community. 3. Comb the backlog: dependencies, owners, priority.",
        INVITATION, "Instance managers and contributors: join the Ecosystem Ops Jam and share your requests and "
            + "priorities for upcoming Ecosystems work."));
    complete("bruno", jam, TASK_REVIEW_AGENDA_AND_INVITATION, Map.of(AGENDA_DECISION, DECISION_APPROVE));
    complete("bruno", jam, TASK_SCHEDULE_JAM, Map.of(JAM_DATE, AppClock.today().toString(), JAM_LOCATION, "Discord, #ecosystems"));

    // The jam is today: its timer is due already, so the instance managers get their tasks now.
    Job jamDay = management.createJobQuery().processInstanceId(jam.getId()).activityId(TIMER_JAM_DAY).singleResult();
    if (jamDay != null) {
      management.executeJob(jamDay.getId());
    }
    complete("ivan", jam, TASK_SHARE_WORKFLOW_AND_WISHLIST, Map.of(
        WORKFLOW, "I run the instance's weekly distribution by hand and onboard newcomers in 1:1 calls.",
        PAIN_POINTS, """
            Tithe admin is manual | tithe admin | Every distribution needs hand edits to the tithe configuration.
            Newcomers need hours of 1:1 time | onboarding materials | There is nothing instance-focused to point them to.""",
        WISHLIST, """
            Visibility into ID development | identity management | To coordinate our resources with the identity work.
            Instance-focused onboarding materials | onboarding materials, docs | Docs and cultivation support."""));
    as("alice", () -> runtime.startProcessInstanceByKey(OpsRequestContract.PROCESS_KEY, OpsRequestContract.startForm(
        KEY, "Design support for an Ecosystem Map", "ecosystem map, design",
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
    if (history.createHistoricProcessInstanceQuery().processDefinitionKey(OpsJamContract.PROCESS_KEY)
        .processInstanceBusinessKey(PAST_KEY).count() > 0) {
      return;
    }
    LocalDate today = AppClock.today();
    LocalDate jamDay = today.minusDays(42);
    AppClock.set(jamDay.atTime(9, 0).atZone(AppClock.zone()).toInstant());
    try {
      ProcessInstance jam = as("dave", () -> runtime.startProcessInstanceByKey(OpsJamContract.PROCESS_KEY,
          OpsJamContract.startForm(PAST_NAME, "paula", "bruno", "ines, ivan")));
      complete("paula", jam, TASK_DISCUSS_OPS_NEEDS, Map.of(
          OPS_NEEDS, "Metagame instances want a shared release calendar and fewer manual distributions.",
          EXISTING_WORKFLOWS, "Each instance keeps its own spreadsheet of distributions."));
      complete("paula", jam, TASK_DRAFT_AGENDA_AND_INVITATION, Map.of(
          AGENDA, "1. Instance workflows. 2. Requests and wishlist. 3. Comb the backlog.",
          INVITATION, "Instance managers: bring your distribution pain points to the Metagame Ops Jam."));
      complete("bruno", jam, TASK_REVIEW_AGENDA_AND_INVITATION, Map.of(AGENDA_DECISION, DECISION_APPROVE));
      complete("bruno", jam, TASK_SCHEDULE_JAM, Map.of(JAM_DATE, jamDay.toString(), JAM_LOCATION, "Discord, #metagame"));
      Job jamStarts = management.createJobQuery().processInstanceId(jam.getId()).activityId(TIMER_JAM_DAY).singleResult();
      management.executeJob(jamStarts.getId());
      complete("ines", jam, TASK_SHARE_WORKFLOW_AND_WISHLIST, Map.of(
          WORKFLOW, "Distributions run from a cron job that I restart by hand.",
          PAIN_POINTS, "Distribution job needs a restart every week | distributions | It stops when the ledger grows."));
      complete("ivan", jam, TASK_SHARE_WORKFLOW_AND_WISHLIST, Map.of(
          WORKFLOW, "I announce each distribution in three channels.",
          WISHLIST, "A shared release calendar | calendar | So instances stop clashing on distribution days."));
      Task comb = tasks.createTaskQuery().processInstanceId(jam.getId()).taskDefinitionKey(TASK_COMB_BACKLOG).singleResult();
      if (comb == null) {
        log.warn("Demo ops jam '{}' not combed: the backlog task is missing", PAST_NAME);
        return;
      }
      String plan = OpsJamContract.plan(tasks, comb.getId());
      String combed = plan
          .replaceFirst("(OPS-1) \\|  \\|  \\|  \\|  ", "$1 | ines | high |  | " + today.minusDays(10))
          .replaceFirst("(OPS-2) \\|  \\|  \\|  \\|  ", "$1 | ivan | medium |  | " + today.plusDays(30));
      complete("paula", jam, TASK_COMB_BACKLOG, Map.of(PLAN, combed));
      log.info("Demo ops jam '{}' played from {}; OPS-1 is overdue", PAST_NAME, jamDay);
    } finally {
      AppClock.reset();
    }
  }

  private void complete(String user, ProcessInstance jam, String taskKey, Map<String, Object> form) {
    Task task = tasks.createTaskQuery().processInstanceId(jam.getId()).taskDefinitionKey(taskKey).taskAssignee(user)
        .singleResult();
    if (task != null) {
      as(user, () -> {
        tasks.complete(task.getId(), form);
        return null;
      });
    }
  }

  /** Acts as the user would in Tasklist: with their groups, so the engine checks their rights. */
  private <T> T as(String user, Supplier<T> action) {
    List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
    identity.setAuthentication(user, groups);
    try {
      return action.get();
    } finally {
      identity.clearAuthentication();
    }
  }
}
