package org.communitylifecycle.contributor;

import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.communitylifecycle.contributor.ContributorViews.Recorded;
import org.communitylifecycle.engine.VariableValues;
import org.communitylifecycle.engine.ProcessVariables;

/**
 * The process "Record contributor activity" (processes/record-contributor-activity.bpmn): its
 * key, the elements others may name, and its variables. The inputs are the start form's fields
 * (forms/record-contributor-activity.form names them); the outputs are what the recording wrote,
 * which the gateway reads ({@code ${tierChanged}}).
 */
public final class RecordContributorActivityContract extends ProcessVariables {

  public static final String PROCESS_KEY = "record-contributor-activity";

  public static final String START_EVENT = "StartEvent_ActivityReported";
  public static final String RECORD_TASK = "ServiceTask_RecordContribution";
  /** The end when the contributor's tier today changed. */
  public static final String CONVERTED_END = "EndEvent_ContributorConverted";
  /** The end when it did not. */
  public static final String RECORDED_END = "EndEvent_ContributionRecorded";

  /** Start form fields. */
  public static final String COMMUNITY_KEY = "communityKey";
  public static final String HANDLE = "handle";
  public static final String NAME = "contributorName";
  public static final String JOINED_ON = "joinedOn";
  public static final String ACTIVITY_DATE = "activityDate";
  public static final String ACTIVITY_KIND = "activityKind";
  public static final String ACTIVITY_REFERENCE = "activityReference";
  public static final String ROLE = "role";

  /** Written by the recording: the tier today before and after, whether it changed, whether the contributor was new. */
  public static final String PREVIOUS_TIER = "previousTier";
  public static final String CONTRIBUTOR_TIER = "contributorTier";
  public static final String TIER_CHANGED = "tierChanged";
  public static final String CONTRIBUTOR_ADDED = "contributorAdded";

  private RecordContributorActivityContract(VariableScope scope) {
    super(scope);
  }

  public static RecordContributorActivityContract of(VariableScope scope) {
    return new RecordContributorActivityContract(scope);
  }

  public String communityKey() {
    return text(COMMUNITY_KEY);
  }

  public String handle() {
    return text(HANDLE);
  }

  public String contributorName() {
    return text(NAME);
  }

  /** As text; whether it is a day is the service's to check, with the other fields. */
  public String joinedOn() {
    return dayText(JOINED_ON, ContributorFields.FORM.joinedOn());
  }

  /** As text, like {@link #joinedOn()}. */
  public String activityDate() {
    return dayText(ACTIVITY_DATE, ContributorFields.FORM.date());
  }

  public String activityKind() {
    return text(ACTIVITY_KIND);
  }

  public String activityReference() {
    return text(ACTIVITY_REFERENCE);
  }

  public String role() {
    return text(ROLE);
  }

  /** Writes what the recording did. */
  void recorded(Recorded recorded) {
    set(PREVIOUS_TIER, recorded.previousTier());
    set(CONTRIBUTOR_TIER, recorded.contributor().tier());
    set(TIER_CHANGED, recorded.tierChanged());
    set(CONTRIBUTOR_ADDED, recorded.contributorAdded());
  }

  public String previousTier() {
    return text(PREVIOUS_TIER);
  }

  public String contributorTier() {
    return text(CONTRIBUTOR_TIER);
  }

  public boolean tierChanged() {
    return isTrue(TIER_CHANGED);
  }

  public boolean contributorAdded() {
    return isTrue(CONTRIBUTOR_ADDED);
  }

  /**
   * Tasklist's date fields give text (YYYY-MM-DD), kept as it is; a REST caller may send a typed
   * date, which becomes the same text.
   */
  private String dayText(String name, String what) {
    Object value = value(name);
    if (value instanceof Date || value instanceof LocalDate) {
      return VariableValues.day(value, what).toString();
    }
    return VariableValues.text(value);
  }
}
