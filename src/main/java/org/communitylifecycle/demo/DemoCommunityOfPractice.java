package org.communitylifecycle.demo;

import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.datatype.DatatypeFactory;
import org.communitylifecycle.engine.AppClock;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.communitylifecycle.practice.MaturityModel;
import org.communitylifecycle.practice.PracticeMaturityContract;
import org.communitylifecycle.practice.PracticeProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Starts one sample community of practice, once: "Keep Badges Weird", the WAO seed's case study,
 * with bob as its liaison. Its first self-assessment took place one assessment interval ago: dave
 * scored it, bob accepted it at Gather. So the history is not empty, a celebration of Gather waits
 * for the community leads, and the next self-assessment is due now.
 */
@Component
@Profile("demo")
@Order(50)
class DemoCommunityOfPractice implements ApplicationRunner {

  static final String NAME = "Keep Badges Weird";
  static final String KEY = "keep-badges-weird";

  /** The first round's answers: all of Gather but one, the start of Dispatch. */
  static final Set<String> MET_IN_FIRST_ROUND =
      Set.of("gather_a_1", "gather_a_2", "gather_a_3", "gather_b_1", "gather_b_3", "gather_c_1", "gather_c_2", "gather_c_3",
          "dispatch_a_1", "dispatch_a_3", "dispatch_b_3", "dispatch_c_2", "explore_c_1");

  private static final Logger log = LoggerFactory.getLogger(DemoCommunityOfPractice.class);

  private final DemoEngine engine;
  private final PracticeProperties properties;

  DemoCommunityOfPractice(DemoEngine engine, PracticeProperties properties) {
    this.engine = engine;
    this.properties = properties;
  }

  @Override
  public void run(ApplicationArguments args) throws Exception {
    // Once ever: a finished or deleted sample is not started again.
    if (engine.played(PracticeMaturityContract.PROCESS_KEY, KEY)) {
      return;
    }
    // The first round is played one interval (and two days) in the past, with the engine's clock.
    Date now = AppClock.date();
    Date then = Date.from(now.toInstant().minus(2, ChronoUnit.DAYS));
    DatatypeFactory.newInstance().newDuration(properties.assessmentInterval()).negate().addTo(then);
    ProcessInstance practice;
    try {
      AppClock.set(then.toInstant());
      practice = engine.runtime.startProcessInstanceByKey(PracticeMaturityContract.PROCESS_KEY, PracticeMaturityContract.startForm(NAME, "bob"));
      AppClock.set(then.toInstant().plus(1, ChronoUnit.DAYS));
      complete("dave", "community-leads", PracticeMaturityContract.TASK_SELF_ASSESS, firstRound());
      AppClock.set(then.toInstant().plus(2, ChronoUnit.DAYS));
      complete("bob", "cbt-liaisons", PracticeMaturityContract.TASK_REVIEW, Map.of(
          PracticeMaturityContract.REVIEW_DECISION, PracticeMaturityContract.DECISION_ACCEPT,
          PracticeMaturityContract.REVIEW_NOTE, "A solid ignition: people meet, talk and know who the community is for. Next: say what the community is for, together."));
    } finally {
      AppClock.reset();
    }
    // The next assessment has come due meanwhile; the job executor may not be running yet (or at all, in tests).
    Job next = engine.timer(practice.getId(), PracticeMaturityContract.TIMER_NEXT_ASSESSMENT_DUE);
    if (next != null && !next.getDuedate().after(AppClock.date())) {
      engine.management.executeJob(next.getId());
    }
    log.info("Demo community of practice '{}' started with one accepted assessment ({})", NAME, practice.getId());
  }

  private Map<String, Object> firstRound() {
    Map<String, Object> answers = new HashMap<>();
    MaturityModel.AREAS.forEach(a -> a.indicatorKeys().forEach(k -> answers.put(k, MET_IN_FIRST_ROUND.contains(k))));
    answers.put(PracticeMaturityContract.ASSESSMENT_NOTE, "Ten months in: weekly community calls, a Slack with lively backchannels, onboarding via the KBW newsletter.");
    return answers;
  }

  private void complete(String user, String group, String taskKey, Map<String, Object> variables) {
    Task task = engine.tasks.createTaskQuery().processInstanceBusinessKey(KEY).taskDefinitionKey(taskKey).singleResult();
    engine.complete(task, user, List.of(group), variables);
  }
}
