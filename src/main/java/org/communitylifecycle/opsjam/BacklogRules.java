package org.communitylifecycle.opsjam;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.communitylifecycle.community.CommunitySlug;
import org.communitylifecycle.engine.AppClock;
import org.communitylifecycle.engine.InvalidInputException;
import org.communitylifecycle.engine.VariableValues;

/**
 * The rules a roadmap item must meet: an owner who is a known user, a priority, a due date that
 * is not past, and dependencies on existing items without circles. Problems are collected, so one
 * message lists everything that needs fixing.
 */
final class BacklogRules {

  static final int MAX_TAGS = 10;
  static final int TAG_LENGTH = 40;

  /** What the rules let onto the roadmap for one item. */
  record Plan(String owner, String priority, LocalDate dueDate, List<String> dependsOn) {}

  private BacklogRules() {}

  /**
   * Owner, priority, due date and dependencies of one item, as typed.
   *
   * @param label how messages name the item, for example "OPS-2 (Ecosystem map)"
   * @param selfKey the item's own key, or null for an item not yet created
   * @param existingKeys the keys an item may depend on
   */
  static Plan plan(
      String label,
      String owner,
      String priorityText,
      String dependsOnText,
      String dueDateText,
      String selfKey,
      Set<String> existingKeys,
      Predicate<String> knownUser,
      List<String> problems) {
    if (owner == null) {
      problems.add(label + " has no owner");
    } else if (!knownUser.test(owner)) {
      problems.add(label + ": owner '" + owner + "' is not a known user");
    }
    Priority priority = priorityText == null ? null : Priority.find(priorityText.toLowerCase(Locale.ROOT));
    if (priorityText == null) {
      problems.add(label + " has no priority");
    } else if (priority == null) {
      problems.add(label + ": priority must be one of " + Priority.allowed() + ", got '" + priorityText + "'");
    }
    LocalDate due = null;
    try {
      due = Inputs.day(dueDateText, label + ": the due date");
      if (due != null && due.isBefore(AppClock.today())) {
        problems.add(label + ": due date " + due + " is in the past");
      }
    } catch (InvalidInputException e) {
      problems.add(e.getMessage());
    }
    List<String> dependsOn = new ArrayList<>();
    for (String token : tokens(dependsOnText)) {
      String key = itemKey(token);
      if (key == null) {
        problems.add(label + ": '" + token + "' is not an item key such as OPS-3");
      } else if (key.equals(selfKey)) {
        problems.add(label + " cannot depend on itself");
      } else if (!existingKeys.contains(key)) {
        problems.add(label + " depends on " + key + ", which is not an item of this ops jam");
      } else if (!dependsOn.contains(key)) {
        dependsOn.add(key);
      }
    }
    return new Plan(owner, priority == null ? null : priority.value(), due, dependsOn);
  }

  /** Title of an item: there, and not too long. */
  static String title(String label, Object value, List<String> problems) {
    String title = VariableValues.text(value);
    if (title == null) {
      problems.add(label + " has no title");
    } else if (title.length() > Inputs.TITLE_LENGTH) {
      problems.add(label + ": the title has more than " + Inputs.TITLE_LENGTH + " characters");
    }
    return title;
  }

  /** Description of an item: optional, not too long. */
  static String description(String label, Object value, List<String> problems) {
    String description = VariableValues.text(value);
    if (description != null && description.length() > Inputs.TEXT_LENGTH) {
      problems.add(label + ": the description has more than " + Inputs.TEXT_LENGTH + " characters");
    }
    return description;
  }

  /**
   * Tags as typed ("Identity management, onboarding materials") or as a list, in one spelling:
   * identity-management, onboarding-materials. Themes are counted by this spelling.
   */
  static List<String> tags(String label, Object value, List<String> problems) {
    Set<String> tags = new LinkedHashSet<>();
    for (String token : tokens(value)) {
      String tag = CommunitySlug.of(token);
      if (tag.isEmpty()) {
        continue;
      }
      if (tag.length() > TAG_LENGTH) {
        problems.add(label + ": the tag '" + token + "' is longer than " + TAG_LENGTH + " characters");
        continue;
      }
      tags.add(tag);
    }
    if (tags.size() > MAX_TAGS) {
      problems.add(label + ": at most " + MAX_TAGS + " tags, got " + tags.size());
    }
    return List.copyOf(tags);
  }

  /** Fails with every problem found, or does nothing when there is none. */
  static void reject(String what, List<String> problems) {
    if (!problems.isEmpty()) {
      throw new InvalidInputException(what + ": " + String.join("; ", problems));
    }
  }

  /** A circle in the dependencies, as "OPS-1 → OPS-3 → OPS-1", or null when there is none. */
  static String circle(Map<String, List<String>> dependsOn) {
    Map<String, Integer> state = new LinkedHashMap<>();
    for (String start : dependsOn.keySet()) {
      List<String> path = new ArrayList<>();
      String found = visit(start, dependsOn, state, path);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  // state: 1 = on the current path, 2 = done
  private static String visit(String key, Map<String, List<String>> graph, Map<String, Integer> state, List<String> path) {
    Integer seen = state.get(key);
    if (seen != null && seen == 2) {
      return null;
    }
    if (seen != null && seen == 1) {
      List<String> circle = new ArrayList<>(path.subList(path.indexOf(key), path.size()));
      circle.add(key);
      return String.join(" → ", circle);
    }
    state.put(key, 1);
    path.add(key);
    for (String next : graph.getOrDefault(key, List.of())) {
      String found = visit(next, graph, state, path);
      if (found != null) {
        return found;
      }
    }
    path.remove(path.size() - 1);
    state.put(key, 2);
    return null;
  }

  /** A line of a list that names an item of the jam, once. */
  record ItemLine(TextLines.Line line, String key, RoadmapItems.Item item) {}

  /**
   * The lines that name an item of the jam, each with its item; a line without a key, with a key
   * of no item, or naming an item a second time is a problem instead.
   *
   * @param items the jam's items by key
   */
  static List<ItemLine> itemLines(List<TextLines.Line> lines, Map<String, RoadmapItems.Item> items,
      List<String> problems) {
    List<ItemLine> found = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (TextLines.Line line : lines) {
      if (line.field(0) == null) {
        problems.add("line " + line.number() + " has no item key");
        continue;
      }
      String key = itemKey(line.field(0));
      RoadmapItems.Item item = key == null ? null : items.get(key);
      if (item == null) {
        problems.add("line " + line.number() + ": '" + line.field(0) + "' is not an item of this ops jam");
        continue;
      }
      if (!seen.add(key)) {
        problems.add("line " + line.number() + ": " + key + " appears twice");
        continue;
      }
      found.add(new ItemLine(line, key, item));
    }
    return found;
  }

  /** OPS-3, ops-3, ops 3 and 3 all mean OPS-3. */
  static String itemKey(String token) {
    String digits = token.trim().toUpperCase(Locale.ROOT).replaceFirst("^OPS[\\s-]*", "");
    if (!digits.matches("[1-9][0-9]{0,8}")) {
      return null;
    }
    return RoadmapItems.key(Integer.parseInt(digits));
  }

  /** The parts of a comma-separated text, or the elements of a list. */
  static List<String> tokens(Object value) {
    List<String> tokens = new ArrayList<>();
    if (value instanceof Collection<?> collection) {
      for (Object element : collection) {
        String text = VariableValues.text(element);
        if (text != null) {
          tokens.add(text);
        }
      }
      return tokens;
    }
    String text = VariableValues.text(value);
    if (text == null) {
      return tokens;
    }
    for (String part : text.split("[,;\\n]")) {
      if (!part.isBlank()) {
        tokens.add(part.trim());
      }
    }
    return tokens;
  }
}
