package org.communitylifecycle.mentoring;

import static org.communitylifecycle.mentoring.CohortVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
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
    MentoringRecords.Report report =
        records.complete((String) execution.getVariable(COHORT_KEY), properties.baseline(), CohortFormation.now());
    execution.setVariable(ENROLLED_COUNT, report.enrolled());
    execution.setVariable(GRADUATED_COUNT, report.graduated());
    execution.setVariable(GRADUATION_RATE_PERCENT, report.ratePercent());
    execution.setVariable(BASELINE_GRADUATED, report.baselineGraduated());
    execution.setVariable(BASELINE_ENROLLED, report.baselineEnrolled());
    execution.setVariable(COMPARED_WITH_BASELINE, report.comparedWithBaseline());
    execution.setVariable(REPORT_SUMMARY, report.summary());
  }

  /** End listener of the process: a cohort whose instance ends without a report was cancelled. */
  public void ended(DelegateExecution execution) {
    Object key = execution.getVariable(COHORT_KEY);
    if (key != null) {
      records.cancelIfRunning(key.toString(), execution.getProcessInstanceId(), CohortFormation.now());
    }
  }
}
