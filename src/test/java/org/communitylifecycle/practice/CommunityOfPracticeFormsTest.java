package org.communitylifecycle.practice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The forms of the maturity process against the catalogue of the WAO steps in {@link MaturityModel}. */
class CommunityOfPracticeFormsTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void selfAssessmentAsksForAll36IndicatorsGroupedByArea() throws IOException {
    JsonNode form = JSON.readTree(Path.of("forms/community-of-practice-self-assessment.form").toFile());

    List<JsonNode> groups = new ArrayList<>();
    form.path("components").forEach(c -> {
      if ("group".equals(c.path("type").asText())) {
        groups.add(c);
      }
    });
    assertThat(groups).hasSize(12);
    IntStream.range(0, 12).forEach(i -> {
      MaturityModel.Area area = MaturityModel.AREAS.get(i);
      JsonNode group = groups.get(i);
      assertThat(group.path("label").asText()).isEqualTo(area.letter() + ") " + area.name());
      assertThat(group.has("path")).as("the answers stay top-level variables").isFalse();
      List<String> keys = new ArrayList<>();
      List<String> labels = new ArrayList<>();
      group.path("components").forEach(c -> {
        assertThat(c.path("type").asText()).isEqualTo("checkbox");
        keys.add(c.path("key").asText());
        labels.add(c.path("label").asText());
      });
      assertThat(keys).isEqualTo(area.indicatorKeys());
      assertThat(labels).as("the seed's labels for %s", area.name()).isEqualTo(area.indicators());
    });
    assertThat(MaturityModel.AREAS.stream().mapToInt(a -> a.indicators().size()).sum()).isEqualTo(36);
  }

  @Test
  void connectWithPowerHasTheSeedsTwoIndicatorsOnOneLineSplit() {
    MaturityModel.Area power = MaturityModel.AREAS.get(9);
    assertThat(power.name()).isEqualTo("Connect with power");
    assertThat(power.indicatorKeys()).containsExactly("systems_a_1", "systems_a_2", "systems_a_3");
    assertThat(power.indicators()).endsWith(
        "Community members can name relevant power structures",
        "Community members know how to both leverage and resist existing power structures");
    assertThat(MaturityModel.AREAS.get(11).scoreVariable()).isEqualTo("systemsChangeC");
  }

  @Test
  void reviewShowsEveryAreaScoreAndTheStep() throws IOException {
    String review = JSON.readTree(Path.of("forms/community-of-practice-review.form").toFile()).toString();

    MaturityModel.AREAS.forEach(a -> assertThat(review).contains("{{" + a.scoreVariable() + "}}"));
    assertThat(review).contains("{{stepReached}}", "{{highestStepReached}}", "\"key\":\"reviewDecision\"", "\"key\":\"reviewNote\"");
  }
}
