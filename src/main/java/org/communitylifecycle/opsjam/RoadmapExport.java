package org.communitylifecycle.opsjam;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.communitylifecycle.engine.CsvCells;

/**
 * A roadmap as Markdown, to paste into a forum post or a wiki, and as CSV, for a spreadsheet.
 * Both list the items in roadmap order.
 */
final class RoadmapExport {

  static final String CSV_HEADER =
      "key,title,kind,requested_by,owner,priority,status,due_date,depends_on,tags,description";

  private static final Map<String, String> KINDS = Map.of(
      RoadmapItems.PAIN_POINT, "Pain point",
      RoadmapItems.WISHLIST, "Wishlist item",
      RoadmapItems.REQUEST, "Community request",
      RoadmapItems.FOLLOW_UP, "Follow-up meeting item");

  private RoadmapExport() {}

  static String markdown(Roadmap roadmap) {
    StringBuilder md = new StringBuilder();
    heading(md, roadmap);
    roadmapTable(md, roadmap);
    themes(md, roadmap);
    itemDetails(md, roadmap);
    followUps(md, roadmap);
    checkIns(md, roadmap);
    return md.toString();
  }

  /** The title and what the jam is. */
  private static void heading(StringBuilder md, Roadmap roadmap) {
    OpsJams.OpsJam jam = roadmap.jam();
    md.append("# Ecosystem roadmap: ").append(line(jam.name())).append("\n\n");
    md.append("Ops jam `").append(jam.key()).append("`, project manager ").append(jam.projectManager())
        .append(", branch lead ").append(jam.branchLead()).append(", jam date ")
        .append(jam.jamDate() == null ? "not set" : jam.jamDate()).append(", phase ").append(jam.phase()).append(".\n\n");
  }

  /** The items in roadmap order, one table row each. */
  private static void roadmapTable(StringBuilder md, Roadmap roadmap) {
    md.append("## Roadmap\n\n");
    if (roadmap.items().isEmpty()) {
      md.append("No items yet.\n\n");
    } else {
      md.append("| Key | Title | Owner | Priority | Status | Due | Depends on | Tags |\n");
      md.append("| --- | --- | --- | --- | --- | --- | --- | --- |\n");
      for (RoadmapItems.Item item : roadmap.items()) {
        md.append("| ").append(item.key())
            .append(" | ").append(cell(item.title()))
            .append(" | ").append(cell(item.owner()))
            .append(" | ").append(cell(item.priority()))
            .append(" | ").append(item.status())
            .append(" | ").append(item.dueDate() == null ? "" : item.dueDate().toString())
            .append(" | ").append(String.join(", ", item.dependsOn()))
            .append(" | ").append(String.join(", ", item.tags()))
            .append(" |\n");
      }
      md.append('\n');
    }
  }

  /** The tags, and which of them two or more instance managers raised. */
  private static void themes(StringBuilder md, Roadmap roadmap) {
    md.append("## Themes across instances\n\n");
    if (roadmap.themes().isEmpty()) {
      md.append("No tagged items yet.\n\n");
    } else {
      List<String> crossInstance = roadmap.themes().stream().filter(Theme::crossInstance).map(Theme::tag).toList();
      md.append(crossInstance.isEmpty()
          ? "No tag has been raised by two or more instance managers yet.\n\n"
          : "Raised by two or more instance managers: " + String.join(", ", crossInstance) + ".\n\n");
      md.append("| Tag | Items | Instance managers | Community requests | Item keys |\n");
      md.append("| --- | --- | --- | --- | --- |\n");
      for (Theme theme : roadmap.themes()) {
        md.append("| ").append(theme.tag())
            .append(" | ").append(theme.items())
            .append(" | ").append(theme.instanceManagers())
            .append(" | ").append(theme.communityRequests())
            .append(" | ").append(String.join(", ", theme.itemKeys()))
            .append(" |\n");
      }
      md.append('\n');
    }
  }

  /** Each item's kind, requester and description. */
  private static void itemDetails(StringBuilder md, Roadmap roadmap) {
    if (!roadmap.items().isEmpty()) {
      md.append("## Items\n\n");
      for (RoadmapItems.Item item : roadmap.items()) {
        md.append("### ").append(item.key()).append(' ').append(line(item.title())).append("\n\n");
        md.append(KINDS.getOrDefault(item.kind(), item.kind())).append(" from ").append(line(item.requestedBy()))
            .append(".\n\n");
        if (item.description() != null) {
          md.append(item.description().strip()).append("\n\n");
        }
      }
    }
  }

  /** The follow-up meetings, one line each. */
  private static void followUps(StringBuilder md, Roadmap roadmap) {
    md.append("## Follow-up meetings\n\n");
    if (roadmap.followUps().isEmpty()) {
      md.append("None yet.\n");
    } else {
      for (OpsJams.FollowUp followUp : roadmap.followUps()) {
        md.append("- ").append(followUp.metOn()).append(", with ").append(line(followUp.metWith()))
            .append(" (recorded by ").append(followUp.recordedBy()).append(")")
            .append(followUp.notes() == null ? "" : ": " + line(followUp.notes())).append('\n');
      }
    }
    md.append('\n');
  }

  /** The check-ins, one line each. */
  private static void checkIns(StringBuilder md, Roadmap roadmap) {
    md.append("## Check-ins\n\n");
    if (roadmap.checkIns().isEmpty()) {
      md.append("None yet.\n");
    } else {
      for (OpsJams.CheckIn checkIn : roadmap.checkIns()) {
        md.append("- ").append(checkIn.heldOn()).append(", held by ").append(checkIn.heldBy()).append(": ")
            .append(OpsJamContract.CLOSE.equals(checkIn.decision()) ? "roadmap closed" : "keep tracking")
            .append(checkIn.notes() == null ? "" : ". " + line(checkIn.notes())).append('\n');
      }
    }
  }

  static String csv(Roadmap roadmap) {
    List<List<String>> rows = roadmap.items().stream().map(item -> Arrays.asList(
            item.key(),
            item.title(),
            item.kind(),
            item.requestedBy(),
            item.owner(),
            item.priority(),
            item.status(),
            item.dueDate() == null ? null : item.dueDate().toString(),
            String.join(";", item.dependsOn()),
            String.join(";", item.tags()),
            item.description()))
        .toList();
    return CsvCells.write(List.of(CSV_HEADER.split(",")), rows);
  }

  /** Text on one line, for headings and list entries. */
  private static String line(String text) {
    return text == null ? "" : text.strip().replaceAll("\\s*\\R\\s*", " ");
  }

  /** Text inside a Markdown table cell: one line, pipes escaped. */
  private static String cell(String text) {
    return line(text).replace("|", "\\|");
  }
}
