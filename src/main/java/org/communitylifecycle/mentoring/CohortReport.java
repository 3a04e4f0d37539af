package org.communitylifecycle.mentoring;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.communitylifecycle.engine.AppClock;
import org.springframework.stereotype.Component;

/**
 * The cohort's report when every graduation review is decided: graduated over enrolled, compared
 * with the seed's first cohort (5 of 10 graduated member to reviewer), kept with the cohort in
 * {@code cl_mentoring_cohort}.
 */
@Component("cohortReport")
public class CohortReport {

  private final MentoringRecords records;
  private final MentoringProperties properties;

  public CohortReport(MentoringRecords records, MentoringProperties properties) {
    this.records = records;
    this.properties = properties;
  }

  /** Service task: compiles and keeps the report. */
  public void compile(DelegateExecution execution) {
    MentoringCohortContract cohort = MentoringCohortContract.of(execution);
    cohort.reported(records.complete(cohort.cohortKey(), properties.baseline(), AppClock.now()));
  }

  /** End listener of the process: a cohort whose instance ends without a report was cancelled. */
  public void ended(DelegateExecution execution) {
    String key = MentoringCohortContract.of(execution).cohortKey();
    if (key != null) {
      records.cancelIfRunning(key, execution.getProcessInstanceId(), AppClock.now());
    }
  }
}
