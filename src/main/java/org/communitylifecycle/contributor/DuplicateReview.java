package org.communitylifecycle.contributor;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
// IdentityService.getCurrentAuthentication() returns this impl type; there is no public one.
import org.camunda.bpm.engine.impl.identity.Authentication;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.communitylifecycle.community.CommunityDirectory;
import org.communitylifecycle.community.CommunityDirectory.Community;
import org.communitylifecycle.contributor.ContributorExceptions.InvalidContributorData;
import org.communitylifecycle.contributor.ContributorExceptions.UnknownCommunity;
import org.communitylifecycle.contributor.ContributorExceptions.UnknownContributor;
import org.communitylifecycle.contributor.ContributorViews.PossibleDuplicate;
import org.communitylifecycle.engine.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * Service tasks of "Review possible duplicates" (processes/review-possible-duplicates.bpmn):
 * lists the community's likely duplicates for the form, then merges the pairs the reviewer ticked
 * and records the ones they called two people. Acts only for a signed-in person who may read the
 * community's contributors.
 */
@Component("duplicateReview")
public class DuplicateReview {

  public static final String PROCESS_KEY = "review-possible-duplicates";
  public static final String COMMUNITY_KEY = "communityKey";
  /** The form's options: [{label, value}], value "handle|otherHandle". */
  public static final String OPTIONS = "duplicateOptions";
  public static final String COUNT = "duplicateCount";
  /** The reviewer's choices: values of {@link #OPTIONS}. */
  public static final String MERGE = "mergePairs";
  public static final String DISTINCT = "distinctPairs";
  /** Written: what was merged, as sentences. */
  public static final String MERGED = "mergedSummary";
  static final int LIMIT = 30;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ContributorIdentities identities;
  private final ContributorService contributors;
  private final CommunityDirectory directory;

  public DuplicateReview(ContributorIdentities identities, ContributorService contributors, CommunityDirectory directory) {
    this.identities = identities;
    this.contributors = contributors;
    this.directory = directory;
  }

  public void find(DelegateExecution execution) {
    String communityKey = allowed(execution);
    List<Map<String, String>> options = new ArrayList<>();
    for (PossibleDuplicate pair : identities.possibleDuplicates(communityKey, LIMIT)) {
      Map<String, String> option = new LinkedHashMap<>();
      option.put("label", person(pair.handle(), pair.name()) + " and " + person(pair.otherHandle(), pair.otherName())
          + ": " + pair.reason() + " (" + Math.round(pair.similarity() * 100) + "%)");
      option.put("value", pair.handle() + "|" + pair.otherHandle());
      options.add(option);
    }
    // Json (Spin), as Tasklist submits the checklists with the type of their options' variable.
    try {
      execution.setVariable(OPTIONS, SpinValues.jsonValue(JSON.writeValueAsString(options)).create());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A list of maps of strings is always JSON", e);
    }
    execution.setVariable(COUNT, options.size());
    execution.setProcessBusinessKey(communityKey);
  }

  public void apply(DelegateExecution execution) {
    String communityKey = allowed(execution);
    Authentication user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    List<String> merge = values(execution.getVariable(MERGE));
    List<String> distinct = values(execution.getVariable(DISTINCT));
    List<String> both = merge.stream().filter(distinct::contains).toList();
    if (!both.isEmpty()) {
      throw new InvalidInputException("Each pair is either one person or two: " + both.get(0).replace("|", " and ")
          + " is ticked in both lists");
    }
    List<String> done = new ArrayList<>();
    try {
      for (String pair : merge) {
        String[] handles = pair.split("\\|", 2);
        // A handle merged earlier in this list is gone: its person goes on under the other handle.
        if (contributorMissing(communityKey, handles[0]) || contributorMissing(communityKey, handles[1])) {
          continue;
        }
        identities.merge(communityKey, handles[0], handles[1]);
        done.add(handles[1] + " merged into " + handles[0]);
      }
      for (String pair : distinct) {
        String[] handles = pair.split("\\|", 2);
        identities.markDistinct(communityKey, handles[0], handles[1], user.getUserId());
        done.add(handles[0] + " and " + handles[1] + " are two people");
      }
    } catch (InvalidContributorData | UnknownContributor e) {
      throw new InvalidInputException(e.getMessage());
    }
    execution.setVariable(MERGED, done.isEmpty() ? "Nothing was changed." : String.join("; ", done) + ".");
  }

  private boolean contributorMissing(String communityKey, String handle) {
    try {
      contributors.existingContributor(communityKey, handle);
      return false;
    } catch (UnknownContributor e) {
      return true;
    }
  }

  private String allowed(DelegateExecution execution) {
    Object key = execution.getVariable(COMMUNITY_KEY);
    String communityKey = key == null ? null : key.toString().trim();
    if (communityKey == null || communityKey.isEmpty()) {
      throw new InvalidInputException("Give the community's key (communityKey), for example sumo-community");
    }
    Community community;
    try {
      community = contributors.community(communityKey);
    } catch (UnknownCommunity e) {
      throw new InvalidInputException(e.getMessage());
    }
    Authentication user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    Collection<String> groups = user == null || user.getGroupIds() == null ? List.of() : user.getGroupIds();
    if (user == null || !directory.mayRead(user.getUserId(), groups, community)) {
      throw new InvalidInputException("Only the activators and liaisons of '" + communityKey + "' and the groups "
          + String.join(", ", CommunityDirectory.PORTFOLIO_GROUPS) + " may review its contributors");
    }
    return communityKey;
  }

  /** A checklist's values: a list from the API or a test, Json from Tasklist; only "handle|handle" ones count. */
  private static List<String> values(Object value) {
    if (value == null) {
      return List.of();
    }
    List<String> found = new ArrayList<>();
    if (value instanceof Collection<?> collection) {
      collection.forEach(v -> found.add(String.valueOf(v)));
    } else if (value instanceof SpinJsonNode json && json.isArray()) {
      json.elements().forEach(v -> found.add(v.isString() ? v.stringValue() : v.toString()));
    } else {
      try {
        JSON.readTree(value.toString()).forEach(v -> found.add(v.asText()));
      } catch (JsonProcessingException e) {
        throw new InvalidInputException("The choices are not a list of pairs: " + value);
      }
    }
    return found.stream().filter(v -> v.contains("|")).toList();
  }

  private static String person(String handle, String name) {
    return name == null || name.isBlank() ? handle : handle + " (" + name + ")";
  }
}
