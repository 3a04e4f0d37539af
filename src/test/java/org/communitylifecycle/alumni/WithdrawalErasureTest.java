package org.communitylifecycle.alumni;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.communitylifecycle.alumni.AlumniFeedback.LinkState;
import org.communitylifecycle.testsupport.TestProcessEngineConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Withdrawal erases an alumnus everywhere: the directory, the process's variables, the engine's
 * history (variables and their details), comments, attachments and the user operation log.
 * Proven by searching every column of every table of the database for their name and email.
 */
@Deployment(resources = "processes/alumni-network.bpmn")
class WithdrawalErasureTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder(TestProcessEngineConfiguration.RESOURCE).build();

  ProcessEngine processEngine;
  CohortDriver cohort;
  String lena;
  String lenaEmail;
  String omar;
  String omarEmail;

  @BeforeEach
  void setUp() {
    cohort = CohortDriver.ready(processEngine);
    String unique = CohortDriver.unique();
    lena = "Lena Vogt" + unique;
    lenaEmail = "lena." + unique + "@example.org";
    omar = "Omar Haddad" + unique;
    omarEmail = "omar." + unique + "@example.org";
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    Mocks.reset();
    processEngine.getIdentityService().clearAuthentication();
  }

  @Test
  void withdrawalWhileTheReunionIsOrganisedErasesTheRunningProcessAndItsHistory() {
    String withdrawal = joinBoth();
    cohort.runTimer(AlumniNetworkContract.TIMER_REUNION_DUE);
    String organise = cohort.task(AlumniNetworkContract.TASK_ORGANISE_REUNION).getId();
    TaskService tasks = processEngine.getTaskService();
    assertThat(tasks.getVariableLocal(organise, AlumniNetworkContract.REUNION_CONTACTS).toString()).contains(lena, omar);
    cohort.as("hana", () -> {
      tasks.createComment(organise, cohort.cohort.getId(), "Called " + lena + ", keen to come");
      tasks.createComment(null, cohort.cohort.getId(), "Write to " + lenaEmail + " about the venue");
      tasks.createComment(organise, cohort.cohort.getId(), "Omar's number is in the hub phone");
    });
    processEngine.getRuntimeService().setVariable(cohort.cohort.getId(), "hostNotes", "Ask " + lena + " and " + omar + " to speak");
    processEngine.getRuntimeService().setVariable(cohort.cohort.getId(), "hostNotes", "Ask " + omar + " to speak");
    assertThat(DatabaseSweep.find(AlumniTestSupport.dataSource(), lena, lenaEmail)).isNotEmpty();

    assertThat(cohort.beans.feedback().withdraw(withdrawal)).isEqualTo(LinkState.VALID);

    assertThat(DatabaseSweep.find(AlumniTestSupport.dataSource(), lena, lenaEmail)).as("anything of Lena's left").isEmpty();
    assertNothingInTheEngineMentions(lena, lenaEmail);
    assertThat(tasks.getVariableLocal(organise, AlumniNetworkContract.REUNION_CONTACTS).toString())
        .as("Lena's line is gone, Omar's stays").doesNotContain(lena).contains(omar);
    assertThat(processEngine.getRuntimeService().getVariable(cohort.cohort.getId(), "hostNotes")).isEqualTo("Ask " + omar + " to speak");
    assertThat(tasks.getProcessInstanceComments(cohort.cohort.getId())).extracting(Comment::getFullMessage)
        .containsExactly("Omar's number is in the hub phone");
    assertThat(DatabaseSweep.find(AlumniTestSupport.dataSource(), omar)).as("others are untouched").isNotEmpty();
    assertThat(cohort.beans.directory().contactable(cohort.cohortId())).extracting(AlumniDirectory.Alumnus::name).containsExactly(omar);
  }

  @Test
  void withdrawalAfterTheCohortEndedErasesItsHistory() {
    String withdrawal = joinBoth();
    cohort.runTimer(AlumniNetworkContract.TIMER_REUNION_DUE);
    String organise = cohort.task(AlumniNetworkContract.TASK_ORGANISE_REUNION).getId();
    TaskService tasks = processEngine.getTaskService();
    cohort.as("hana", () -> {
      tasks.createComment(organise, cohort.cohort.getId(), "Called " + lena.toUpperCase() + ", keen to come");
      tasks.createComment(null, cohort.cohort.getId(), "Venue idea from " + lenaEmail);
      tasks.createAttachment("url", organise, cohort.cohort.getId(), "Photo with " + lena, "At the hub", "https://photos.example.org/hub");
    });
    cohort.submit("hana", AlumniNetworkContract.TASK_ORGANISE_REUNION,
        Map.of("reunionDecision", "planned", "reunionFormat", "online-call", "reunionDate", "2026-09-20"));
    cohort.submit("ines", AlumniNetworkContract.TASK_RECORD_CATCH_UP, Map.of("catchUpOutcome", "held", "attendeeCount", 2L,
        "catchUpNotes", lena + " (" + lenaEmail + ") offered her bakery for the summer; " + omar + " joined online"));
    assertThat(cohort.ended()).isTrue();
    assertThat(DatabaseSweep.find(AlumniTestSupport.dataSource(), lena, lenaEmail)).isNotEmpty();

    assertThat(cohort.beans.feedback().withdraw(withdrawal)).isEqualTo(LinkState.VALID);

    assertThat(DatabaseSweep.find(AlumniTestSupport.dataSource(), lena, lenaEmail)).as("anything of Lena's left").isEmpty();
    assertNothingInTheEngineMentions(lena, lenaEmail);
    assertThat(DatabaseSweep.find(AlumniTestSupport.dataSource(), omar)).as("others are untouched").isNotEmpty();
    assertThat(processEngine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(cohort.cohort.getId())
        .variableName(AlumniNetworkContract.CATCH_UP_NOTES).count())
        .as("a variable that mentioned her loses its whole history").isZero();
    assertThat(processEngine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(cohort.cohort.getId())
        .variableName(AlumniNetworkContract.REUNION_DECISION).singleResult().getValue()).isEqualTo("planned");
  }

  @Test
  void withdrawalWorksOnceAndOnlyForItsOwner() {
    String withdrawal = joinBoth();
    assertThat(cohort.beans.feedback().withdrawalLink(withdrawal).stored().email()).isEqualTo(lenaEmail);

    assertThat(cohort.beans.feedback().withdraw(withdrawal)).isEqualTo(LinkState.VALID);
    assertThat(cohort.beans.feedback().withdraw(withdrawal)).isEqualTo(LinkState.USED);
    assertThat(cohort.beans.feedback().withdrawalLink(withdrawal).state()).isEqualTo(LinkState.USED);
    assertThat(cohort.beans.directory().listed(cohort.hubKey())).extracting(AlumniDirectory.Listed::name)
        .containsExactly(omar);
  }

  /** Both residents join; returns Lena's withdrawal token. */
  private String joinBoth() {
    // The deployment is made after @BeforeEach, hence the start here.
    cohort.start(lena + ", " + lenaEmail + "\n" + omar + ", " + omarEmail).residencyEnds();
    AlumniFeedback.Outcome lenaJoined = cohort.answer(lenaEmail, true, true, true, "Running a bakery in Lyon");
    cohort.answer(omarEmail, true, true, true, "Studying soil");
    cohort.processAnswers();
    cohort.submit("hana", AlumniNetworkContract.TASK_SEND_INVITATIONS, Map.of("invitationsSent", true));
    String link = lenaJoined.withdrawalLink();
    return link.substring(link.lastIndexOf('/') + 1);
  }

  private void assertNothingInTheEngineMentions(String... texts) {
    PersonalText person = new PersonalText(List.of(texts));
    HistoryService history = processEngine.getHistoryService();
    String instance = cohort.cohort.getId();
    assertThat(processEngine.getRuntimeService().createVariableInstanceQuery().processInstanceIdIn(instance).list())
        .noneMatch(v -> person.mentions(v.getTypedValue()));
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance).includeDeleted().list())
        .noneMatch(v -> person.mentions(v.getTypedValue()));
    List<HistoricDetail> details = history.createHistoricDetailQuery().processInstanceId(instance).list();
    assertThat(details).noneMatch(d -> d instanceof HistoricVariableUpdate u && person.mentions(u.getTypedValue()));
    List<Comment> comments = new ArrayList<>(processEngine.getTaskService().getProcessInstanceComments(instance));
    history.createHistoricTaskInstanceQuery().processInstanceId(instance).list()
        .forEach(t -> comments.addAll(processEngine.getTaskService().getTaskComments(t.getId())));
    assertThat(comments).noneMatch(c -> person.mentions(c.getFullMessage()));
    assertThat(history.createUserOperationLogQuery().processInstanceId(instance).list())
        .noneMatch(e -> person.mentions(e.getOrgValue()) || person.mentions(e.getNewValue()));
  }
}
