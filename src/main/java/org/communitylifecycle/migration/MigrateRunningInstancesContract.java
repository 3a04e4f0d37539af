package org.communitylifecycle.migration;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.communitylifecycle.engine.ProcessVariables;

/**
 * The contract of {@code migrate-running-instances}, the designers' way to move running instances
 * to the latest version from Tasklist: its key and the variables its forms show and answer
 * (forms/migrate-running-instances-*.form).
 */
public final class MigrateRunningInstancesContract extends ProcessVariables {

  /** The process key. */
  public static final String PROCESS_KEY = "migrate-running-instances";

  /** Who started it: the start event's initiator, who works each task. */
  static final String INITIATOR = "migrationInitiator";
  /** The choices of the first form ([{label, value}], JSON): each key with instances on older versions, and the last deployment. */
  static final String CHOICES = "migrationChoices";
  /** Markdown: what runs on which version. */
  static final String OFFER = "migrationOffer";
  // The first form's answers.
  static final String SCOPE = "migrationScope";
  static final String INCLUDE_SUSPENDED = "includePaused";
  // The plan, shown in the review form.
  static final String PLAN_TEXT = "migrationPlanText";
  static final String MOVING = "migrationMoving";
  /** The review form's answer: run, again (choose something else) or cancel. */
  static final String DECISION = "migrationDecision";
  // The migration and its report.
  static final String MIGRATION_ID = "migrationId";
  static final String REPORT_TEXT = "migrationReportText";
  static final String FINISHED = "migrationFinished";

  private MigrateRunningInstancesContract(VariableScope scope) {
    super(scope);
  }

  static MigrateRunningInstancesContract of(VariableScope scope) {
    return new MigrateRunningInstancesContract(scope);
  }

  void offer(Object choices, String offer) {
    set(CHOICES, choices);
    set(OFFER, offer);
  }

  MigrationScope migrationScope() {
    return MigrationScope.of(text(SCOPE), isTrue(INCLUDE_SUSPENDED));
  }

  void planned(Plan plan) {
    set(PLAN_TEXT, plan.markdown());
    set(MOVING, plan.moving());
  }

  void started(MigrationReport report) {
    set(MIGRATION_ID, report.id());
    reported(report);
  }

  String migrationId() {
    return text(MIGRATION_ID);
  }

  void reported(MigrationReport report) {
    set(REPORT_TEXT, report.markdown());
    set(FINISHED, report.finished());
  }
}
