package org.communitylifecycle.alumni;

import java.time.LocalDate;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.communitylifecycle.engine.InvalidInputException;
import org.communitylifecycle.engine.VariableValues;
import org.communitylifecycle.engine.ProcessVariables;

/**
 * The contract of processes/alumni-network.bpmn: its key, the elements others refer to, and its
 * variables. They hold ids, dates, counts and choices; residents' names and emails live in the
 * app's tables. The three exceptions are listed in {@link #PERSONAL}: they exist only while a host
 * needs to read them and never reach the engine's history (see {@link PersonalDataHistory}).
 *
 * <p>The variable names are also the fields of the forms/alumni-*.form and the start form.
 */
public final class AlumniNetworkContract extends ProcessVariables {

  public static final String PROCESS_KEY = "alumni-network";

  // Elements, in the order of the model.
  public static final String TIMER_RESIDENCY_ENDED = "Timer_ResidencyEnded";
  public static final String SERVICE_TASK_ISSUE_INVITATIONS = "ServiceTask_IssueInvitations";
  public static final String TASK_SEND_INVITATIONS = "Task_SendAlumniInvitations";
  public static final String END_INVITATIONS_SENT = "EndEvent_InvitationsSent";
  public static final String TIMER_INVITATIONS_EXPIRED_UNSENT = "Timer_InvitationsExpiredUnsent";
  public static final String END_INVITATIONS_EXPIRED_UNSENT = "EndEvent_InvitationsExpiredUnsent";
  public static final String GATEWAY_FEEDBACK_OR_LAPSE = "Gateway_FeedbackOrLapse";
  /** The catch event of {@link #MESSAGE_FEEDBACK_GIVEN}; asynchronous after, so its job carries on. */
  public static final String EVENT_FEEDBACK_GIVEN = "Message_FeedbackGiven";
  public static final String SERVICE_TASK_CLOSE_INVITATION = "ServiceTask_CloseInvitation";
  public static final String END_JOINED = "EndEvent_Joined";
  public static final String SERVICE_TASK_ERASE_DECLINED = "ServiceTask_EraseDeclinedInvitation";
  public static final String END_DECLINED = "EndEvent_Declined";
  public static final String TIMER_INVITATION_LAPSED = "Timer_InvitationLapsed";
  public static final String SERVICE_TASK_ERASE_LAPSED = "ServiceTask_EraseLapsedInvitation";
  public static final String END_LAPSED = "EndEvent_Lapsed";
  public static final String END_INVITATIONS_CLOSED = "EndEvent_InvitationsClosed";
  public static final String TIMER_REUNION_DUE = "Timer_ReunionDue";
  public static final String SERVICE_TASK_GATHER_CONTACTS = "ServiceTask_GatherReunionContacts";
  public static final String END_NO_ALUMNI_TO_CONTACT = "EndEvent_NoAlumniToContact";
  public static final String TASK_ORGANISE_REUNION = "Task_OrganiseReunion";
  public static final String GATEWAY_REUNION_PLANNED = "Gateway_ReunionPlanned";
  public static final String END_REUNION_SKIPPED = "EndEvent_ReunionSkipped";
  public static final String TASK_RECORD_CATCH_UP = "Task_RecordCatchUp";
  public static final String END_CATCH_UP_RECORDED = "EndEvent_CatchUpRecorded";

  /** The message a resident's answer sends to their invitation. */
  public static final String MESSAGE_FEEDBACK_GIVEN = "AlumniFeedbackGiven";

  // The start form.
  public static final String HUB_NAME = "hubName";
  public static final String COHORT_NAME = "cohortName";
  public static final String RESIDENCY_END_DATE = "residencyEndDate";
  public static final String RESIDENTS = "residents";

  // Set when the cohort is opened.
  public static final String HUB_KEY = "hubKey";
  public static final String COHORT_KEY = "cohortKey";
  public static final String COHORT_ID = "cohortId";
  public static final String RESIDENT_COUNT = "residentCount";
  public static final String HUB_HOST = "hubHost";
  /**
   * The group of the cohort's hub hosts ({@link org.communitylifecycle.identity.Teams}), first the
   * host who opened it: the candidates of its tasks, so only they see the cohort's work.
   */
  public static final String HOST_TEAM = "hostTeam";
  public static final String INVITATION_VALID_FOR = "invitationValidFor";
  public static final String REUNION_AFTER = "reunionAfter";
  public static final String INVITATIONS_DUE_AT = "invitationsDueAt";
  public static final String REUNION_DUE_AT = "reunionDueAt";

  // Invitations.
  public static final String INVITATIONS_EXPIRE_AT = "invitationsExpireAt";
  /** The same day as text, for forms: "1 April 2026". */
  public static final String INVITATIONS_EXPIRE_ON = "invitationsExpireOn";
  public static final String INVITATION_LINKS = "invitationLinks";
  public static final String INVITATIONS_SENT = "invitationsSent";
  /** The element variable of the multi-instance "await feedback", local to its sub-process. */
  public static final String INVITATION_ID = "invitationId";

  // The reunion.
  public static final String CONTACTABLE_ALUMNI = "contactableAlumni";
  public static final String REUNION_CONTACTS = "reunionContacts";
  public static final String REUNION_DECISION = "reunionDecision";
  public static final String DECISION_PLANNED = "planned";
  public static final String DECISION_SKIPPED = "skipped";
  public static final String REUNION_FORMAT = "reunionFormat";
  public static final String REUNION_DATE = "reunionDate";
  public static final String REUNION_ON = "reunionOn";
  /** The plan in words, for the next form: "an online catch-up call on 5 December 2026". */
  public static final String REUNION_PLAN = "reunionPlan";
  public static final String SKIP_REASON = "skipReason";
  public static final String CATCH_UP_OUTCOME = "catchUpOutcome";
  public static final String ATTENDEE_COUNT = "attendeeCount";
  public static final String CATCH_UP_NOTES = "catchUpNotes";

  /** Variables that hold residents' names and emails, one person per line. */
  public static final Set<String> PERSONAL = Set.of(RESIDENTS, INVITATION_LINKS, REUNION_CONTACTS);

  /** What the start listener records once the cohort is open. */
  public record OpenedCohort(
      String hubName, String hubKey, String cohortName, String cohortKey, long cohortId, LocalDate residencyEndDate,
      int residentCount, String hubHost, String hostTeam, String invitationValidFor, String reunionAfter,
      Date invitationsDueAt, Date reunionDueAt) {}

  private AlumniNetworkContract(VariableScope scope) {
    super(scope);
  }

  /** The variables of an execution or task of the alumni network. */
  public static AlumniNetworkContract of(VariableScope scope) {
    return new AlumniNetworkContract(scope);
  }

  /** The start form's variables. */
  public static Map<String, Object> startForm(String hubName, String cohortName, String residencyEndDate, String residents) {
    return Map.of(HUB_NAME, hubName, COHORT_NAME, cohortName, RESIDENCY_END_DATE, residencyEndDate, RESIDENTS, residents);
  }

  /** The host's list of links of a running cohort, or null when there is none (any more). */
  public static String invitationLinks(RuntimeService runtime, String processInstanceId) {
    return textOf(runtime.getVariable(processInstanceId, INVITATION_LINKS));
  }

  /**
   * Sends {@link #MESSAGE_FEEDBACK_GIVEN} to the invitation's instance of the multi-instance. Its
   * id is a variable of the enclosing sub-process, not of the execution that waits for the
   * message, so the waiting executions are matched here rather than by the correlation's local
   * variables.
   */
  static void feedbackGiven(RuntimeService runtime, String processInstanceId, long invitationId) {
    for (Execution waiting : runtime.createExecutionQuery().processInstanceId(processInstanceId)
        .messageEventSubscriptionName(MESSAGE_FEEDBACK_GIVEN).list()) {
      Object id = runtime.getVariable(waiting.getId(), INVITATION_ID);
      if (id instanceof Number number && number.longValue() == invitationId) {
        runtime.messageEventReceived(MESSAGE_FEEDBACK_GIVEN, waiting.getId());
      }
    }
  }

  /** Gives a variable of an alumni-network instance, as a query found it, a new text value in place. */
  static void overwrite(RuntimeService runtime, TaskService tasks, VariableInstance variable, String value) {
    if (variable.getTaskId() != null) {
      tasks.setVariableLocal(variable.getTaskId(), variable.getName(), value);
    } else {
      runtime.setVariableLocal(variable.getExecutionId(), variable.getName(), value);
    }
  }

  /** Removes a variable of an alumni-network instance, as a query found it. */
  static void remove(RuntimeService runtime, TaskService tasks, VariableInstance variable) {
    if (variable.getTaskId() != null) {
      tasks.removeVariableLocal(variable.getTaskId(), variable.getName());
    } else {
      runtime.removeVariableLocal(variable.getExecutionId(), variable.getName());
    }
  }

  // --- the start form and the open cohort ---

  /** The hub's name as given, or null. */
  String hubName() {
    return textOf(value(HUB_NAME));
  }

  /** The cohort's name as given, or null. */
  String cohortName() {
    return textOf(value(COHORT_NAME));
  }

  /** The pasted roster as given, or null. */
  String residents() {
    return textOf(value(RESIDENTS));
  }

  /** The last day of the residency: a client error when it is absent or not a date. */
  LocalDate residencyEndDate() {
    return requireDay(RESIDENCY_END_DATE, "Give the last day of the residency (" + RESIDENCY_END_DATE + ")", "2026-06-30");
  }

  /** The roster goes to the app's tables: the process keeps no names or emails. */
  void forgetResidents() {
    remove(RESIDENTS);
  }

  void opened(OpenedCohort cohort) {
    set(HUB_NAME, cohort.hubName());
    set(HUB_KEY, cohort.hubKey());
    set(COHORT_NAME, cohort.cohortName());
    set(COHORT_KEY, cohort.cohortKey());
    set(COHORT_ID, cohort.cohortId());
    set(RESIDENCY_END_DATE, cohort.residencyEndDate().toString());
    set(RESIDENT_COUNT, cohort.residentCount());
    set(HUB_HOST, cohort.hubHost());
    set(HOST_TEAM, cohort.hostTeam());
    set(INVITATION_VALID_FOR, cohort.invitationValidFor());
    set(REUNION_AFTER, cohort.reunionAfter());
    set(INVITATIONS_DUE_AT, cohort.invitationsDueAt());
    set(REUNION_DUE_AT, cohort.reunionDueAt());
  }

  /** The cohort's id in the app's tables; fails when the cohort was never opened. */
  long cohortId() {
    return ((Number) value(COHORT_ID)).longValue();
  }

  /** The cohort's id, or null when it was never opened (a start that failed). */
  Long cohortIdIfOpened() {
    return value(COHORT_ID) instanceof Number id ? id.longValue() : null;
  }

  // --- invitations ---

  /** How long invitations are valid, an ISO-8601 period such as P30D. */
  String invitationValidFor() {
    return value(INVITATION_VALID_FOR).toString();
  }

  void invitationsIssued(Date expiresAt, String expiresOn, String links) {
    set(INVITATIONS_EXPIRE_AT, expiresAt);
    set(INVITATIONS_EXPIRE_ON, expiresOn);
    set(INVITATION_LINKS, links);
  }

  String invitationLinks() {
    return textOf(value(INVITATION_LINKS));
  }

  void invitationLinks(String links) {
    set(INVITATION_LINKS, links);
  }

  void forgetInvitationLinks() {
    remove(INVITATION_LINKS);
  }

  /** Whether the host ticked that every invitation is sent. */
  boolean invitationsSent() {
    return isTrue(INVITATIONS_SENT);
  }

  /** The invitation of this instance of the multi-instance. */
  long invitationId() {
    return ((Number) value(INVITATION_ID)).longValue();
  }

  // --- the reunion ---

  void contactableAlumni(int count) {
    set(CONTACTABLE_ALUMNI, count);
  }

  /** The contacts, one per line, local to the task that shows them. */
  void reunionContacts(String lines) {
    setLocal(REUNION_CONTACTS, lines);
  }

  String reunionDecision() {
    return text(REUNION_DECISION);
  }

  String reunionFormat() {
    return text(REUNION_FORMAT);
  }

  /** The reunion's day: a client error when it is absent or not a date. */
  LocalDate reunionDate() {
    return requireDay(REUNION_DATE, "Give the reunion's date (" + REUNION_DATE + ")", "2026-12-05");
  }

  void reunionPlanned(Date reunionOn, String plan) {
    set(REUNION_ON, reunionOn);
    set(REUNION_PLAN, plan);
    remove(SKIP_REASON);
  }

  String skipReason() {
    return text(SKIP_REASON);
  }

  String catchUpOutcome() {
    return text(CATCH_UP_OUTCOME);
  }

  /** How many took part, as entered (Tasklist may send a double), or null when it is not a number. */
  Number attendeeCount() {
    return value(ATTENDEE_COUNT) instanceof Number number ? number : null;
  }

  void attendeeCount(int count) {
    set(ATTENDEE_COUNT, count);
  }

  void forgetAttendeeCount() {
    remove(ATTENDEE_COUNT);
  }

  String catchUpNotes() {
    return text(CATCH_UP_NOTES);
  }

  private LocalDate requireDay(String variable, String whenAbsent, String example) {
    Object value = value(variable);
    String text = VariableValues.text(value);
    if (text == null) {
      throw new InvalidInputException(whenAbsent);
    }
    try {
      return VariableValues.day(value, variable);
    } catch (InvalidInputException e) {
      throw new InvalidInputException(variable + " must be a date such as " + example + ", got '" + text + "'");
    }
  }

  private static String textOf(Object value) {
    return value == null ? null : value.toString();
  }
}
