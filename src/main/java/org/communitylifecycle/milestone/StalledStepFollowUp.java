package org.communitylifecycle.milestone;

import static org.communitylifecycle.milestone.MilestoneContract.*;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Collectors;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
// Running part of a delegate without the caller's authorizations: the engine has no public API for it.
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.communitylifecycle.engine.AppClock;
import org.communitylifecycle.engine.InvalidInputException;
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
    MilestoneContract.FollowUp followUp = new MilestoneContract.FollowUp(task, stalledTaskKey);
    String groups = followUp.team();
    IdentityService identity = task.getProcessEngineServices().getIdentityService();
    // The one following up may not read users and groups; which people to offer is the engine's own query.
    List<Choice> people = Context.getCommandContext().runWithoutAuthorization(() ->
        Arrays.stream(groups.split("\\s*,\\s*"))
            .flatMap(group -> identity.createUserQuery().memberOfGroup(group).orderByUserId().asc().list().stream())
            .collect(Collectors.toMap(User::getId, StalledStepFollowUp::choice, (a, b) -> a, LinkedHashMap::new))
            .values().stream().toList());
    try {
      followUp.offerChoices(SpinValues.jsonValue(JSON.writeValueAsString(people)).create());
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

  /**
   * Service task after a follow-up or escalation task: carries out its action on the stalled step,
   * comments on that step, and sets when the step counts as still stalled.
   */
  public void apply(DelegateExecution execution, String stalledTaskKey) {
    MilestoneContract.FollowUp followUp = new MilestoneContract.FollowUp(execution, stalledTaskKey);
    FollowUpAction action = followUp.action();
    TaskService tasks = execution.getProcessEngineServices().getTaskService();
    String actor = Actor.current(execution.getProcessEngineServices(), "the engine");
    String note = followUp.note();

    // The one acting is support or a community lead, who has no rights on the stalled task itself.
    Context.getCommandContext().runWithoutAuthorization(() -> {
      Task stalled = stalledTask(tasks, execution.getProcessInstanceId(), stalledTaskKey);
      Done done = carryOut(action, followUp, stalled, execution.getProcessEngineServices(), actor);
      tasks.createComment(stalled.getId(), stalled.getProcessInstanceId(), comment(actor, done.what(), note));
      followUp.stillStalledAt(
          StalledSteps.after(done.stillStalledFrom(), STILL_STALLED_PERIOD, followUp.stillStalledPeriod()));
      return null;
    });
    followUp.done(action);
  }

  /** What an action did, for the comment, and from when the step's still-stalled period runs. */
  private record Done(String what, Date stillStalledFrom) {}

  private static Task stalledTask(TaskService tasks, String milestone, String stalledTaskKey) {
    Task stalled = tasks.createTaskQuery().processInstanceId(milestone).taskDefinitionKey(stalledTaskKey).singleResult();
    if (stalled == null) {
      throw new ProcessEngineException("No open task '" + stalledTaskKey + "' in milestone " + milestone);
    }
    return stalled;
  }

  private static Done carryOut(FollowUpAction action, MilestoneContract.FollowUp followUp, Task stalled,
      ProcessEngineServices services, String actor) {
    Date now = AppClock.date();
    return switch (action) {
      case NUDGED -> new Done("nudged", now);
      case REASSIGNED -> new Done("reassigned to " + reassign(followUp, stalled, services), now);
      case EXTENDED -> {
        Date due = extend(followUp, stalled, services.getTaskService());
        yield new Done("deadline extended to " + due.toInstant(), due);
      }
      case DROPPED -> new Done("milestone dropped: " + drop(followUp, actor), now);
    };
  }

  /** Gives the stalled step to a member of its team; returns who. */
  private static String reassign(MilestoneContract.FollowUp followUp, Task stalled, ProcessEngineServices services) {
    String newAssignee = requireMember(services.getIdentityService(), followUp.newAssignee(), followUp.team());
    services.getTaskService().setAssignee(stalled.getId(), newAssignee);
    followUp.reassigned(newAssignee);
    return newAssignee;
  }

  /** Moves the stalled step's deadline to the new one; returns it. */
  private static Date extend(MilestoneContract.FollowUp followUp, Task stalled, TaskService tasks) {
    Date due = futureDate(followUp.newDueDate());
    stalled.setDueDate(due);
    tasks.saveTask(stalled);
    return due;
  }

  /** Marks the milestone dropped; returns the reason. */
  private static String drop(MilestoneContract.FollowUp followUp, String actor) {
    String reason = followUp.dropReason();
    if (reason == null) {
      throw new InvalidInputException("Give a reason for dropping the milestone (dropReason)");
    }
    followUp.dropped(reason, actor);
    return reason;
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
            ? Date.from(LocalDate.parse(text).plusDays(1).atStartOfDay(AppClock.zone()).toInstant().minusSeconds(1))
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
}
