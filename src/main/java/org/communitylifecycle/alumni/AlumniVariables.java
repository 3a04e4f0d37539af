package org.communitylifecycle.alumni;

import java.util.Set;

/**
 * Names of the variables of processes/alumni-network.bpmn. They hold ids, dates, counts and
 * choices; residents' names and emails live in the app's tables. The three exceptions are listed
 * in {@link #PERSONAL}: they exist only while a host needs to read them and never reach the
 * engine's history (see {@link PersonalDataHistory}).
 */
public final class AlumniVariables {

  public static final String PROCESS_KEY = "alumni-network";
  /** The message a resident's answer sends to their invitation. */
  public static final String FEEDBACK_GIVEN = "AlumniFeedbackGiven";

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

  private AlumniVariables() {}
}
