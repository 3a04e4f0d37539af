package org.communitylifecycle.engine;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.sql.SQLException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.CannotCreateTransactionException;

/** The database's absence is logged in one line per logger and period, not as a stack trace per request. */
class DatabaseOutageLoggingTest {

  @Test
  void failuresForWantOfTheDatabaseBecomeOneLineEveryTenSeconds() {
    LoggerContext context = new LoggerContext();
    DatabaseOutageLogging.OutageFilter filter = new DatabaseOutageLogging.OutageFilter();
    filter.setContext(context);
    filter.start();
    context.addTurboFilter(filter);
    ListAppender<ILoggingEvent> events = new ListAppender<>();
    events.setContext(context);
    events.start();
    Logger acquisition = context.getLogger("org.camunda.bpm.engine.jobexecutor");
    acquisition.addAppender(events);
    CannotCreateTransactionException refused = new CannotCreateTransactionException("Could not open JDBC Connection",
        new SQLException("Connection to 127.0.0.1:5432 refused", "08001"));

    for (int i = 0; i < 5; i++) {
      // As Camunda's loggers pass it: the exception as the last parameter.
      acquisition.error("ENGINE-14019 Exception during job acquisition {}", refused.getMessage(), refused);
    }
    acquisition.error("A real fault", new ProcessEngineException("ENGINE-09005 Could not parse BPMN process"));

    assertThat(events.list).hasSize(2);
    ILoggingEvent outage = events.list.get(0);
    assertThat(outage.getLevel()).isEqualTo(Level.WARN);
    assertThat(outage.getThrowableProxy()).isNull();
    assertThat(outage.getFormattedMessage()).startsWith("ENGINE-14019 Exception during job acquisition Could not open JDBC Connection")
        .contains("database out of reach: CannotCreateTransactionException <- SQLException: Connection to 127.0.0.1:5432 refused")
        .contains("stack trace left out");
    ILoggingEvent fault = events.list.get(1);
    assertThat(fault.getLevel()).isEqualTo(Level.ERROR);
    assertThat(fault.getThrowableProxy()).as("a real fault keeps its stack trace").isNotNull();
  }
}
