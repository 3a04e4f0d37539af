package org.communitylifecycle.source;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
// IdentityService.getCurrentAuthentication() returns this impl type; there is no public one.
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.communitylifecycle.engine.InvalidInputException;
import org.communitylifecycle.source.SourceViews.InvalidSource;
import org.communitylifecycle.source.SourceViews.Source;
import org.communitylifecycle.source.SourceViews.SourceForbidden;
import org.communitylifecycle.source.SourceViews.UnknownSource;
import org.springframework.stereotype.Component;

/**
 * Service task of "Add a contribution source" (processes/add-contribution-source.bpmn): adds the
 * start form's source for the person who submitted it, if they may manage the community's sources,
 * and starts its first sync. The token field is sealed into the source and removed from the
 * instance in the same transaction, so it never reaches the database as a variable;
 * {@link TokenNotInHistory} keeps it out of history.
 */
@Component("contributionSources")
public class AddContributionSource {

  public static final String PROCESS_KEY = "add-contribution-source";
  public static final String COMMUNITY_KEY = "communityKey";
  public static final String NAME = "sourceName";
  public static final String KIND = "sourceKind";
  public static final String TOKEN = "sourceToken";
  public static final String SYNC_INTERVAL = "syncInterval";
  /** Form fields that become the kind's settings, by their setting name. */
  static final Map<String, String> SETTING_FIELDS = Map.of(
      "repositories", "repositories", "organisation", "organisation", "siteUrl", "siteUrl",
      "categories", "categories", "location", "location", "apiUrl", "apiUrl");
  /** Written: the new source's id, its name and what the first sync is. */
  public static final String SOURCE_ID = "sourceId";

  private final Sources sources;

  public AddContributionSource(Sources sources) {
    this.sources = sources;
  }

  public void add(DelegateExecution execution) {
    Object token = execution.getVariable(TOKEN);
    execution.removeVariable(TOKEN);
    Authentication user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (user == null) {
      throw new InvalidInputException("Add a source from Tasklist, signed in as an activator or liaison of the community");
    }
    Map<String, String> settings = new LinkedHashMap<>();
    SETTING_FIELDS.forEach((field, setting) -> {
      Object value = execution.getVariable(field);
      if (value != null && !value.toString().isBlank()) {
        settings.put(setting, value.toString());
      }
    });
    String communityKey = text(execution, COMMUNITY_KEY);
    try {
      Source source = sources.add(communityKey, text(execution, NAME), text(execution, KIND), settings,
          token == null ? null : token.toString(), text(execution, SYNC_INTERVAL), user.getUserId(),
          user.getGroupIds() == null ? List.of() : user.getGroupIds());
      execution.setVariable(SOURCE_ID, source.id());
      execution.setProcessBusinessKey(communityKey);
    } catch (InvalidSource | UnknownSource | SourceForbidden e) {
      throw new InvalidInputException(e.getMessage());
    }
  }

  private static String text(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value == null ? null : value.toString();
  }
}
