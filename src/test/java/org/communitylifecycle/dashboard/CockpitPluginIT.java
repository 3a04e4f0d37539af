package org.communitylifecycle.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import org.communitylifecycle.testsupport.RunningApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The lifecycle dashboard plugin reaches Cockpit: Cockpit's configuration loads it, and the app
 * serves it and Chart.js itself (nothing outside is reachable). The browser test
 * ({@code e2e/dashboard.mjs}) shows it working; this catches a broken path without a browser.
 */
class CockpitPluginIT extends RunningApplication {

  static final String SCRIPTS = "/camunda/app/cockpit/scripts/";

  @Autowired TestRestTemplate rest;

  @Test
  void cockpitsConfigurationLoadsThePlugin() {
    ResponseEntity<String> config = rest.getForEntity(SCRIPTS + "config.js", String.class);

    assertThat(config.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(config.getBody()).contains("customScripts: [").contains("'scripts/lifecycle-dashboard'");
    for (String module : new String[] {"lifecycle-dashboard.js", "lifecycle/format.js", "lifecycle/charts.js"}) {
      ResponseEntity<String> script = rest.getForEntity(SCRIPTS + module, String.class);
      assertThat(script.getStatusCode()).as(module).isEqualTo(HttpStatus.OK);
      assertThat(script.getHeaders().getContentType().toString()).as(module).contains("javascript");
    }
  }

  @Test
  void chartJsIsServedWithoutItsVersionInThePath() {
    ResponseEntity<String> chartJs = rest.getForEntity("/webjars/chart.js/dist/chart.umd.js", String.class);

    assertThat(chartJs.getStatusCode()).as("webjars-locator-lite resolves the version").isEqualTo(HttpStatus.OK);
    assertThat(chartJs.getBody()).startsWith("/*!").contains("Chart.js v4.");
  }
}
