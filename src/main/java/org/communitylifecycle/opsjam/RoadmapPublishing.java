package org.communitylifecycle.opsjam;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.communitylifecycle.engine.AppClock;
import org.springframework.stereotype.Component;

/** The roadmap's life: published after combing, tracked, closed at a check-in or with the jam's instance. */
@Component("roadmapPublishing")
public class RoadmapPublishing {

  private final OpsJams jams;
  private final RoadmapItems items;

  public RoadmapPublishing(OpsJams jams, RoadmapItems items) {
    this.jams = jams;
    this.items = items;
  }

  /** The combed backlog becomes the baseline roadmap, tracked from now on. */
  public void publish(DelegateExecution execution) {
    OpsJamContract jam = OpsJamContract.of(execution);
    jams.setPhase(jam.jamKey(), OpsJams.TRACKING);
    jam.published(items.list(jam.jamKey()).size(), AppClock.date());
  }

  /** A check-in decided to stop tracking. */
  public void close(DelegateExecution execution) {
    OpsJamContract jam = OpsJamContract.of(execution);
    jams.setPhase(jam.jamKey(), OpsJams.CLOSED);
    jam.closed(AppClock.date());
  }

  /** End listener of the process: a jam whose instance is cancelled (in Cockpit, say) takes no more requests. */
  public void ended(DelegateExecution execution) {
    if (execution.isCanceled()) {
      jams.setPhase(OpsJamContract.of(execution).jamKey(), OpsJams.CANCELLED);
    }
  }
}
