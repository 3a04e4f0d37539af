package org.communitylifecycle.dashboard;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.communitylifecycle.dashboard.DashboardViews.Handoff;
import org.communitylifecycle.dashboard.DashboardViews.HandoffReport;
import org.communitylifecycle.engine.CsvCells;

/**
 * The handoff report as CSV ({@link CsvCells}: RFC 4180, CRLF, formulas neutralised): a header
 * row, then one row per milestone. Numbers are never negative here and are written as they are.
 */
final class HandoffCsv {

  static final List<String> HEADER = List.of("community", "milestone_key", "milestone", "stage", "status",
      "responsible", "support", "delivered_by", "accepted_by", "started_at", "ended_at", "hours_with_responsible",
      "hours_waiting_on_support", "review_rounds", "escalations");

  private HandoffCsv() {}

  static String write(HandoffReport report) {
    List<List<?>> rows = new ArrayList<>();
    for (Handoff h : report.milestones()) {
      rows.add(Arrays.asList(report.community(), h.milestoneKey(), h.milestoneName(), h.stage(),
          h.status(), h.responsible(), h.support(), h.deliveredBy(), h.acceptedBy(),
          h.startedAt() == null ? null : h.startedAt().toString(), h.endedAt() == null ? null : h.endedAt().toString(),
          Times.hours(h.timeWithResponsibleSeconds()), Times.hours(h.timeWaitingOnSupportSeconds()),
          h.reviewRounds(), h.escalations()));
    }
    return CsvCells.write(HEADER, rows);
  }
}
