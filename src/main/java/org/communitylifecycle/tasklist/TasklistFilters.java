package org.communitylifecycle.tasklist;

import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Resources.FILTER;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.communitylifecycle.identity.Groups;
import org.communitylifecycle.alumni.AlumniNetworkContract;
import org.communitylifecycle.identity.Grants;
import org.communitylifecycle.lifecycle.StageContract;
import org.communitylifecycle.mentoring.MentoringCohortContract;
import org.communitylifecycle.milestone.MilestoneContract;
import org.communitylifecycle.opsjam.OpsJamContract;
import org.communitylifecycle.practice.PracticeMaturityContract;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Seeds the shared Tasklist filters at every startup, after the groups exist. A filter is found by
 * name among the filters without an owner (the first by id, should an old race have made two); a missing one is created, one of an
 * older {@value #REVISION_PROPERTY} is brought up to date, and anything else, such as a filter an
 * admin made, is left alone. Nodes that start together take turns (engine/StartupLock.java).
 *
 * <p>Each role's filters are readable by that role's group only; the engine's task authorizations
 * still decide which tasks a filter returns, so a filter never shows more than the person may see.
 * Every role filter sorts by due date, soonest first: Tasklist appends its own sorting (created,
 * newest first) after the filter's, so it only breaks ties.
 */
@Component
@Order(11)
class TasklistFilters implements ApplicationRunner {

  /** Raise when a definition below changes, so that running installations take the change. */
  static final int REVISION = 2;
  static final String REVISION_PROPERTY = "communityLifecycleRevision";

  private static final String ME = "${currentUser()}";
  private static final String MY_GROUPS = "${currentUserGroups()}";
  private static final String MY_COMMUNITY_TEAMS = "${" + CommunityTeams.FUNCTION + "()}";
  private static final String NOW = "${now()}";

  static final String TASK_DELIVER = MilestoneContract.TASK_DELIVER;
  static final List<String> REVIEWS =
      List.of(MilestoneContract.TASK_REVIEW, StageContract.TASK_REVIEW_STAGE_EXIT, PracticeMaturityContract.TASK_REVIEW);
  static final List<String> FOLLOW_UPS = List.of(MilestoneContract.TASK_FOLLOW_UP_DELIVERY);
  static final List<String> ESCALATIONS =
      List.of(MilestoneContract.TASK_ESCALATE_DELIVERY, MilestoneContract.TASK_FOLLOW_UP_REVIEW, MilestoneContract.TASK_ESCALATE_REVIEW);

  /** The filters that versions before revisions seeded; they are ours to update. */
  private static final List<String> SEEDED_WITHOUT_REVISION = List.of("My tasks", "My group tasks");

  private static final Logger log = LoggerFactory.getLogger(TasklistFilters.class);

  /** One shared filter: who may use it (no groups: everyone logged in), what it finds and shows. */
  record Definition(String name, String description, int priority, List<String> groups, TaskQuery query,
      List<Map<String, String>> columns) {}

  private final FilterService filters;
  private final Grants grants;
  private final TaskService tasks;

  TasklistFilters(FilterService filters, Grants grants, TaskService tasks) {
    this.filters = filters;
    this.grants = grants;
    this.tasks = tasks;
  }

  @Override
  public void run(ApplicationArguments args) {
    definitions().forEach(this::ensure);
  }

  List<Definition> definitions() {
    List<Map<String, String>> milestone = List.of(column("listCommunity", "Community"), column("listMilestone", "Milestone"));
    return List.of(
        // Activators: their deliverables, soonest first; what came back; what they handed on.
        new Definition("Due soon", "My milestones to deliver, the soonest due first", -60, List.of(Groups.ACTIVATORS),
            tasks.createTaskQuery().taskDefinitionKey(TASK_DELIVER).taskAssigneeExpression(ME).orderByDueDate().asc(),
            milestone),
        new Definition("Changes requested", "My deliverables the liaison sent back with changes requested", -55,
            List.of(Groups.ACTIVATORS),
            tasks.createTaskQuery().taskDefinitionKey(TASK_DELIVER).taskAssigneeExpression(ME)
                .processVariableValueEquals("reviewDecision", "request-changes").orderByDueDate().asc(),
            List.of(column("listCommunity", "Community"), column("listMilestone", "Milestone"),
                column("listChanges", "What should change"))),
        new Definition("Delegated", "Tasks I delegated: with the delegate, or resolved and back with me", -50,
            List.of(Groups.ACTIVATORS),
            tasks.createTaskQuery().taskOwnerExpression(ME).orderByDueDate().asc(), milestone),
        // Liaisons: what waits for their review, what stalls in the communities they support, their follow-ups.
        new Definition("Waiting for my review", "Deliverables and stage exits for me, or my team, to review", -45,
            List.of(Groups.CBT_LIAISONS),
            mineOrMyTeams(tasks.createTaskQuery().taskDefinitionKeyIn(REVIEWS.toArray(String[]::new))),
            List.of(column("listCommunity", "Community"), column("listMilestone", "Milestone"),
                column("listDeliverable", "Deliverable"))),
        new Definition("Stalled in my communities", "Steps past their due date in the communities I support", -40,
            List.of(Groups.CBT_LIAISONS),
            tasks.createTaskQuery().taskCandidateGroupInExpression(MY_COMMUNITY_TEAMS).includeAssignedTasks()
                .dueBeforeExpression(NOW).orderByDueDate().asc(),
            milestone),
        new Definition("My follow-ups", "Stalled deliveries I follow up: nudge, reassign, extend or drop", -35,
            List.of(Groups.CBT_LIAISONS),
            mineOrMyTeams(tasks.createTaskQuery().taskDefinitionKeyIn(FOLLOW_UPS.toArray(String[]::new))),
            milestone),
        // Community leads: what the milestones escalated to them.
        new Definition("Escalated to leads", "Stalled steps escalated to the community leads", -30,
            List.of(Groups.COMMUNITY_LEADS),
            tasks.createTaskQuery().taskDefinitionKeyIn(ESCALATIONS.toArray(String[]::new))
                .taskCandidateGroup(Groups.COMMUNITY_LEADS).includeAssignedTasks().orderByDueDate().asc(),
            milestone),
        // The programs' roles: their own work in their program.
        new Definition("My cohorts", "Standups, follow-ups and graduations of the cohorts I mentor", -25,
            List.of(Groups.MENTORS),
            mineOrMyTeams(tasks.createTaskQuery().processDefinitionKey(MentoringCohortContract.PROCESS_KEY)),
            List.of(column("listCohort", "Cohort"))),
        new Definition("My standups", "My standup updates, the soonest closing first", -25, List.of(Groups.MENTEES),
            tasks.createTaskQuery().processDefinitionKey(MentoringCohortContract.PROCESS_KEY).taskAssigneeExpression(ME)
                .orderByDueDate().asc(),
            List.of(column("listCohort", "Cohort"))),
        new Definition("My alumni network", "Invitations, reunions and catch-ups of the cohorts my hub hosts", -25,
            List.of(Groups.HUB_HOSTS),
            mineOrMyTeams(tasks.createTaskQuery().processDefinitionKey(AlumniNetworkContract.PROCESS_KEY)),
            List.of(column("listHub", "Hub"), column("listCohort", "Cohort"))),
        new Definition("My ops jam work", "My steps of the ecosystem ops jams I take part in", -25,
            List.of(Groups.PROJECT_MANAGERS, Groups.BRANCH_LEADS, Groups.INSTANCE_MANAGERS),
            mineOrMyTeams(tasks.createTaskQuery().processDefinitionKey(OpsJamContract.PROCESS_KEY)),
            List.of(column("listJam", "Ops jam"))),
        // Everyone: everything assigned to me, and what my groups may claim.
        new Definition("My tasks", "Tasks assigned to me", -10, List.of(),
            tasks.createTaskQuery().taskAssigneeExpression(ME).orderByDueDate().asc(), milestone),
        new Definition("My group tasks", "Tasks my groups may claim, and theirs", -5, List.of(),
            tasks.createTaskQuery().taskCandidateGroupInExpression(MY_GROUPS).includeAssignedTasks()
                .orderByDueDate().asc(),
            milestone));
  }

  /** Assigned to me, or waiting unclaimed for one of my groups (my community's team). */
  private static TaskQuery mineOrMyTeams(TaskQuery query) {
    return query.or().taskAssigneeExpression(ME).taskCandidateGroupInExpression(MY_GROUPS).endOr()
        .orderByDueDate().asc();
  }

  private static Map<String, String> column(String variable, String label) {
    return Map.of("name", variable, "label", label);
  }

  private void ensure(Definition definition) {
    // A person's own filter of the same name (one with an owner) is theirs, not the shared one.
    Filter filter = filters.createFilterQuery().filterName(definition.name()).orderByFilterId().asc().list().stream()
        .filter(candidate -> candidate.getOwner() == null).findFirst().orElse(null);
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("description", definition.description());
    properties.put("priority", definition.priority());
    properties.put("refresh", true);
    properties.put("variables", definition.columns());
    properties.put(REVISION_PROPERTY, REVISION);
    if (filter == null) {
      filter = filters.newTaskFilter(definition.name()).setQuery(definition.query()).setProperties(properties);
      filters.saveFilter(filter);
      log.info("Created Tasklist filter '{}'", definition.name());
    } else if (revisionOf(filter) < REVISION && revisionOf(filter) >= 0) {
      filter.setQuery(definition.query());
      filter.setProperties(properties);
      filters.saveFilter(filter);
      log.info("Updated Tasklist filter '{}' to revision {}", definition.name(), REVISION);
    }
    String filterId = filter.getId();
    if (definition.groups().isEmpty()) {
      grants.grantEveryone(FILTER, filterId, READ);
    } else {
      definition.groups().forEach(group -> grants.grant(group, FILTER, filterId, READ));
    }
  }

  /**
   * The revision a filter was seeded with: 0 for the filters of versions that had no revision
   * ({@link #SEEDED_WITHOUT_REVISION}), -1 for a filter that is not ours, such as one an admin made.
   */
  private static int revisionOf(Filter filter) {
    Map<String, Object> properties = filter.getProperties();
    Object revision = properties == null ? null : properties.get(REVISION_PROPERTY);
    if (revision instanceof Number number) {
      return number.intValue();
    }
    return filter.getOwner() == null && SEEDED_WITHOUT_REVISION.contains(filter.getName()) ? 0 : -1;
  }
}
