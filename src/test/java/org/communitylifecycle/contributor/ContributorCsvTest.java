package org.communitylifecycle.contributor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Reading the CSV format: header, quoting, dates; what the values mean is checked by the service. */
class ContributorCsvTest {

  @Test
  void readsRowsByHeaderNameInAnyOrderWithQuotedFields() {
    ContributorCsv.Parsed parsed = ContributorCsv.parse(
        "\uFEFFactivity_kind,handle,activity_date,name,activity_reference\r\n"
            + "code,kiki,2026-01-05,\"Mwangi, Kiki\",\"PR \"\"42\"\"\"\r\n"
            + "\r\n"
            + ",,,,\r\n"
            + "docs,jo,2026-01-06,,\r\n", 100);

    assertThat(parsed.problems()).isEmpty();
    assertThat(parsed.records()).containsExactly(
        new ContributorRecord(2, "kiki", "Mwangi, Kiki", null, LocalDate.of(2026, 1, 5), "code", "PR \"42\"", null, null, null),
        new ContributorRecord(5, "jo", null, null, LocalDate.of(2026, 1, 6), "docs", null, null, null, null));
  }

  @Test
  void headerProblemsStopTheReadingAndNameTheColumns() {
    ContributorCsv.Parsed parsed = ContributorCsv.parse("name,handel,name\nkiki,kiki,kiki\n", 100);

    assertThat(parsed.records()).isEmpty();
    assertThat(parsed.problems()).extracting(ContributorProblem::toString).containsExactly(
        "line 1: Unknown column 'handel' in the header; the columns are "
            + "handle,name,joined_on,activity_date,activity_kind,activity_reference,role,role_from,role_to",
        "line 1: The column 'name' appears twice in the header",
        "line 1: The header has no column 'handle'; it needs one, for example "
            + "handle,name,joined_on,activity_date,activity_kind,activity_reference,role,role_from,role_to");
  }

  @Test
  void eachUnreadableRowIsReportedWithItsLine() {
    ContributorCsv.Parsed parsed = ContributorCsv.parse("""
        handle,activity_date,activity_kind
        kiki,2026-02-30,code
        jo,2026-01-06
        max,2026-01-07,docs
        "ann,2026-01-06,docs
        """, 100);

    assertThat(parsed.problems()).extracting(ContributorProblem::toString).containsExactly(
        "line 2: activity_date '2026-02-30' is not a date: use YYYY-MM-DD, for example 2026-03-02",
        "line 3: The row has 2 fields, the header has 3",
        "line 5: A quoted field is not closed: it runs to the end of the file; close it with a double quote"
            + " (a quote inside a quoted field is doubled)");
    assertThat(parsed.records()).extracting(ContributorRecord::handle).containsExactly("max");
  }

  @Test
  void aQuotedFieldMaySpanLinesAndLaterRowsKeepTheirLineNumbers() {
    ContributorCsv.Parsed parsed = ContributorCsv.parse("handle,activity_date,activity_kind,activity_reference\r\n"
        + "kiki,2026-01-05,event,\"Workshop, day one\r\nand day two\"\r\n"
        + "jo,2026-01-06,docs,\"\"\"quoted\"\"\nacross\nlines\"\n"
        + "ann,2026-01-07,code,\n", 100);

    assertThat(parsed.problems()).isEmpty();
    assertThat(parsed.records()).containsExactly(
        new ContributorRecord(2, "kiki", null, null, LocalDate.of(2026, 1, 5), "event", "Workshop, day one\r\nand day two",
            null, null, null),
        new ContributorRecord(4, "jo", null, null, LocalDate.of(2026, 1, 6), "docs", "\"quoted\"\nacross\nlines",
            null, null, null),
        new ContributorRecord(7, "ann", null, null, LocalDate.of(2026, 1, 7), "code", null, null, null, null));
  }

  @Test
  void anEmptyFileAsksForTheHeader() {
    assertThat(ContributorCsv.parse(" \n", 100).problems()).extracting(ContributorProblem::message)
        .containsExactly("The file is empty: it needs a header row such as "
            + "handle,name,joined_on,activity_date,activity_kind,activity_reference,role,role_from,role_to");
  }

  @Test
  void tooManyRowsAreRefused() {
    ContributorCsv.Parsed parsed = ContributorCsv.parse("handle\na\nb\nc\n", 2);

    assertThat(parsed.problems()).extracting(ContributorProblem::toString)
        .containsExactly("line 4: The file has more than 2 rows; split it into smaller files");
  }
}
