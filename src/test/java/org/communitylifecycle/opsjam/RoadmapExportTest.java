package org.communitylifecycle.opsjam;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Markdown and CSV exports of a small roadmap, to the character. */
class RoadmapExportTest {

  static final OpsJams.OpsJam JAM = new OpsJams.OpsJam("sourcecred-ecosystems", "SourceCred Ecosystems", "paula",
      "bruno", OpsJams.TRACKING, LocalDate.parse("2026-03-10"));

  /** Four items, given in the order they were raised; the roadmap orders them by priority, then due date. */
  static final List<RoadmapItems.Item> ITEMS = List.of(
      new RoadmapItems.Item("OPS-1", 1, "request", "Design support for an Ecosystem Map",
          "A map of the instances, for newcomers.", "alice", "bruno", "low", "planned", null,
          List.of("ecosystem-map"), List.of()),
      new RoadmapItems.Item("OPS-2", 2, "pain-point", "Identity across instances | manual",
          "Each instance keeps\nits own list", "ines", "ivan", "high", "in-progress", LocalDate.parse("2026-04-30"),
          List.of("identity-management"), List.of()),
      new RoadmapItems.Item("OPS-3", 3, "wishlist", "=Onboarding, \"quick\" guide", null, "ivan", "ines", "medium",
          "planned", LocalDate.parse("2026-05-15"), List.of("docs", "onboarding-materials"), List.of("OPS-2")),
      new RoadmapItems.Item("OPS-4", 4, "follow-up", "Tithe admin improvements", null, "iris", "iris", "high", "done",
          LocalDate.parse("2026-04-15"), List.of("identity-management", "tithe-admin"), List.of("OPS-2", "OPS-3")));

  static final Roadmap ROADMAP = Roadmap.of(JAM, ITEMS,
      List.of(new OpsJams.FollowUp("iris", LocalDate.parse("2026-03-20"), "Runs the tithe admin by hand", "paula")),
      List.of(new OpsJams.CheckIn(LocalDate.parse("2026-04-10"), "bruno", null, "keep-tracking"),
          new OpsJams.CheckIn(LocalDate.parse("2026-05-10"), "bruno", "Done for this year\nThanks all", "close")));

  @Test
  void markdownListsTheRoadmapItsThemesItemsAndMeetings() {
    assertThat(RoadmapExport.markdown(ROADMAP)).isEqualTo("""
        # Ecosystem roadmap: SourceCred Ecosystems

        Ops jam `sourcecred-ecosystems`, project manager paula, branch lead bruno, jam date 2026-03-10, phase tracking.

        ## Roadmap

        | Key | Title | Owner | Priority | Status | Due | Depends on | Tags |
        | --- | --- | --- | --- | --- | --- | --- | --- |
        | OPS-4 | Tithe admin improvements | iris | high | done | 2026-04-15 | OPS-2, OPS-3 | identity-management, tithe-admin |
        | OPS-2 | Identity across instances \\| manual | ivan | high | in-progress | 2026-04-30 |  | identity-management |
        | OPS-3 | =Onboarding, "quick" guide | ines | medium | planned | 2026-05-15 | OPS-2 | docs, onboarding-materials |
        | OPS-1 | Design support for an Ecosystem Map | bruno | low | planned |  |  | ecosystem-map |

        ## Themes across instances

        Raised by two or more instance managers: identity-management.

        | Tag | Items | Instance managers | Community requests | Item keys |
        | --- | --- | --- | --- | --- |
        | identity-management | 2 | 2 | 0 | OPS-2, OPS-4 |
        | docs | 1 | 1 | 0 | OPS-3 |
        | onboarding-materials | 1 | 1 | 0 | OPS-3 |
        | tithe-admin | 1 | 1 | 0 | OPS-4 |
        | ecosystem-map | 1 | 0 | 1 | OPS-1 |

        ## Items

        ### OPS-4 Tithe admin improvements

        Follow-up meeting item from iris.

        ### OPS-2 Identity across instances | manual

        Pain point from ines.

        Each instance keeps
        its own list

        ### OPS-3 =Onboarding, "quick" guide

        Wishlist item from ivan.

        ### OPS-1 Design support for an Ecosystem Map

        Community request from alice.

        A map of the instances, for newcomers.

        ## Follow-up meetings

        - 2026-03-20, with iris (recorded by paula): Runs the tithe admin by hand

        ## Check-ins

        - 2026-04-10, held by bruno: keep tracking
        - 2026-05-10, held by bruno: roadmap closed. Done for this year Thanks all
        """);
  }

  @Test
  void csvHasOneRowPerItemQuotedAndSafeForSpreadsheets() {
    assertThat(RoadmapExport.csv(ROADMAP)).isEqualTo(
        "key,title,kind,requested_by,owner,priority,status,due_date,depends_on,tags,description\r\n"
            + "OPS-4,Tithe admin improvements,follow-up,iris,iris,high,done,2026-04-15,OPS-2;OPS-3,"
            + "identity-management;tithe-admin,\r\n"
            + "OPS-2,Identity across instances | manual,pain-point,ines,ivan,high,in-progress,2026-04-30,,"
            + "identity-management,\"Each instance keeps\nits own list\"\r\n"
            + "OPS-3,\"'=Onboarding, \"\"quick\"\" guide\",wishlist,ivan,ines,medium,planned,2026-05-15,OPS-2,"
            + "docs;onboarding-materials,\r\n"
            + "OPS-1,Design support for an Ecosystem Map,request,alice,bruno,low,planned,,,ecosystem-map,"
            + "\"A map of the instances, for newcomers.\"\r\n");
  }

  @Test
  void anEmptyRoadmapSaysSo() {
    OpsJams.OpsJam jam = new OpsJams.OpsJam("new-jam", "New Jam", "paula", "bruno", OpsJams.PREPARING, null);
    Roadmap empty = Roadmap.of(jam, List.of(), List.of(), List.of());

    assertThat(RoadmapExport.markdown(empty)).isEqualTo("""
        # Ecosystem roadmap: New Jam

        Ops jam `new-jam`, project manager paula, branch lead bruno, jam date not set, phase preparing.

        ## Roadmap

        No items yet.

        ## Themes across instances

        No tagged items yet.

        ## Follow-up meetings

        None yet.

        ## Check-ins

        None yet.
        """);
    assertThat(RoadmapExport.csv(empty)).isEqualTo(RoadmapExport.CSV_HEADER + "\r\n");
  }

  @Test
  void aRequestedBacklogHasNoCrossInstanceThemeYet() {
    RoadmapItems.Item wish = new RoadmapItems.Item("OPS-1", 1, "wishlist", "Onboarding guide", null, "ines", null, null,
        "requested", null, List.of("onboarding-materials"), List.of());
    String markdown = RoadmapExport.markdown(Roadmap.of(JAM, List.of(wish), List.of(), List.of()));

    assertThat(markdown)
        .contains("| OPS-1 | Onboarding guide |  |  | requested |  |  | onboarding-materials |\n")
        .contains("No tag has been raised by two or more instance managers yet.\n");
  }
}
