package org.communitylifecycle.alumni;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/** Walks one cohort through the alumni network in a plain-engine test, as hosts and residents would. */
final class CohortDriver {

  final ProcessEngine engine;
  final AlumniTestSupport.Beans beans;
  final String hub = "Hub " + UUID.randomUUID().toString().substring(0, 8);
  ProcessInstance cohort;

  CohortDriver(ProcessEngine engine, AlumniTestSupport.Beans beans) {
    this.engine = engine;
    this.beans = beans;
  }

  /** The engine readied for an alumni test: the beans, the hosts, the clock on 2026-03-02 before the residency ends. */
  static CohortDriver ready(ProcessEngine engine) {
    AlumniTestSupport.Beans beans = AlumniTestSupport.register(engine);
    AlumniTestSupport.ensureHosts(engine.getIdentityService());
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-03-02T09:00:00Z")));
    return new CohortDriver(engine, beans);
  }

  /** A suffix that makes a resident's name and email this test's own: the tables outlive a test. */
  static String unique() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  }

  /** hana lists the residents of a residency that ends on 2026-03-10. */
  CohortDriver start(String residents) {
    String definition = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(AlumniNetworkContract.PROCESS_KEY).latestVersion().singleResult().getId();
    as("hana", () -> cohort = engine.getFormService().submitStartForm(definition,
        new HashMap<>(AlumniTestSupport.cohort(hub, "Winter 2026", "2026-03-10", residents))));
    return this;
  }

  /** The residency ends: the invitations go out. */
  CohortDriver residencyEnds() {
    return runTimer(AlumniNetworkContract.TIMER_RESIDENCY_ENDED);
  }

  CohortDriver runTimer(String activityId) {
    List<Job> jobs = jobs(activityId);
    if (jobs.isEmpty()) {
      throw new AssertionError("no timer " + activityId);
    }
    ClockUtil.setCurrentTime(jobs.get(0).getDuedate());
    jobs.forEach(job -> engine.getManagementService().executeJob(job.getId()));
    return this;
  }

  /** Runs the continuations after residents' answers. */
  CohortDriver processAnswers() {
    jobs(AlumniNetworkContract.EVENT_FEEDBACK_GIVEN).forEach(job -> engine.getManagementService().executeJob(job.getId()));
    return this;
  }

  String links() {
    Object links = engine.getRuntimeService().getVariable(cohort.getId(), AlumniNetworkContract.INVITATION_LINKS);
    return links == null ? "" : links.toString();
  }

  String tokenFor(String email) {
    return AlumniTestSupport.tokenFor(links(), email);
  }

  AlumniFeedback.Outcome answer(String email, boolean store, boolean contact, boolean list, String upTo) {
    return beans.feedback().answer(tokenFor(email), new AlumniFeedback.Consent(store, contact, list, upTo));
  }

  Task task(String key) {
    return engine.getTaskService().createTaskQuery().processInstanceId(cohort.getId()).taskDefinitionKey(key).singleResult();
  }

  CohortDriver submit(String user, String taskKey, Map<String, Object> form) {
    Task task = task(taskKey);
    as(user, () -> engine.getFormService().submitTaskForm(task.getId(), new HashMap<>(form)));
    return this;
  }

  long cohortId() {
    return ((Number) engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(cohort.getId())
        .variableName(AlumniNetworkContract.COHORT_ID).singleResult().getValue()).longValue();
  }

  String hubKey() {
    return org.communitylifecycle.community.CommunitySlug.of(hub);
  }

  boolean ended() {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(cohort.getId()).count() == 0;
  }

  void as(String user, Runnable action) {
    engine.getIdentityService().setAuthenticatedUserId(user);
    try {
      action.run();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  private List<Job> jobs(String activityId) {
    return engine.getManagementService().createJobQuery().processInstanceId(cohort.getId()).activityId(activityId).list();
  }
}
