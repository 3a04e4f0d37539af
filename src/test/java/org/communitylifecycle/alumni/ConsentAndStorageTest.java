package org.communitylifecycle.alumni;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.communitylifecycle.testsupport.TestProcessEngineConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What is kept of a resident: exactly what they agreed to when they consent to storage, and
 * nothing at all, anywhere in the database, when they decline or never answer.
 */
@Deployment(resources = "processes/alumni-network.bpmn")
class ConsentAndStorageTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder(TestProcessEngineConfiguration.RESOURCE).build();

  ProcessEngine processEngine;
  CohortDriver cohort;
  String name;
  String email;

  @BeforeEach
  void setUp() {
    cohort = CohortDriver.ready(processEngine);
    String unique = CohortDriver.unique();
    name = "Priya Raman" + unique;
    email = "priya." + unique + "@example.org";
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    Mocks.reset();
  }

  @Test
  void beforeAnsweringTheResidentIsOnlyInThePendingInvitation() {
    cohort.start(name + ", " + email);
    assertThat(DatabaseSweep.find(AlumniTestSupport.dataSource(), name, email))
        .as("the start form's roster went straight to the invitations table")
        .containsExactlyInAnyOrder(
            "cl_alumni_invitation.resident_name has '" + name + "'",
            "cl_alumni_invitation.resident_email has '" + email + "'");

    cohort.residencyEnds();
    assertThat(DatabaseSweep.find(AlumniTestSupport.dataSource(), name, email))
        .as("and, while the host's task is open, the list of links it shows; never the history")
        .containsExactlyInAnyOrder(
            "cl_alumni_invitation.resident_name has '" + name + "'",
            "cl_alumni_invitation.resident_email has '" + email + "'",
            "act_ru_variable.text_ has '" + name + "'",
            "act_ru_variable.text_ has '" + email + "'");
  }

  @Test
  void consentToStoreKeepsExactlyWhatWasAgreed() {
    cohort.start(name + ", " + email).residencyEnds();

    AlumniFeedback.Outcome outcome = cohort.answer(email, true, false, true, "Mapping rivers");
    cohort.processAnswers();

    assertThat(outcome.joined()).isTrue();
    long id = cohort.beans.jdbc().sql("select id from cl_alumni where email = :email").param("email", email)
        .query(Long.class).single();
    AlumniDirectory.Alumnus alumnus = cohort.beans.directory().alumnus(id).orElseThrow();
    assertThat(alumnus.name()).isEqualTo(name);
    assertThat(alumnus.upTo()).isEqualTo("Mapping rivers");
    assertThat(alumnus.mayContact()).isFalse();
    assertThat(alumnus.mayList()).isTrue();
    assertThat(cohort.beans.directory().listed(cohort.hubKey())).extracting(AlumniDirectory.Listed::name).containsExactly(name);
    assertThat(cohort.beans.directory().contactable(cohort.cohortId())).as("did not agree to be contacted").isEmpty();
    assertThat(DatabaseSweep.find(AlumniTestSupport.dataSource(), email))
        .as("the directory holds them; the invitation and the host's list forgot them")
        .containsExactly("cl_alumni.email has '" + email + "'");
    assertThat(tokens("withdrawal")).isEqualTo(1);
  }

  @Test
  void declineKeepsNothing() {
    cohort.start(name + ", " + email).residencyEnds();

    AlumniFeedback.Outcome outcome = cohort.answer(email, false, false, false, null);
    cohort.processAnswers();

    assertThat(outcome.joined()).isFalse();
    assertThat(DatabaseSweep.find(AlumniTestSupport.dataSource(), name, email)).isEmpty();
    assertThat(cohort.beans.directory().invitations(cohort.cohortId(), AlumniDirectory.DECLINED)).hasSize(1);
    assertThat(tokens("withdrawal")).isZero();
  }

  @Test
  void lapseKeepsNothingAndPurgesTheLink() {
    cohort.start(name + ", " + email).residencyEnds();
    String token = cohort.tokenFor(email);

    cohort.runTimer(AlumniNetworkContract.TIMER_INVITATION_LAPSED);

    assertThat(DatabaseSweep.find(AlumniTestSupport.dataSource(), name, email)).isEmpty();
    assertThat(cohort.beans.directory().invitations(cohort.cohortId(), AlumniDirectory.LAPSED)).hasSize(1);
    assertThat(cohort.beans.directory().token(AlumniTokens.hash(token), AlumniDirectory.FEEDBACK)).isEmpty();
    assertThat(cohort.beans.feedback().feedbackLink(token).state()).isEqualTo(AlumniFeedback.LinkState.UNKNOWN);
  }

  @Test
  void aDeclineWhileOthersAnswerTouchesOnlyTheDecliner() {
    cohort.start(name + ", " + email + "\nRosa Diaz, rosa." + email).residencyEnds();

    cohort.answer(email, false, false, false, null);
    cohort.answer("rosa." + email, true, true, false, null);
    cohort.processAnswers();

    assertThat(DatabaseSweep.find(AlumniTestSupport.dataSource(), name)).isEmpty();
    assertThat(cohort.beans.directory().contactable(cohort.cohortId())).extracting(AlumniDirectory.Alumnus::name)
        .containsExactly("Rosa Diaz");
    assertThat(cohort.links()).as("both answered: the host's list is empty").isEmpty();
  }

  private long tokens(String purpose) {
    return cohort.beans.jdbc().sql("""
            select count(*) from cl_alumni_token t join cl_alumni a on a.id = t.alumnus_id
            where a.email = :email and t.purpose = :purpose""")
        .param("email", email).param("purpose", purpose).query(Long.class).single();
  }
}
