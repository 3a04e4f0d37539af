package org.communitylifecycle.community;

import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.communitylifecycle.engine.ProcessVariables;

/**
 * The variables the lifecycle and every stage process hold about their community, as
 * {@link StageEntry} checks and sets them: who the community is, its people and teams, and the
 * stage it is in. Read them with {@link #of(VariableScope)}.
 */
public final class CommunityContract extends ProcessVariables {

  // Inputs of the lifecycle and of a stage: the names its start forms and the lifecycle pass.
  public static final String COMMUNITY_NAME = "communityName";
  public static final String ACTIVATOR = "activator";
  public static final String LIAISON = "liaison";
  /** The community's slug, the business key of its instances. */
  public static final String COMMUNITY_KEY = "communityKey";
  /** The group of the community's activators ({@link org.communitylifecycle.identity.Teams}): who may deliver. */
  public static final String ACTIVATOR_TEAM = "activatorTeam";
  /** The group of the community's liaisons: who may review, follow up and decide at a stage gate. */
  public static final String LIAISON_TEAM = "liaisonTeam";
  /** The stage's process key, such as {@code scaling}; an input of the stage exit decision too. */
  public static final String STAGE = "stage";
  /** The stage's name as its process names it, such as "Scaling". */
  static final String STAGE_NAME = "stageName";
  /** When the community entered the stage (a date-time). */
  static final String STAGE_ENTERED_AT = "stageEnteredAt";
  static final String STAGE_REVIEW_INTERVAL = "stageReviewInterval";

  private CommunityContract(VariableScope scope) {
    super(scope);
  }

  public static CommunityContract of(VariableScope scope) {
    return new CommunityContract(scope);
  }

  /** The community's name as given, trimmed; null when blank. */
  public String name() {
    return text(COMMUNITY_NAME);
  }

  public String key() {
    return text(COMMUNITY_KEY);
  }

  public String activator() {
    return text(ACTIVATOR);
  }

  public String liaison() {
    return text(LIAISON);
  }

  public String activatorTeam() {
    return text(ACTIVATOR_TEAM);
  }

  public String liaisonTeam() {
    return text(LIAISON_TEAM);
  }

  /** The stage's process key, such as {@code scaling}. */
  public String stage() {
    return text(STAGE);
  }

  public String stageName() {
    return text(STAGE_NAME);
  }

  /** When the community entered the stage; a stage not entered through {@link StageEntry} has none. */
  public Date stageEnteredAt() {
    if (!(value(STAGE_ENTERED_AT) instanceof Date date)) {
      throw new IllegalStateException(
          "The stage has no entry date (" + STAGE_ENTERED_AT + "): it was not entered through stageEntry");
    }
    return date;
  }

  /** Passes the community to a stage the lifecycle calls; an input the call already passes wins. */
  public void passTo(Map<String, Object> inputs) {
    inputs.putIfAbsent(COMMUNITY_NAME, name());
    inputs.putIfAbsent(COMMUNITY_KEY, key());
    inputs.putIfAbsent(ACTIVATOR, activator());
    inputs.putIfAbsent(LIAISON, liaison());
  }

  void identified(String name, String key, String activator, String liaison) {
    set(COMMUNITY_NAME, name);
    set(COMMUNITY_KEY, key);
    set(ACTIVATOR, activator);
    set(LIAISON, liaison);
  }

  void enteredStage(String stage, String stageName, Date at, String reviewInterval) {
    set(STAGE, stage);
    set(STAGE_NAME, stageName);
    set(STAGE_ENTERED_AT, at);
    set(STAGE_REVIEW_INTERVAL, reviewInterval);
  }

  void teams(String activatorTeam, String liaisonTeam) {
    set(ACTIVATOR_TEAM, activatorTeam);
    set(LIAISON_TEAM, liaisonTeam);
  }
}
