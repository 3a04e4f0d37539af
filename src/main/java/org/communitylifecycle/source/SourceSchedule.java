package org.communitylifecycle.source;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.communitylifecycle.engine.AppClock;
import org.springframework.stereotype.Component;

/**
 * Service task of contribution-source-schedule, whose timer runs it every few minutes as one
 * engine job (one node at a time): starts a sync of every source whose interval has passed since
 * its last one, unless a sync of it is running. It records how many it started.
 */
@Component("contributionSourceSchedule")
public class SourceSchedule implements JavaDelegate {

  private final SourceStore store;
  private final Sources sources;

  SourceSchedule(SourceStore store, Sources sources) {
    this.store = store;
    this.sources = sources;
  }

  @Override
  public void execute(DelegateExecution execution) {
    int started = 0;
    for (SourceStore.Stored source : store.due(AppClock.now())) {
      if (sources.startRun(source.id())) {
        started++;
      }
    }
    execution.setVariable("syncsStarted", started);
  }
}
