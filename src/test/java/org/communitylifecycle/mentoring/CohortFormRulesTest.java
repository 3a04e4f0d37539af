package org.communitylifecycle.mentoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The cohort start form's duration pattern lets through every period the server reads ({@link IsoPeriod}). */
class CohortFormRulesTest {

  @Test
  void thePlannedDurationPatternIsNoStricterThanTheServer() throws IOException {
    JsonNode form = new ObjectMapper().readTree(Path.of("forms/start-group-mentoring-cohort.form").toFile());
    String pattern = null;
    for (JsonNode component : form.path("components")) {
      if ("plannedDuration".equals(component.path("key").asText())) {
        pattern = component.path("validate").path("pattern").asText();
      }
    }
    Pattern browser = Pattern.compile(pattern);

    List<String> periods = List.of("P3M", "p10w", " P2M ", "P75D", "PT36H", "P1Y2M", "-P1M", "+P1M", "P1DT2H", "P-1M");
    assertThat(periods).allMatch(p -> IsoPeriod.parse(p) != null);
    assertThat(periods).as("the browser lets every period through").allMatch(p -> browser.matcher(p).find());
    assertThat(List.of("3 months", "3M", "P", "")).as("the browser marks what is none")
        .noneMatch(p -> browser.matcher(p).find());
  }
}
