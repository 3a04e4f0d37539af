package org.communitylifecycle.modelcheck;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What the forms in forms/ check in the browser (form-js 1.8.7, as Tasklist 7.24 bundles it),
 * against what the server checks. The browser is never stricter than the server; where the server
 * wants a day from today on, the date field offers no past day; where it wants a past day, the
 * field must not refuse one.
 */
class FormValidationTest {

  static final ObjectMapper JSON = new ObjectMapper();

  /** Date fields whose server check refuses a day before today (end of day, today or later). */
  static final Map<String, String> FROM_TODAY = Map.of(
      "milestone-follow-up", "newDueDate",            // StalledStepFollowUp: a date alone is the end of that day
      "ops-jam-overdue-item", "newDueDate",           // OverdueItems: after today (the picker lets today through)
      "ops-jam-schedule", "jamDate",                  // OpsJamPreparation: today or later
      "alumni-organise-reunion", "reunionDate",       // AlumniReunion: from today on
      "start-group-mentoring-cohort", "startDate");   // CohortFormation: today or later

  /** Date fields the server wants up to today: a past day must stay possible. */
  static final Map<String, String> UP_TO_TODAY = Map.of(
      "ops-jam-follow-up", "metOn",
      "record-contributor-activity", "activityDate",
      "start-alumni-network", "residencyEndDate");

  @Test
  void datesTheServerWantsFromTodayOnOfferNoPastDay() throws IOException {
    FROM_TODAY.forEach((form, key) -> {
      JsonNode field = field(form, key);
      assertThat(field.path("disallowPassedDates").asBoolean()).as("%s %s", form, key).isTrue();
      assertThat(field.path("description").asText()).as("%s %s says which days", form, key).isNotBlank();
    });
    UP_TO_TODAY.forEach((form, key) ->
        assertThat(field(form, key).path("disallowPassedDates").asBoolean()).as("%s %s", form, key).isFalse());
  }

  @Test
  void everyPatternHasItsOwnMessageAndADescription() throws IOException {
    List<String> patterns = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of("forms"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".form")).sorted().toList()) {
        for (JsonNode field : fields(JSON.readTree(file.toFile()))) {
          String pattern = field.path("validate").path("pattern").asText("");
          if (pattern.isEmpty()) {
            continue;
          }
          String where = file.getFileName() + " " + field.path("key").asText();
          patterns.add(where);
          Pattern.compile(pattern);
          assertThat(pattern).as("%s: anchored at the start, as form-js tests anywhere in the value", where).startsWith("^");
          assertThat(field.path("properties").path("patternMessage").asText()).as("%s: the message Tasklist shows", where).isNotBlank();
          assertThat(field.path("description").asText()).as("%s: what is expected, for any client", where).isNotBlank();
        }
      }
    }
    assertThat(patterns).contains("milestone-deliver.form deliverableUrl", "start-group-mentoring-cohort.form plannedDuration");
  }

  @Test
  void graduationEvidenceCountsHaveTheServersRange() {
    for (String key : List.of("monthsAtCurrentRung", "primaryReviewerPrs", "prsReviewedOrMerged")) {
      JsonNode validate = field("enter-graduation-evidence", key).path("validate");
      // GraduationReview: a whole number from 0 to 100000.
      assertThat(validate.path("min").asInt(-1)).as(key).isZero();
      assertThat(validate.path("max").asInt(-1)).as(key).isEqualTo(100_000);
    }
  }

  static JsonNode field(String form, String key) {
    try {
      for (JsonNode field : fields(JSON.readTree(Path.of("forms", form + ".form").toFile()))) {
        if (key.equals(field.path("key").asText())) {
          return field;
        }
      }
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("forms/" + form + ".form has no field " + key);
  }

  /** The form's fields, those in groups too. */
  static List<JsonNode> fields(JsonNode container) {
    List<JsonNode> fields = new ArrayList<>();
    for (JsonNode component : container.path("components")) {
      if (component.has("key")) {
        fields.add(component);
      }
      fields.addAll(fields(component));
    }
    return fields;
  }
}
