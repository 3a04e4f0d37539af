package org.communitylifecycle.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.communitylifecycle.dashboard.DashboardViews.Handoff;
import org.communitylifecycle.dashboard.DashboardViews.HandoffReport;
import org.communitylifecycle.engine.CsvCells;
import org.junit.jupiter.api.Test;

/** The handoff report's CSV: RFC 4180 quoting, and no formulas for a spreadsheet to run. */
class HandoffCsvTest {

  @Test
  void fieldsWithCommasQuotesOrLineBreaksAreQuotedWithQuotesDoubled() {
    assertThat(CsvCells.field("plain")).isEqualTo("plain");
    assertThat(CsvCells.field("a, b")).isEqualTo("\"a, b\"");
    assertThat(CsvCells.field("the \"big\" one")).isEqualTo("\"the \"\"big\"\" one\"");
    assertThat(CsvCells.field("two\nlines")).isEqualTo("\"two\nlines\"");
    assertThat(CsvCells.field("")).isEqualTo("");
  }

  @Test
  void textAFormulaCouldStartWithIsNeutralised() {
    assertThat(CsvCells.field("=HYPERLINK(\"http://evil.example\")")).isEqualTo("\"'=HYPERLINK(\"\"http://evil.example\"\")\"");
    assertThat(CsvCells.field("+1")).isEqualTo("'+1");
    assertThat(CsvCells.field("-2")).isEqualTo("'-2");
    assertThat(CsvCells.field("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(CsvCells.field("\tcmd")).isEqualTo("'\tcmd");
    assertThat(CsvCells.field("a=b")).isEqualTo("a=b");
  }

  @Test
  void aReportHasAHeaderAndOneCrlfLinePerMilestoneWithHoursToOneDecimal() {
    Handoff handoff = new Handoff("42", "buildPathway", "Build the pathway, v2", "starting", "in-progress", "=alice",
        "bob", null, null, Instant.parse("2031-01-01T00:00:00Z"), null, 5400, 100, 1.5, 0.0, 0, 3);

    String csv = HandoffCsv.write(new HandoffReport("rust-berlin", "Rust Berlin", Instant.EPOCH, List.of(handoff)));

    assertThat(csv).isEqualTo(String.join(",", HandoffCsv.HEADER) + "\r\n"
        + "rust-berlin,buildPathway,\"Build the pathway, v2\",starting,in-progress,'=alice,bob,,,2031-01-01T00:00:00Z,,1.5,0.0,0,3\r\n");
  }
}
