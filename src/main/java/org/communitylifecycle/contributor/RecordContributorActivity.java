package org.communitylifecycle.contributor;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
// IdentityService.getCurrentAuthentication() returns this impl type; there is no public one.
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.communitylifecycle.community.CommunityDirectory;
import org.communitylifecycle.community.CommunityDirectory.Community;
import org.communitylifecycle.contributor.ContributorExceptions.InvalidContributorData;
import org.communitylifecycle.contributor.ContributorExceptions.TierRuleGap;
import org.communitylifecycle.contributor.ContributorExceptions.UnknownCommunity;
import org.communitylifecycle.contributor.ContributorViews.Recorded;
import org.communitylifecycle.engine.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * Service task of "Record contributor activity": records the start form's contribution for the
 * person who submitted it, if they may see the community's contributors, and writes the tier.
 * Anything wrong becomes an {@link InvalidInputException}, which Tasklist shows on the form.
 */
@Component("recordContributorActivity")
public class RecordContributorActivity {

  private final ContributorService contributors;
  private final CommunityDirectory directory;

  public RecordContributorActivity(ContributorService contributors, CommunityDirectory directory) {
    this.contributors = contributors;
    this.directory = directory;
  }

  public void record(DelegateExecution execution) {
    RecordContributorActivityContract form = RecordContributorActivityContract.of(execution);
    String communityKey = form.communityKey();
    if (communityKey == null) {
      throw new InvalidInputException("Give the community's key (communityKey), for example sumo-community");
    }
    Community community;
    try {
      community = contributors.community(communityKey);
    } catch (UnknownCommunity e) {
      throw new InvalidInputException(e.getMessage() + "; the key is the community's name in lower case with"
          + " hyphens, as its stage's business key shows");
    }
    Authentication user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    List<String> groups = user == null || user.getGroupIds() == null ? List.of() : user.getGroupIds();
    if (user == null || !directory.mayRead(user.getUserId(), groups, community)) {
      throw new InvalidInputException("Only the activators and liaisons of '" + communityKey
          + "' (its team groups) and the groups " + String.join(", ", CommunityDirectory.PORTFOLIO_GROUPS)
          + " may record its contributors' activity");
    }
    Recorded recorded;
    try {
      recorded = contributors.record(communityKey, form.handle(), form.contributorName(), form.joinedOn(),
          form.activityDate(), form.activityKind(), form.activityReference(), form.role());
    } catch (InvalidContributorData | TierRuleGap e) {
      throw new InvalidInputException(e.getMessage());
    }
    execution.setProcessBusinessKey(communityKey);
    form.recorded(recorded);
  }
}
