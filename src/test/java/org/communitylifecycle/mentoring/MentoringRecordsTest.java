package org.communitylifecycle.mentoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.communitylifecycle.mentoring.MentoringRecords.CohortDetail;
import org.communitylifecycle.mentoring.MentoringRecords.CohortSummary;
import org.communitylifecycle.mentoring.MentoringRecords.Enrolment;
import org.communitylifecycle.mentoring.MentoringRecords.Graduation;
import org.communitylifecycle.mentoring.MentoringRecords.MenteeRecord;
import org.communitylifecycle.mentoring.MentoringRecords.NewCohort;
import org.communitylifecycle.mentoring.MentoringRecords.Report;
import org.communitylifecycle.mentoring.MentoringRecords.StandupRecord;
import org.communitylifecycle.testsupport.TestProcessEngineConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The cohort records and reports in the app's tables, on the test database (H2 or PostgreSQL). */
class MentoringRecordsTest {

  @RegisterExtension
  static ProcessEngineExtension engine =
      ProcessEngineExtension.builder().configurationResource(TestProcessEngineConfiguration.RESOURCE).build();

  static final Instant MARCH_2 = Instant.parse("2026-03-02T09:00:00Z");
  static final MentoringProperties.Baseline FIRST_COHORT = new MentoringProperties.Baseline(5, 10);

  ProcessEngine processEngine;
  MentoringRecords records;

  @BeforeEach
  void setUp() {
    MentoringTestSupport.clear(MentoringTestSupport.jdbc(processEngine));
    records = new MentoringRecords(MentoringTestSupport.jdbc(processEngine));
  }

  @Test
  void aFormedCohortKeepsItsMenteesInOrderWithTheirMentors() {
    form("sig-apps-reviewers", "pi-1", MARCH_2);

    CohortDetail detail = records.cohort("sig-apps-reviewers").orElseThrow();
    assertThat(detail.cohort()).extracting(CohortSummary::name, CohortSummary::goalRung, CohortSummary::status,
            CohortSummary::startDate, CohortSummary::endDate, CohortSummary::plannedDuration, CohortSummary::mentors,
            CohortSummary::formedBy, CohortSummary::enrolled, CohortSummary::graduated, CohortSummary::graduationRatePercent)
        .containsExactly("SIG Apps reviewers", "reviewer", "running", LocalDate.parse("2026-03-02"),
            LocalDate.parse("2026-05-02"), "P2M", List.of("maya", "mark"), "maya", 3, null, null);
    assertThat(detail.mentees()).extracting(MenteeRecord::mentee, MenteeRecord::mentor)
        .containsExactly(tuple("mateo", "maya"), tuple("mina", "mark"), tuple("milo", "maya"));
    assertThat(records.mentorOf("sig-apps-reviewers", "mina")).contains("mark");
    assertThat(records.mentorOf("sig-apps-reviewers", "nora")).isEmpty();
    assertThat(records.statusOf("sig-apps-reviewers")).contains("running");
    assertThat(records.cohort("no-such-cohort")).isEmpty();
  }

  @Test
  void standupsCountPostedAndMissedUpdatesAndMissesInARow() {
    form("sig-apps-reviewers", "pi-1", MARCH_2);
    for (int week = 1; week <= 4; week++) {
      records.openStandup("sig-apps-reviewers", week, week % 2 == 1 ? "maya" : "mark",
          MARCH_2.plusSeconds(604800L * (week - 1)), MARCH_2.plusSeconds(604800L * week));
    }
    records.standupFacilitated("sig-apps-reviewers", 1, "maya", MARCH_2.plusSeconds(3600));
    update(1, "mateo", "posted");
    update(2, "mateo", "missed");
    assertThat(records.missedInARow("sig-apps-reviewers", "mateo", 2)).isEqualTo(1);
    update(3, "mateo", "missed");
    assertThat(records.missedInARow("sig-apps-reviewers", "mateo", 3)).isEqualTo(2);
    update(4, "mateo", "posted");
    assertThat(records.missedInARow("sig-apps-reviewers", "mateo", 4)).isZero();
    update(1, "mina", "missed");
    assertThat(records.missedInARow("sig-apps-reviewers", "mina", 1)).isEqualTo(1);
    records.followedUp("sig-apps-reviewers", "mateo");

    CohortDetail detail = records.cohort("sig-apps-reviewers").orElseThrow();
    assertThat(detail.mentees()).extracting(MenteeRecord::mentee, MenteeRecord::updatesPosted, MenteeRecord::updatesMissed,
            MenteeRecord::followUps)
        .containsExactly(tuple("mateo", 2, 2, 1), tuple("mina", 0, 1, 0), tuple("milo", 0, 0, 0));
    assertThat(detail.standups()).extracting(StandupRecord::week, StandupRecord::facilitator, StandupRecord::facilitatedBy,
            StandupRecord::updatesPosted, StandupRecord::updatesMissed)
        .containsExactly(tuple(1, "maya", "maya", 1, 1), tuple(2, "mark", null, 0, 1), tuple(3, "maya", null, 0, 1),
            tuple(4, "mark", null, 1, 0));
    assertThat(detail.standups().get(0).closesAt()).isEqualTo(MARCH_2.plusSeconds(604800L));
  }

  @Test
  void theReportIsKeptWithTheCohortAndComparedWithTheBaseline() {
    form("sig-apps-reviewers", "pi-1", MARCH_2);
    records.recordGraduation("sig-apps-reviewers", "mateo",
        new Graduation(4, 6, 25, "graduate", "Meets every reviewer requirement", "graduate", null, "maya", MARCH_2));
    records.recordGraduation("sig-apps-reviewers", "mina",
        new Graduation(2, 3, 25, "not-yet", "Member for 2 months", "graduate", "Counted by hand", "mark", MARCH_2));
    records.recordGraduation("sig-apps-reviewers", "milo",
        new Graduation(1, 0, 2, "not-yet", "Member for 1 months", "not-yet", null, "maya", MARCH_2));

    Report report = records.complete("sig-apps-reviewers", FIRST_COHORT, MARCH_2.plusSeconds(86400L * 61));

    assertThat(report).isEqualTo(new Report(3, 2, 5, 10));
    assertThat(report.ratePercent()).isEqualTo(67);
    assertThat(report.comparedWithBaseline()).isEqualTo("above");
    assertThat(report.summary()).isEqualTo("2 of 3 mentees graduated (67%), above the first cohort's 5 of 10 (50%)");
    CohortSummary stored = records.cohorts().get(0);
    assertThat(stored).extracting(CohortSummary::status, CohortSummary::enrolled, CohortSummary::graduated,
            CohortSummary::graduationRatePercent, CohortSummary::baselineGraduated, CohortSummary::baselineEnrolled,
            CohortSummary::comparedWithBaseline, CohortSummary::closedAt)
        .containsExactly("completed", 3, 2, 67, 5, 10, "above", MARCH_2.plusSeconds(86400L * 61));
    assertThat(records.cohort("sig-apps-reviewers").orElseThrow().mentees().get(1))
        .extracting(MenteeRecord::advice, MenteeRecord::adviceReasons, MenteeRecord::decision, MenteeRecord::decisionNote,
            MenteeRecord::decidedBy, MenteeRecord::decidedAt)
        .containsExactly("not-yet", "Member for 2 months", "graduate", "Counted by hand", "mark", MARCH_2);
  }

  @Test
  void ratesAreComparedExactly() {
    assertThat(new Report(2, 1, 5, 10).comparedWithBaseline()).isEqualTo("level");
    assertThat(new Report(3, 1, 5, 10).comparedWithBaseline()).isEqualTo("below");
    assertThat(new Report(3, 1, 5, 10).summary()).isEqualTo("1 of 3 mentees graduated (33%), below the first cohort's 5 of 10 (50%)");
    assertThat(new Report(8, 0, 5, 10).ratePercent()).isZero();
  }

  @Test
  void cancellingMarksOnlyTheRunningCohortOfThatInstanceAndForgettingFreesTheKey() {
    form("sig-apps-reviewers", "pi-1", MARCH_2);
    form("sig-node-approvers", "pi-2", MARCH_2.plusSeconds(60));
    records.complete("sig-node-approvers", FIRST_COHORT, MARCH_2.plusSeconds(120));

    records.cancelIfRunning("sig-apps-reviewers", "pi-other", MARCH_2);
    records.cancelIfRunning("sig-node-approvers", "pi-2", MARCH_2);
    assertThat(records.statusOf("sig-apps-reviewers")).contains("running");
    assertThat(records.statusOf("sig-node-approvers")).contains("completed");

    records.cancelIfRunning("sig-apps-reviewers", "pi-1", MARCH_2);
    assertThat(records.statusOf("sig-apps-reviewers")).contains("cancelled");
    assertThat(records.cohorts()).extracting(CohortSummary::key).containsExactly("sig-node-approvers", "sig-apps-reviewers");

    records.forget("sig-apps-reviewers");
    assertThat(records.statusOf("sig-apps-reviewers")).isEmpty();
    assertThat(records.cohorts()).extracting(CohortSummary::key).containsExactly("sig-node-approvers");
  }

  private void form(String key, String processInstanceId, Instant at) {
    records.form(new NewCohort(key, key.startsWith("sig-apps") ? "SIG Apps reviewers" : "SIG Node approvers", "reviewer",
            List.of("maya", "mark"), LocalDate.parse("2026-03-02"), LocalDate.parse("2026-05-02"), "P2M", processInstanceId,
            "maya", at),
        List.of(new Enrolment("mateo", "maya"), new Enrolment("mina", "mark"), new Enrolment("milo", "maya")));
  }

  private void update(int week, String mentee, String status) {
    records.recordUpdate("sig-apps-reviewers", week, mentee, status, MARCH_2.plusSeconds(604800L * week));
  }
}
