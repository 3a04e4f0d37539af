package org.communitylifecycle.dashboard;

import java.math.BigDecimal;
import java.util.List;
import org.communitylifecycle.dashboard.DashboardViews.Handoff;
import org.communitylifecycle.dashboard.DashboardViews.HandoffReport;

/**
 * The handoff report as CSV (RFC 4180): a header row, then one row per milestone, lines ending in
 * CRLF. A field with a comma, a quote or a line break is quoted, quotes doubled. Text that a
 * spreadsheet would run as a formula (starting with =, +, -, @, a tab or a carriage return) gets a
 * leading apostrophe; numbers are never negative here and are written as they are.
 */
final class HandoffCsv {

  static final List<String> HEADER = List.of("community", "milestone_key", "milestone", "stage", "status",
      "responsible", "support", "delivered_by", "accepted_by", "started_at", "ended_at", "hours_with_responsible",
      "hours_waiting_on_support", "review_rounds", "escalations");

  private static final String LINE_END = "\r\n";

  private HandoffCsv() {}

  static String write(HandoffReport report) {
    StringBuilder csv = new StringBuilder();
    row(csv, HEADER);
    for (Handoff h : report.milestones()) {
      row(csv, List.of(report.community(), orEmpty(h.milestoneKey()), orEmpty(h.milestoneName()), orEmpty(h.stage()),
          h.status(), orEmpty(h.responsible()), orEmpty(h.support()), orEmpty(h.deliveredBy()), orEmpty(h.acceptedBy()),
          h.startedAt() == null ? "" : h.startedAt().toString(), h.endedAt() == null ? "" : h.endedAt().toString(),
          Times.hours(h.timeWithResponsibleSeconds()), Times.hours(h.timeWaitingOnSupportSeconds()),
          h.reviewRounds(), h.escalations()));
    }
    return csv.toString();
  }

  private static void row(StringBuilder csv, List<?> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        csv.append(',');
      }
      Object cell = cells.get(i);
      csv.append(cell instanceof BigDecimal decimal ? decimal.toPlainString()
          : cell instanceof Number number ? number.toString() : field(cell.toString()));
    }
    csv.append(LINE_END);
  }

  /** One text field: neutralised against formula injection, then quoted if it must be. */
  static String field(String value) {
    String text = value;
    if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      text = "'" + text;
    }
    if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
      return '"' + text.replace("\"", "\"\"") + '"';
    }
    return text;
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }
}
