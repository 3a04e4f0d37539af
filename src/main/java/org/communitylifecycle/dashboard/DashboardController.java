package org.communitylifecycle.dashboard;

import java.nio.charset.StandardCharsets;
import org.communitylifecycle.community.CommunityDirectory;
import org.communitylifecycle.dashboard.Dashboard.StalledSort;
import org.communitylifecycle.dashboard.DashboardViews.CommunityDetail;
import org.communitylifecycle.dashboard.DashboardViews.HandoffHealth;
import org.communitylifecycle.dashboard.DashboardViews.HandoffReport;
import org.communitylifecycle.dashboard.DashboardViews.Portfolio;
import org.communitylifecycle.dashboard.DashboardViews.Programs;
import org.communitylifecycle.dashboard.DashboardViews.Stalled;
import org.communitylifecycle.identity.ApiCaller;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The liaisons' dashboard under {@code /api/dashboard}, for the portfolio groups (cbt-liaisons,
 * community-leads, camunda-admin); anyone else gets 403. See docs/dashboard.md.
 */
@RestController
@RequestMapping("/api/dashboard")
class DashboardController {

  static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

  /** A caller outside the portfolio groups. */
  static class Forbidden extends RuntimeException {
    Forbidden(String message) {
      super(message);
    }
  }

  /** A community the dashboard does not know. */
  static class UnknownCommunity extends RuntimeException {
    UnknownCommunity(String key) {
      super("There is no community '" + key + "'");
    }
  }

  /** A query parameter out of its range. */
  static class BadParameter extends RuntimeException {
    BadParameter(String message) {
      super(message);
    }
  }

  private final Dashboard dashboard;

  DashboardController(Dashboard dashboard) {
    this.dashboard = dashboard;
  }

  @GetMapping("/portfolio")
  Portfolio portfolio(@RequestParam(required = false) String liaison, ApiCaller caller) {
    requireReader(caller);
    return dashboard.portfolio(blankToNull(liaison));
  }

  @GetMapping("/communities/{key}")
  CommunityDetail community(@PathVariable String key, ApiCaller caller) {
    requireReader(caller);
    return dashboard.detail(key).orElseThrow(() -> new UnknownCommunity(key));
  }

  @GetMapping("/stalled")
  Stalled stalled(@RequestParam(required = false) String liaison, @RequestParam(required = false) String sort,
      @RequestParam(required = false) String order, ApiCaller caller) {
    requireReader(caller);
    StalledSort by = sort == null ? StalledSort.STALLED_FOR : StalledSort.of(sort).orElseThrow(() -> new BadParameter(
        "sort must be stalledFor, community or dueAt; got '" + sort + "'"));
    boolean descending;
    if (order == null) {
      descending = by.descendingByDefault();
    } else if (order.equals("asc") || order.equals("desc")) {
      descending = order.equals("desc");
    } else {
      throw new BadParameter("order must be asc or desc; got '" + order + "'");
    }
    return dashboard.stalled(blankToNull(liaison), by, descending);
  }

  @GetMapping("/programs")
  Programs programs(ApiCaller caller) {
    requireReader(caller);
    return dashboard.programs();
  }

  @GetMapping("/communities/{key}/handoffs.csv")
  ResponseEntity<String> handoffsCsv(@PathVariable String key, ApiCaller caller) {
    requireReader(caller);
    HandoffReport report = dashboard.handoffs(key).orElseThrow(() -> new UnknownCommunity(key));
    return ResponseEntity.ok().contentType(CSV).header(HttpHeaders.CONTENT_DISPOSITION, attachment(report, "csv"))
        .body(HandoffCsv.write(report));
  }

  @GetMapping("/communities/{key}/handoffs.json")
  ResponseEntity<HandoffReport> handoffsJson(@PathVariable String key, ApiCaller caller) {
    requireReader(caller);
    HandoffReport report = dashboard.handoffs(key).orElseThrow(() -> new UnknownCommunity(key));
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
        .header(HttpHeaders.CONTENT_DISPOSITION, attachment(report, "json")).body(report);
  }

  @GetMapping("/handoff-health")
  HandoffHealth handoffHealth(ApiCaller caller) {
    requireReader(caller);
    return dashboard.handoffHealth();
  }

  private static void requireReader(ApiCaller caller) {
    if (caller.groupIds().stream().noneMatch(CommunityDirectory.PORTFOLIO_GROUPS::contains)) {
      throw new Forbidden("The dashboard is for the groups " + String.join(", ", CommunityDirectory.PORTFOLIO_GROUPS)
          + "; " + caller.userId() + " is in none of them");
    }
  }

  /** handoffs-sumo-community-2026-09-14.csv: the community and the day of the report. */
  private static String attachment(HandoffReport report, String extension) {
    String name = "handoffs-" + report.community() + "-" + Times.today(report.generatedAt()) + "." + extension;
    // Community keys are slugs: the name is plain ASCII.
    return ContentDisposition.attachment().filename(name).build().toString();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
