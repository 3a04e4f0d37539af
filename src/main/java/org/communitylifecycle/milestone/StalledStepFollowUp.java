package org.communitylifecycle.milestone;

import static org.communitylifecycle.milestone.MilestoneContract.*;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Collectors;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.identity.User;
import org.camunda.spin.plugin.variable.SpinValues;
import org.communitylifecycle.engine.InvalidInputException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;
import org.communitylifecycle.engine.AppClock;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Carries out what the follow-up form of a stalled step asked for: the stalled task really is
 * reassigned, re-dated or dropped, and every action leaves a comment on that task. It then sets
 * when the step counts as still stalled, for the second-level escalation.
 */
@Component("stalledStepFollowUp")
public class StalledStepFollowUp {

  private static final int MAX_COMMENT = 3500;
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Create listener of a follow-up task: the people the stalled step may be handed to, that is the
   * members of its team (the Deliver step's activators or the Review step's liaisons), as the
   * choices of the form's "Reassign to" field. Task-local, so each follow-up shows the team as it is.
   */
  public void offerPeople(DelegateTask task, String stalledTaskKey) {
    String groups = (String) task.getVariable(TASK_DELIVER.equals(stalledTaskKey) ? RESPONSIBLE_GROUP : SUPPORT_GROUP);
    IdentityService identity = task.getProcessEngineServices().getIdentityService();
    // The one following up may not read users and groups; which people to offer is the engine's own query.
    List<Choice> people = Context.getCommandContext().runWithoutAuthorization(() ->
        Arrays.stream(groups.split("\\s*,\\s*"))
            .flatMap(group -> identity.createUserQuery().memberOfGroup(group).orderByUserId().asc().list().stream())
            .collect(Collectors.toMap(User::getId, StalledStepFollowUp::choice, (a, b) -> a, LinkedHashMap::new))
            .values().stream().toList());
    try {
      task.setVariableLocal(REASSIGN_CHOICES, SpinValues.jsonValue(JSON.writeValueAsString(people)).create());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write the reassign choices as JSON", e);
    }
  }

  /** One option of a Camunda Forms select. */
  record Choice(String label, String value) {}

  private static Choice choice(User user) {
    String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).trim();
    return new Choice(name.isEmpty() ? user.getId() : name + " (" + user.getId() + ")", user.getId());
  }

  public void apply(DelegateExecution execution, String stalledTaskKey) {
    FollowUpAction action = FollowUpAction.of(execution.getVariable(FOLLOW_UP_ACTION));
    TaskService tasks = execution.getProcessEngineServices().getTaskService();
    IdentityService identity = execution.getProcessEngineServices().getIdentityService();
    String actor = Actor.current(execution.getProcessEngineServices(), "the engine");
    String note = text(execution, FOLLOW_UP_NOTE);
    boolean deliverStep = TASK_DELIVER.equals(stalledTaskKey);

    // The one acting is support or a community lead, who has no rights on the stalled task itself.
    Context.getCommandContext()
        .runWithoutAuthorization(
            () -> {
              Task stalled =
                  tasks.createTaskQuery()
                      .processInstanceId(execution.getProcessInstanceId())
                      .taskDefinitionKey(stalledTaskKey)
                      .singleResult();
              if (stalled == null) {
                throw new ProcessEngineException(
                    "No open task '" + stalledTaskKey + "' in milestone " + execution.getProcessInstanceId());
              }
              Date stillStalledFrom = AppClock.date();
              String what;
              switch (action) {
                case NUDGED -> what = "nudged";
                case REASSIGNED -> {
                  String userVariable = deliverStep ? RESPONSIBLE_USER : SUPPORT_USER;
                  String group = (String) execution.getVariable(deliverStep ? RESPONSIBLE_GROUP : SUPPORT_GROUP);
                  String newAssignee = requireMember(identity, text(execution, NEW_ASSIGNEE), group);
                  tasks.setAssignee(stalled.getId(), newAssignee);
                  execution.setVariable(userVariable, newAssignee);
                  what = "reassigned to " + newAssignee;
                }
                case EXTENDED -> {
                  Date due = futureDate(execution.getVariable(NEW_DUE_DATE));
                  stalled.setDueDate(due);
                  tasks.saveTask(stalled);
                  stillStalledFrom = due;
                  what = "deadline extended to " + due.toInstant();
                }
                case DROPPED -> {
                  String reason = text(execution, DROP_REASON);
                  if (reason == null) {
                    throw new InvalidInputException("Give a reason for dropping the milestone (dropReason)");
                  }
                  execution.setVariable(MILESTONE_OUTCOME, OUTCOME_DROPPED);
                  execution.setVariable(DROP_REASON, reason);
                  execution.setVariable(DROPPED_BY, actor);
                  what = "milestone dropped: " + reason;
                }
                default -> throw new IllegalStateException("Unhandled follow-up action " + action);
              }
              tasks.createComment(stalled.getId(), stalled.getProcessInstanceId(), comment(actor, what, note));
              Date stillStalledAt = new Date(stillStalledFrom.getTime());
              MilestoneProperties.requireDuration(
                      STILL_STALLED_PERIOD, (String) execution.getVariable(STILL_STALLED_PERIOD))
                  .addTo(stillStalledAt);
              execution.setVariable(STILL_STALLED_AT, stillStalledAt);
              return null;
            });

    execution.setVariable(LAST_FOLLOW_UP_ACTION, action.value());
    // The form's answers are in the history; the next follow-up form starts blank.
    execution.removeVariables(Arrays.asList(FOLLOW_UP_ACTION, NEW_ASSIGNEE, NEW_DUE_DATE, FOLLOW_UP_NOTE));
    if (action != FollowUpAction.DROPPED) {
      execution.removeVariable(DROP_REASON);
    }
  }

  private static String requireMember(IdentityService identity, String userId, String groups) {
    if (userId == null) {
      throw new InvalidInputException("Name the user to reassign the step to (newAssignee)");
    }
    String[] groupIds = groups.split("\\s*,\\s*");
    long found = identity.createUserQuery().userId(userId).count();
    if (found == 0) {
      throw new InvalidInputException("Cannot reassign to '" + userId + "': no such user");
    }
    for (String groupId : groupIds) {
      if (identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() > 0) {
        return userId;
      }
    }
    throw new InvalidInputException(
        "Cannot reassign to '" + userId + "': not a member of " + String.join(" or ", groupIds));
  }

  private static Date futureDate(Object value) {
    if (value == null || value.toString().isBlank()) {
      throw new InvalidInputException("Give the new deadline (newDueDate)");
    }
    Date due;
    if (value instanceof Date date) {
      due = date;
    } else {
      String text = value.toString().trim();
      try {
        due = text.length() == 10
            // A date alone means the end of that day.
            ? Date.from(LocalDate.parse(text).plusDays(1).atStartOfDay(ZoneId.systemDefault()).toInstant().minusSeconds(1))
            : Date.from(OffsetDateTime.parse(text).toInstant());
      } catch (DateTimeParseException e) {
        throw new InvalidInputException(
            "newDueDate must be a date (2026-12-31) or a date-time with offset, got '" + text + "'");
      }
    }
    if (!due.after(AppClock.date())) {
      throw new InvalidInputException("The new deadline must be in the future, got " + due.toInstant());
    }
    return due;
  }

  private static String comment(String actor, String what, String note) {
    String message = "Stalled step followed up by " + actor + ": " + what + (note == null ? "" : ". " + note);
    return message.length() > MAX_COMMENT ? message.substring(0, MAX_COMMENT) : message;
  }

  private static String text(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    return value.toString().trim();
  }
}
