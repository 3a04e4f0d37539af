package org.communitylifecycle.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one CSV writer: RFC 4180 with CRLF, numbers as they are, text safe for spreadsheets. */
class CsvCellsTest {

  @Test
  void writesAHeaderAndRowsWithTextNeutralisedAndNumbersAsTheyAre() {
    String csv = CsvCells.write(List.of("name", "note", "count", "hours"), List.of(
        Arrays.asList("kiki", "=1+1", -3, new BigDecimal("1E+1")),
        Arrays.asList("jo", null, 0, BigDecimal.ZERO),
        Arrays.asList("ann", "two\r\nlines, \"quoted\"", 1, new BigDecimal("0.5"))));

    assertThat(csv).isEqualTo("name,note,count,hours\r\n"
        + "kiki,'=1+1,-3,10\r\n"
        + "jo,,0,0\r\n"
        + "ann,\"two\r\nlines, \"\"quoted\"\"\",1,0.5\r\n");
  }

  @Test
  void everyFormulaStartGetsAnApostrophe() {
    for (String start : List.of("=", "+", "-", "@", "\t", "\r")) {
      assertThat(CsvCells.neutralised(start + "x")).isEqualTo("'" + start + "x");
    }
    assertThat(CsvCells.neutralised("a=b")).isEqualTo("a=b");
    assertThat(CsvCells.neutralised(null)).isEmpty();
  }
}
