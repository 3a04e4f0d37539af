package org.communitylifecycle.testsupport;

import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessCoverageConfigurator;
import java.util.List;
import org.communitylifecycle.alumni.PersonalDataHistory;
import org.communitylifecycle.engine.HistoryRecording;
import org.communitylifecycle.engine.InvalidInputUnwrapping;
import org.communitylifecycle.engine.TaskGoneMeanwhile;
import org.communitylifecycle.milestone.MilestoneHistory;

/**
 * The engine of the process tests: the test database, full history, no job executor (tests run
 * jobs themselves after moving the clock), beans resolved from {@link org.camunda.bpm.engine.test.mock.Mocks},
 * and process-test-coverage listening.
 */
public class TestProcessEngineConfiguration extends StandaloneInMemProcessEngineConfiguration {

  /** Where the process tests find this configuration; not camunda.cfg.xml, which the REST API would pick up. */
  public static final String RESOURCE = "camunda-test.cfg.xml";

  public TestProcessEngineConfiguration() {
    setProcessEngineName("process-tests");
    TestDatabase.Connection db = TestDatabase.get();
    setJdbcUrl(db.url());
    setJdbcUsername(db.user());
    setJdbcPassword(db.password());
    setJdbcDriver(TestDatabase.isPostgres() ? "org.postgresql.Driver" : "org.h2.Driver");
    setDatabaseSchemaUpdate(DB_SCHEMA_UPDATE_TRUE);
    setHistory(HISTORY_FULL);
    setJobExecutorActivate(false);
    setExpressionManager(new MockExpressionManager());
    setGeneralResourceWhitelistPattern("[a-zA-Z0-9-]+");
    setEnforceHistoryTimeToLive(true);
    // As application.yaml sets them; they count where a test checks authorizations (TeamAccess).
    setDefaultUserPermissionNameForTask("TASK_WORK");
    setEnforceSpecificVariablePermission(true);
    setEnableHistoricInstancePermissions(true);
    getProcessEnginePlugins().add(new InvalidInputUnwrapping());
    getProcessEnginePlugins().add(new HistoryRecording(List.of(new PersonalDataHistory(), new MilestoneHistory(),
        new org.communitylifecycle.source.TokenNotInHistory())));
    getProcessEnginePlugins().add(new TaskGoneMeanwhile());
    // Json variables, which the tables of Camunda Forms read.
    getProcessEnginePlugins().add(new SpinProcessEnginePlugin());
  }

  @Override
  protected void init() {
    ProcessCoverageConfigurator.initializeProcessCoverageExtensions(this);
    super.init();
  }
}
