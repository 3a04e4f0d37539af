package org.communitylifecycle.alumni;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.communitylifecycle.alumni.AlumniFeedback.Consent;
import org.communitylifecycle.alumni.AlumniFeedback.LinkState;
import org.communitylifecycle.testsupport.TestProcessEngineConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Links are unguessable, stored only as hashes, serve one purpose, work once and expire. */
@Deployment(resources = "processes/alumni-network.bpmn")
class TokenReplayTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder(TestProcessEngineConfiguration.RESOURCE).build();

  static final Consent JOIN = new Consent(true, true, true, null);

  ProcessEngine processEngine;
  CohortDriver cohort;
  AlumniFeedback feedback;
  String email;

  @BeforeEach
  void setUp() {
    cohort = CohortDriver.ready(processEngine);
    email = "sam." + CohortDriver.unique() + "@example.org";
    feedback = cohort.beans.feedback();
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    Mocks.reset();
  }

  @Test
  void onlyTheHashOfAFeedbackTokenIsStored() {
    cohort.start("Sam Ito, " + email).residencyEnds();
    String token = cohort.tokenFor(email);
    cohort.submit("hana", AlumniNetworkContract.TASK_SEND_INVITATIONS, Map.of("invitationsSent", true));

    assertThat(DatabaseSweep.find(AlumniTestSupport.dataSource(), token)).as("the token in clear").isEmpty();
    assertThat(DatabaseSweep.find(AlumniTestSupport.dataSource(), AlumniTokens.hash(token)))
        .containsExactly("cl_alumni_token.token_hash has '" + AlumniTokens.hash(token) + "'");
  }

  @Test
  void aUsedFeedbackLinkCannotBeReplayed() {
    cohort.start("Sam Ito, " + email).residencyEnds();
    String token = cohort.tokenFor(email);
    assertThat(feedback.feedbackLink(token).state()).isEqualTo(LinkState.VALID);

    assertThat(feedback.answer(token, JOIN).state()).isEqualTo(LinkState.VALID);

    assertThat(feedback.answer(token, JOIN).state()).isEqualTo(LinkState.USED);
    assertThat(feedback.answer(token, new Consent(false, false, false, null)).state()).isEqualTo(LinkState.USED);
    assertThat(feedback.feedbackLink(token).state()).isEqualTo(LinkState.USED);
    assertThat(cohort.beans.jdbc().sql("select count(*) from cl_alumni where email = :email").param("email", email)
        .query(Long.class).single()).as("joined once").isEqualTo(1);
  }

  @Test
  void aLinkServesOnlyItsPurpose() {
    cohort.start("Sam Ito, " + email).residencyEnds();
    String feedbackToken = cohort.tokenFor(email);
    String withdrawalLink = feedback.answer(feedbackToken, JOIN).withdrawalLink();
    String withdrawalToken = withdrawalLink.substring(withdrawalLink.lastIndexOf('/') + 1);

    assertThat(feedback.withdrawalLink(feedbackToken).state()).isEqualTo(LinkState.UNKNOWN);
    assertThat(feedback.withdraw(feedbackToken)).isEqualTo(LinkState.UNKNOWN);
    assertThat(feedback.feedbackLink(withdrawalToken).state()).isEqualTo(LinkState.UNKNOWN);
    assertThat(feedback.answer(withdrawalToken, JOIN).state()).isEqualTo(LinkState.UNKNOWN);

    assertThat(feedback.withdraw(withdrawalToken)).isEqualTo(LinkState.VALID);
    assertThat(feedback.withdraw(withdrawalToken)).as("replayed").isEqualTo(LinkState.USED);
  }

  @Test
  void anExpiredLinkIsRefusedThenForgotten() {
    cohort.start("Sam Ito, " + email).residencyEnds();
    String token = cohort.tokenFor(email);
    Date expires = (Date) processEngine.getRuntimeService().getVariable(cohort.cohort.getId(), AlumniNetworkContract.INVITATIONS_EXPIRE_AT);

    ClockUtil.setCurrentTime(new Date(expires.getTime() - 1000));
    assertThat(feedback.feedbackLink(token).state()).isEqualTo(LinkState.VALID);
    ClockUtil.setCurrentTime(expires);
    assertThat(feedback.feedbackLink(token).state()).isEqualTo(LinkState.EXPIRED);
    assertThat(feedback.answer(token, JOIN).state()).isEqualTo(LinkState.EXPIRED);

    cohort.runTimer(AlumniNetworkContract.TIMER_INVITATION_LAPSED);
    assertThat(feedback.feedbackLink(token).state()).isEqualTo(LinkState.UNKNOWN);
    assertThat(cohort.beans.jdbc().sql("select count(*) from cl_alumni where email = :email").param("email", email)
        .query(Long.class).single()).isZero();
  }

  @Test
  void malformedOrGuessedLinksAreUnknown() {
    assertThat(feedback.feedbackLink("not-a-token").state()).isEqualTo(LinkState.UNKNOWN);
    assertThat(feedback.feedbackLink(null).state()).isEqualTo(LinkState.UNKNOWN);
    assertThat(feedback.feedbackLink("'; drop table cl_alumni; --").state()).isEqualTo(LinkState.UNKNOWN);
    assertThat(feedback.feedbackLink(AlumniTokens.newToken()).state()).isEqualTo(LinkState.UNKNOWN);
    assertThat(feedback.answer(AlumniTokens.newToken(), JOIN).state()).isEqualTo(LinkState.UNKNOWN);
    assertThat(feedback.withdraw(AlumniTokens.newToken())).isEqualTo(LinkState.UNKNOWN);
  }

  @Test
  void aTokenCanBeUsedOnlyOnceEvenByRacingRequests() {
    cohort.start("Sam Ito, " + email).residencyEnds();
    String hash = AlumniTokens.hash(cohort.tokenFor(email));
    Instant now = ClockUtil.getCurrentTime().toInstant();

    assertThat(cohort.beans.directory().useToken(hash, now)).isTrue();
    assertThat(cohort.beans.directory().useToken(hash, now)).isFalse();
  }
}
