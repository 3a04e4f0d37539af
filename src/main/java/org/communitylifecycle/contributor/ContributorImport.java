package org.communitylifecycle.contributor;

import static org.communitylifecycle.contributor.ContributorCsv.JOINED_ON;
import static org.communitylifecycle.contributor.ContributorCsv.NAME;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.communitylifecycle.contributor.ContributorExceptions.InvalidContributorData;
import org.communitylifecycle.contributor.ContributorFields.Contribution;
import org.communitylifecycle.contributor.ContributorFields.Person;
import org.communitylifecycle.contributor.ContributorFields.Role;
import org.communitylifecycle.contributor.ContributorRules.Place;
import org.communitylifecycle.contributor.ContributorStore.Stored;
import org.communitylifecycle.contributor.ContributorViews.ImportResult;

/**
 * One import, checked as a whole before anything is written: each row's fields
 * ({@link ContributorFields}), the rows of one contributor against each other, and against what
 * is on record. Any problem, reported with its line, means nothing is written.
 */
final class ContributorImport {

  /** The rows of one contributor in an import. */
  private static final class Group {
    final String handle;
    final int firstLine;
    final List<ContributorRecord> rows = new ArrayList<>();
    final First<String> name = new First<>();
    final First<LocalDate> joinedOn = new First<>();
    Optional<Stored> stored = Optional.empty();

    Group(String handle, int firstLine) {
      this.handle = handle;
      this.firstLine = firstLine;
    }

    /** One joining day and one name for all the rows that give them. */
    void agree(ContributorRecord row, Place place) {
      joinedOn.take(row.joinedOn(), row.line(), JOINED_ON, "", handle, place);
      name.take(row.name(), row.line(), NAME, "'", handle, place);
    }

    /** The day they joined: as given, else as on record, else their earliest day in the import. */
    LocalDate joined() {
      if (joinedOn.value != null) {
        return joinedOn.value;
      }
      return stored.map(Stored::joinedOn).orElseGet(() -> rows.stream()
          .flatMap(r -> Stream.of(r.activityDate(), r.roleFrom())).filter(Objects::nonNull)
          .min(Comparator.naturalOrder()).orElse(null));
    }
  }

  /** The first value the rows of one contributor give for a field, and its line: the other rows must agree. */
  private static final class First<T> {
    T value;
    Integer line;

    /** Takes a row's value, or reports that it differs from the first; a row that gives none agrees. */
    void take(T given, int givenLine, String field, String quote, String handle, Place place) {
      if (given == null) {
        return;
      }
      if (value == null) {
        value = given;
        line = givenLine;
      } else if (!value.equals(given)) {
        place.add(field, field + " " + quote + given + quote + " differs from " + quote + value + quote + " on line "
            + line + " for the same contributor '" + handle + "'");
      }
    }
  }

  /** What the writing did, counted. */
  private static final class Tally {
    int added, updated, contributions, rolesAdded, rolesUpdated, retimed;
  }

  private final String communityKey;
  private final ContributorStore store;
  private final LocalDate today;
  private final List<ContributorProblem> problems;
  private final Map<String, Group> groups = new LinkedHashMap<>();
  private final int rows;

  private ContributorImport(String communityKey, ContributorStore store, LocalDate today,
      List<ContributorProblem> earlier, int rows) {
    this.communityKey = communityKey;
    this.store = store;
    this.today = today;
    this.problems = new ArrayList<>(earlier);
    this.rows = rows;
  }

  /**
   * Checks every row, after the problems found reading them ({@code earlier}); throws
   * {@link InvalidContributorData} with every problem, by line.
   */
  static ContributorImport check(String communityKey, ContributorStore store, LocalDate today,
      List<ContributorRecord> records, List<ContributorProblem> earlier) {
    ContributorImport checked = new ContributorImport(communityKey, store, today, earlier, records.size());
    records.forEach(checked::add);
    checked.groups.values().forEach(checked::checkOnRecord);
    checked.reject();
    return checked;
  }

  /** Writes every row; {@code recompute} rebuilds a contributor's tier history, true when it changed. */
  ImportResult write(Predicate<Stored> recompute) {
    Tally tally = new Tally();
    for (Group group : groups.values()) {
      Stored contributor = save(group, tally);
      for (ContributorRecord row : group.rows) {
        save(contributor, row, tally);
      }
      if (recompute.test(contributor)) {
        tally.retimed++;
      }
    }
    return new ImportResult(rows, tally.added, tally.updated, tally.contributions, tally.rolesAdded,
        tally.rolesUpdated, tally.retimed);
  }

  private void add(ContributorRecord row) {
    Place place = new Place(row.line(), problems);
    int before = problems.size();
    ContributorRecord checked = checked(row, new ContributorFields(ContributorFields.CSV, today, place));
    if (problems.size() > before) {
      return;
    }
    Group group = groups.computeIfAbsent(ContributorRules.handleKey(checked.handle()),
        k -> new Group(checked.handle(), row.line()));
    group.agree(checked, place);
    group.rows.add(checked);
  }

  /** The row with its text cleaned; its contribution and role are checked when it has any part of them. */
  private static ContributorRecord checked(ContributorRecord row, ContributorFields fields) {
    Person person = fields.person(row.handle(), row.name(), iso(row.joinedOn()));
    Contribution contribution = null;
    if (row.activityDate() != null || row.activityKind() != null || row.activityReference() != null) {
      contribution = fields.contribution(iso(row.activityDate()), row.activityKind(), row.activityReference());
    }
    Role role = null;
    if (row.role() != null || row.roleFrom() != null || row.roleTo() != null) {
      role = fields.role(row.role(), iso(row.roleFrom()), iso(row.roleTo()));
    }
    return new ContributorRecord(row.line(), person.handle(), person.name(), row.joinedOn(), row.activityDate(),
        contribution == null ? null : contribution.kind(), contribution == null ? null : contribution.reference(),
        role == null ? null : role.role(), row.roleFrom(), row.roleTo());
  }

  /** A new contributor needs a joining day; none may move it after what they already have on record. */
  private void checkOnRecord(Group group) {
    group.stored = store.find(communityKey, group.handle);
    LocalDate joined = group.joined();
    if (joined == null) {
      problems.add(new ContributorProblem(group.firstLine, JOINED_ON, "'" + group.handle
          + "' is a new contributor: give " + JOINED_ON + ", or a contribution or role to date their joining from"));
      return;
    }
    if (group.stored.isPresent() && group.joinedOn.value != null && group.joinedOn.value.isAfter(group.stored.get().joinedOn())) {
      store.earliestRecordedDay(group.stored.get().id())
          .filter(first -> first.isBefore(group.joinedOn.value))
          .ifPresent(first -> problems.add(new ContributorProblem(group.joinedOn.line, JOINED_ON, JOINED_ON + " "
              + group.joinedOn.value + " is after " + first + ", when '" + group.handle
              + "' already has a contribution or role on record")));
    }
    for (ContributorRecord row : group.rows) {
      ContributorFields fields = new ContributorFields(ContributorFields.CSV, today, new Place(row.line(), problems));
      fields.contributionNotBeforeJoining(row.activityDate(), group.handle, joined);
      fields.roleNotBeforeJoining(row.roleFrom(), group.handle, joined);
    }
  }

  private void reject() {
    problems.sort(Comparator.comparing(ContributorProblem::line, Comparator.nullsFirst(Comparator.naturalOrder())));
    long badRows = problems.stream().map(ContributorProblem::line).distinct().count();
    InvalidContributorData.throwIfAny(
        "Nothing was imported: " + badRows + (badRows == 1 ? " row has" : " rows have") + " problems", problems);
  }

  /** The contributor added, or updated with the import's name and joining day. */
  private Stored save(Group group, Tally tally) {
    LocalDate joined = group.joined();
    if (group.stored.isEmpty()) {
      tally.added++;
      return store.insert(communityKey, group.handle, group.name.value, joined);
    }
    Stored contributor = group.stored.get();
    String name = group.name.value != null ? group.name.value : contributor.name();
    if (!Objects.equals(name, contributor.name()) || !joined.equals(contributor.joinedOn())) {
      store.update(contributor.id(), name, joined);
      tally.updated++;
    }
    return contributor;
  }

  private void save(Stored contributor, ContributorRecord row, Tally tally) {
    if (row.activityDate() != null
        && store.addContribution(contributor.id(), row.activityDate(), row.activityKind(), row.activityReference())) {
      tally.contributions++;
    }
    if (row.roleFrom() != null) {
      switch (store.putRole(contributor.id(), row.role(), row.roleFrom(), row.roleTo())) {
        case ADDED -> tally.rolesAdded++;
        case UPDATED -> tally.rolesUpdated++;
        case UNCHANGED -> { }
      }
    }
  }

  /** A day as the text the checks read (they also read the form's and the API's text). */
  private static String iso(LocalDate day) {
    return day == null ? null : day.toString();
  }
}
