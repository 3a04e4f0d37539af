package org.communitylifecycle.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/monitoring/grafana-dashboard.json asks Prometheus only for meters the application exposes. */
class GrafanaDashboardTest {

  private static final File DASHBOARD = new File("docs/monitoring/grafana-dashboard.json");
  /** Our meters' names in PromQL: they all start with cl_. */
  private static final Pattern METER = Pattern.compile("\\bcl_[a-z_]+\\b");

  @Test
  void everyPanelQueriesExposedMetersFromTheDataSourceVariable() throws IOException {
    JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD);
    Set<String> exposed = EngineMetersTest.names(EngineMetersTest.registry(new EngineCounters(EngineMetersTest.KEYS)).scrape());
    List<JsonNode> panels = new ArrayList<>();
    collectPanels(dashboard.path("panels"), panels);

    assertThat(panels).isNotEmpty();
    assertThat(dashboard.path("templating").path("list").findValuesAsText("name")).contains("DS_PROMETHEUS");
    for (JsonNode panel : panels) {
      String title = panel.path("title").asText();
      assertThat(panel.path("datasource").path("uid").asText()).as(title).isEqualTo("${DS_PROMETHEUS}");
      assertThat(panel.path("targets")).as(title).isNotEmpty();
      for (JsonNode target : panel.path("targets")) {
        String expr = target.path("expr").asText();
        Matcher meters = METER.matcher(expr);
        int found = 0;
        while (meters.find()) {
          found++;
          assertThat(exposed).as("%s: %s", title, expr).contains(meters.group());
        }
        assertThat(found).as("%s queries one of our meters: %s", title, expr).isPositive();
      }
    }
  }

  private static void collectPanels(JsonNode list, List<JsonNode> panels) {
    for (JsonNode panel : list) {
      if ("row".equals(panel.path("type").asText())) {
        collectPanels(panel.path("panels"), panels);
      } else {
        panels.add(panel);
      }
    }
  }
}
