package org.communitylifecycle.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.communitylifecycle.testsupport.AppTables;

/** What the stage tests share: the clock, starting a stage as the lifecycle would, the stage history. */
final class StageTestSupport {

  static final Instant ENTERED = Instant.parse("2026-03-02T09:00:00Z");

  private StageTestSupport() {}

  /** Starts a stage process with the variables the lifecycle passes in. */
  static ProcessInstance startStage(ProcessEngine engine, String stage, String communityName) {
    return engine.getRuntimeService().startProcessInstanceByKey(stage, Map.of(
        "communityName", communityName, "activator", "alice", "liaison", "bob"));
  }

  static List<StageHistory.Entry> history(ProcessEngine engine, String communityKey) {
    return new StageHistory(AppTables.jdbc(engine)).list(communityKey);
  }

  static void later(Duration duration) {
    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(duration)));
  }

  static LocalDate today() {
    return LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneId.systemDefault());
  }

  static Job job(ProcessEngine engine, String activityId) {
    return engine.getManagementService().createJobQuery().activityId(activityId).singleResult();
  }

  /** Moves the clock to when the timer is due and fires it. */
  static void fire(ProcessEngine engine, String timerId) {
    Job timer = job(engine, timerId);
    ClockUtil.setCurrentTime(timer.getDuedate());
    engine.getManagementService().executeJob(timer.getId());
  }
}
