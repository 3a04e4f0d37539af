package org.communitylifecycle.demo;

import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.datatype.DatatypeFactory;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
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

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final HistoryService history;
  private final ManagementService management;
  private final IdentityService identity;
  private final PracticeProperties properties;

  DemoCommunityOfPractice(RuntimeService runtime, TaskService tasks, HistoryService history,
      ManagementService management, IdentityService identity, PracticeProperties properties) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.history = history;
    this.management = management;
    this.identity = identity;
    this.properties = properties;
  }

  @Override
  public void run(ApplicationArguments args) throws Exception {
    // Once ever: a finished or deleted sample is not started again.
    if (history.createHistoricProcessInstanceQuery().processDefinitionKey(PracticeMaturityContract.PROCESS_KEY).processInstanceBusinessKey(KEY).count() > 0) {
      return;
    }
    // The first round is played one interval (and two days) in the past, with the engine's clock.
    Date now = AppClock.date();
    Date then = Date.from(now.toInstant().minus(2, ChronoUnit.DAYS));
    DatatypeFactory.newInstance().newDuration(properties.assessmentInterval()).negate().addTo(then);
    ProcessInstance practice;
    try {
      AppClock.set(then.toInstant());
      practice = runtime.startProcessInstanceByKey(PracticeMaturityContract.PROCESS_KEY, PracticeMaturityContract.startForm(NAME, "bob"));
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
    Job next = management.createJobQuery().processInstanceId(practice.getId())
        .activityId(PracticeMaturityContract.TIMER_NEXT_ASSESSMENT_DUE).singleResult();
    if (next != null && !next.getDuedate().after(AppClock.date())) {
      management.executeJob(next.getId());
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
    Task task = tasks.createTaskQuery().processInstanceBusinessKey(KEY).taskDefinitionKey(taskKey).singleResult();
    identity.setAuthentication(user, List.of(group));
    try {
      tasks.complete(task.getId(), variables);
    } finally {
      identity.clearAuthentication();
    }
  }
}
