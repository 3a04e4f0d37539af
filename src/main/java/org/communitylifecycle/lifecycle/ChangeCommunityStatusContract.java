package org.communitylifecycle.lifecycle;

import java.util.Arrays;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.communitylifecycle.community.CommunityContract;
import org.communitylifecycle.engine.ProcessVariables;

/**
 * The contract of the {@code change-community-status} process, the liaisons' way to pause, resume
 * or close a community: its key and the fields of its start form (forms/change-community-status.form).
 */
public final class ChangeCommunityStatusContract extends ProcessVariables {

  /** The process key. */
  public static final String PROCESS_KEY = "change-community-status";

  static final String STATUS_CHANGE = "statusChange";
  static final String STATUS_CHANGE_REASON = "statusChangeReason";

  /** The changes the form offers, by their value in the form. */
  enum Change {
    PAUSE("pause"), RESUME("resume"), CLOSE("close");

    private final String value;

    Change(String value) {
      this.value = value;
    }
  }

  private ChangeCommunityStatusContract(VariableScope scope) {
    super(scope);
  }

  public static ChangeCommunityStatusContract of(VariableScope scope) {
    return new ChangeCommunityStatusContract(scope);
  }

  /** The community's key as given, trimmed; null when blank. */
  String communityKey() {
    return text(CommunityContract.COMMUNITY_KEY);
  }

  /** The change as given, trimmed; null when blank. */
  String changeText() {
    return text(STATUS_CHANGE);
  }

  /** The change, or null when the text names none. */
  Change change() {
    String text = changeText();
    return Arrays.stream(Change.values()).filter(c -> c.value.equals(text)).findFirst().orElse(null);
  }

  String reason() {
    return text(STATUS_CHANGE_REASON);
  }
}
