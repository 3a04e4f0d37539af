package org.communitylifecycle.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.communitylifecycle.engine.AppClock;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.communitylifecycle.engine.InvalidInputException;
import org.communitylifecycle.community.CommunityContract;
import org.communitylifecycle.lifecycle.LifecycleContract;
import org.communitylifecycle.lifecycle.LifecycleStage;
import org.communitylifecycle.milestone.MilestoneContract;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Starts a lifecycle for five sample communities, each entered at a different stage some days
 * ago, once ever per community. bob is their liaison; alice activates three of them and bart the
 * other two, so each activator's Tasklist shows their own communities' work only.
 *
 * <p>The samples are played with the engine clock set back to the days they happened, so that the
 * history the liaisons' dashboard reads has real durations: in SUMO Community one milestone is
 * done and the gaps milestone went through a round of changes and now waits on bob's review; MDN
 * Localization stalled, bob nudged bart, and it is still stalled. Steps whose stall timers fell
 * due in the past escalate as soon as the job executor starts, which Spring Boot does only after
 * these runners.
 */
@Component
@Profile("demo")
@Order(30)
class DemoCommunity implements ApplicationRunner {

  /** A sample community, its activator, the stage it enters at and how many days ago it did. */
  record Sample(String key, String name, String activator, LifecycleStage stage, int enteredDaysAgo) {}

  static final List<Sample> SAMPLES =
      List.of(
          new Sample("firefox-nightly-testers", "Firefox Nightly Testers", "alice", LifecycleStage.PRE_WORK, 5),
          new Sample("mozfest-volunteers", "MozFest Volunteers", "alice", LifecycleStage.STARTING, 18),
          new Sample("sumo-community", "SUMO Community", "alice", LifecycleStage.LEARNING_AND_PREPARING_FOR_GROWTH, 34),
          new Sample("common-voice-kenya", "Common Voice Kenya", "bart", LifecycleStage.SCALING, 8),
          new Sample("mdn-localization", "MDN Localization", "bart", LifecycleStage.SUSTAINING, 45));
  static final String SUMO = "sumo-community";
  static final String MDN = "mdn-localization";
  static final String COMMON_VOICE = "common-voice-kenya";

  private static final Logger log = LoggerFactory.getLogger(DemoCommunity.class);

  private final DemoEngine engine;

  DemoCommunity(DemoEngine engine) {
    this.engine = engine;
  }

  @Override
  public void run(ApplicationArguments args) {
    Instant now = AppClock.now();
    try {
      for (Sample sample : SAMPLES) {
        // Once ever: a sample that ever ran, in any process, is not started again.
        if (engine.played(sample.key())) {
          continue;
        }
        try {
          play(sample, now);
          log.info("Demo community '{}' entered the lifecycle at {}, {} days ago",
              sample.name(), sample.stage().displayName(), sample.enteredDaysAgo());
        } catch (InvalidInputException e) {
          // Sample data must never stop the app from starting.
          log.warn("Demo community '{}' not started: {}", sample.name(), e.getMessage());
        }
      }
    } finally {
      AppClock.reset();
    }
  }

  private void play(Sample sample, Instant now) {
    Instant entered = now.minus(Duration.ofDays(sample.enteredDaysAgo()));
    setClock(entered);
    engine.runtime.startProcessInstanceByKey(LifecycleContract.PROCESS_KEY, Map.of(
        CommunityContract.COMMUNITY_NAME, sample.name(), CommunityContract.ACTIVATOR, sample.activator(),
        CommunityContract.LIAISON, "bob", LifecycleContract.ENTRY_STAGE, sample.stage().key()));
    switch (sample.key()) {
      case SUMO -> {
        setClock(now.minus(Duration.ofDays(30)));
        deliver(sample, "identifyLibrarian", "https://wiki.example.org/sumo/librarian",
            "Rosana keeps the SUMO knowledge base index and the decision log.", null);
        setClock(now.minus(Duration.ofDays(28)));
        review(SUMO, "identifyLibrarian", null);
        setClock(now.minus(Duration.ofDays(25)));
        deliverGaps(sample);
        setClock(now.minus(Duration.ofDays(22)));
        review(SUMO, "identifyGaps", "Please say which gaps block newcomers first, so we can order the fixes.");
        setClock(now.minus(Duration.ofDays(16)));
        deliverGaps(sample);
      }
      case MDN -> {
        // keepMomentum stalled after 14 days; bob nudged bart the next day, and it stalled again.
        setClock(entered.plus(Duration.ofDays(14)).plusSeconds(60));
        fireStallTimer(MDN, "keepMomentum");
        setClock(entered.plus(Duration.ofDays(15)));
        followUp(MDN, "keepMomentum", "Asked bart on Matrix; he is back from leave next week.");
      }
      case COMMON_VOICE -> {
        setClock(now.minus(Duration.ofDays(2)));
        deliver(sample, "recruitCoreMembers", "https://wiki.example.org/common-voice-kenya/core",
            "Six validators from the Nairobi sprint agreed to join the core team.", null);
      }
      default -> {
        // entered, nothing done yet
      }
    }
  }

  private void deliverGaps(Sample sumo) {
    deliver(sumo, "identifyGaps", "https://wiki.example.org/sumo/pathway-gaps",
        "Walked the contributor pathway with five newcomers. Gaps: no mentor hand-off after the first answer, locale teams invisible from the get-involved page.",
        "kiki (SUMO locale lead)");
  }

  private void deliver(Sample community, String milestone, String url, String summary, String delegatedTo) {
    Task task = task(community.key(), milestone, MilestoneContract.TASK_DELIVER);
    Map<String, Object> answers = new java.util.HashMap<>(Map.of("deliverableUrl", url, "deliverableSummary", summary));
    if (delegatedTo != null) {
      answers.put("delegatedTo", delegatedTo);
    }
    engine.complete(task, community.activator(), null, answers);
  }

  /** bob accepts, or requests the given changes. */
  private void review(String community, String milestone, String changes) {
    Task task = task(community, milestone, MilestoneContract.TASK_REVIEW);
    Map<String, Object> answers = changes == null
        ? Map.of("reviewDecision", "accept")
        : Map.of("reviewDecision", "request-changes", "reviewComment", changes);
    engine.complete(task, "bob", null, answers);
  }

  private void fireStallTimer(String community, String milestone) {
    String instance = task(community, milestone, MilestoneContract.TASK_DELIVER).getProcessInstanceId();
    Job timer = engine.timer(instance, MilestoneContract.TIMER_DELIVERY_STALLED);
    engine.management.executeJob(timer.getId());
  }

  private void followUp(String community, String milestone, String note) {
    Task task = task(community, milestone, MilestoneContract.TASK_FOLLOW_UP_DELIVERY);
    engine.complete(task, "bob", null, Map.of("followUpAction", "nudged", "followUpNote", note));
  }

  private Task task(String community, String milestone, String taskKey) {
    Task task = engine.tasks.createTaskQuery()
        .processInstanceBusinessKey(community)
        .taskDefinitionKey(taskKey)
        .processVariableValueEquals(MilestoneContract.MILESTONE_KEY, milestone)
        .singleResult();
    if (task == null) {
      throw new IllegalStateException("Demo data: no open " + taskKey + " of " + milestone + " in " + community);
    }
    return task;
  }

  private static void setClock(Instant instant) {
    AppClock.set(instant);
  }
}
