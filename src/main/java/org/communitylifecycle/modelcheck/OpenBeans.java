package org.communitylifecycle.modelcheck;

import java.util.Set;

/**
 * The Spring beans open to models: the only beans an expression in a deployed model can reach,
 * and the only ones whose methods it may call. This is the one list; the deploy-time rules and
 * the engine's expression resolver both read it.
 *
 * <p>Each is a thin delegate or listener of a process family, written to be called from a model
 * with {@code execution} or {@code task}. To open another bean, write it the same way and add its
 * name here; a name here that is no bean stops the app at startup. Never add engine services,
 * repositories, identity, security or deployment beans: whoever can deploy a model could call them.
 */
final class OpenBeans {

  public static final Set<String> NAMES = Set.of(
      // alumni
      "alumniCohorts", "alumniInvitations", "alumniReunion",
      // community and lifecycle stages
      "taskContext", "stageEntry", "stageGate", "lifecycleStart", "lifecycleStatus", "communityStatusChange", "stageCall",
      // milestones
      "milestoneSetup", "handoffs", "stalledStepFollowUp", "milestoneCall",
      // contributors
      "recordContributorActivity",
      // communities of practice
      "practiceEntry", "maturityAssessment",
      // group mentoring
      "cohortFormation", "cohortReport", "graduationReview", "mentoringTaskName", "standups",
      // contribution sources (each acts only on the source its instance was started for; a sync is idempotent)
      "contributionSourceSync", "contributionSourceSchedule", "contributionSources", "duplicateReview", "tierRecompute",
      // migration of running instances (acts only for a logged-in person with the right to migrate)
      "runningInstanceMigration",
      // ecosystem ops jam
      "opsRequests", "opsJamStart", "opsJamTasks", "opsJamPreparation", "instanceInput", "backlogCombing",
      "followUpMeetings", "checkIns", "overdueItems", "roadmapPublishing");

  private OpenBeans() {}
}
