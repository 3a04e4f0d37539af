package org.communitylifecycle.opsjam;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.communitylifecycle.engine.InvalidInputException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Requests from the wider community, through Tasklist ("Add an ops request") or the REST API. A
 * jam takes requests from when it is scheduled until its backlog is combed; each request joins
 * the backlog like an instance manager's wish.
 */
@Component("opsRequests")
public class OpsRequests {

  /** Raised when the jam exists but does not take requests at the moment. */
  public static class NotTakingRequests extends InvalidInputException {
    NotTakingRequests(String message) {
      super(message);
    }
  }

  /** Raised when there is no jam with the given key. */
  public static class NoSuchJam extends InvalidInputException {
    NoSuchJam(String message) {
      super(message);
    }
  }

  private final OpsJams jams;
  private final RoadmapItems items;

  public OpsRequests(OpsJams jams, RoadmapItems items) {
    this.jams = jams;
    this.items = items;
  }

  /** Service task of the "Add an ops request" process: records the request, keyed by the jam. */
  public void record(DelegateExecution execution) {
    OpsRequestContract request = OpsRequestContract.of(execution);
    String jamKey = request.jamKey();
    String requester = request.requestedBy();
    if (requester == null) {
      requester = Inputs.actor(execution.getProcessEngineServices(), null);
    }
    RoadmapItems.Item item =
        add(jamKey, requester, request.titleAsSent(), request.tagsAsSent(), request.descriptionAsSent());
    execution.setProcessBusinessKey(jamKey);
    request.setRequestKey(item.key());
  }

  /** Adds one request to a jam's backlog, or says why it cannot. */
  @Transactional
  public RoadmapItems.Item add(String jamKey, String requester, Object title, Object tags, Object description) {
    if (requester == null) {
      throw new InvalidInputException("Sign in to add an ops request: requests are kept with who made them");
    }
    if (jamKey == null) {
      throw new InvalidInputException("Name the ops jam by its key (jamKey), for example sourcecred-ecosystems");
    }
    OpsJams.OpsJam jam = jams.find(jamKey)
        .orElseThrow(() -> new NoSuchJam("There is no ops jam with the key '" + jamKey + "'"));
    if (!jam.takesRequests()) {
      throw new NotTakingRequests("The ops jam '" + jamKey + "' takes requests from when it is scheduled until its "
          + "backlog is combed; it is " + jam.phase() + " now. Bring your request to a follow-up meeting or a check-in.");
    }
    List<String> problems = new ArrayList<>();
    String label = "Your request";
    String checkedTitle = BacklogRules.title(label, title, problems);
    List<String> checkedTags = BacklogRules.tags(label, tags, problems);
    String checkedDescription = BacklogRules.description(label, description, problems);
    BacklogRules.reject("The request cannot be added", problems);
    return items.add(jamKey, jams.nextItemNumber(jamKey), new RoadmapItems.NewItem(RoadmapItems.REQUEST, checkedTitle,
        checkedDescription, requester, checkedTags, null, null, ItemStatus.REQUESTED.value(), null, List.of()));
  }
}
