package org.communitylifecycle.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.communitylifecycle.milestone.MilestoneContract;

/** A scrape reads the database at most once per MAX_AGE. */
class EngineFiguresTest {

  @Test
  void figuresAreReadAgainOnlyWhenOlderThanMaxAge() {
    RuntimeService runtime = mock(RuntimeService.class, RETURNS_DEEP_STUBS);
    TaskService tasks = mock(TaskService.class, RETURNS_DEEP_STUBS);
    ManagementService management = mock(ManagementService.class, RETURNS_DEEP_STUBS);
    JdbcClient jdbc = mock(JdbcClient.class, RETURNS_DEEP_STUBS);
    when(runtime.createIncidentQuery().count()).thenReturn(2L);
    when(jdbc.sql(anyString()).query(Long.class).single()).thenReturn(4L);
    AtomicLong nanos = new AtomicLong(1_000);
    EngineFigures figures = new EngineFigures(runtime, tasks, management, jdbc, Set.of(MilestoneContract.PROCESS_KEY), nanos::get);

    assertThat(figures.current().openIncidents()).isEqualTo(2);
    assertThat(figures.current().mailOutboxPending()).isEqualTo(4);
    nanos.addAndGet(EngineFigures.MAX_AGE.toNanos() - 1);
    figures.current();
    verify(runtime.createIncidentQuery(), times(1)).count();

    nanos.addAndGet(1);
    figures.current();
    verify(runtime.createIncidentQuery(), times(2)).count();
    assertThat(figures.current().runningInstances()).containsOnlyKeys(MilestoneContract.PROCESS_KEY);
  }
}
