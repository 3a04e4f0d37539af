package org.communitylifecycle.contributor;

import java.time.LocalDate;
import java.util.ArrayList;
import org.communitylifecycle.contributor.ContributorExceptions.InvalidContributorData;
import org.communitylifecycle.contributor.ContributorRules.Place;

/**
 * The checks of a contributor, a contribution and a role, written once for every way in: the
 * REST API, the Tasklist form and an import row. Each way names the fields its own way
 * ({@link Labels}). Every problem is collected at the {@link Place}, so that all of them are
 * reported at once and nothing is written.
 */
final class ContributorFields {

  /** The names of the fields as the person filling them in knows them, for the messages. */
  record Labels(String handle, String name, String joinedOn, String date, String kind, String reference,
      String role, String roleFrom, String roleTo) {}

  static final Labels API = new Labels("handle", "name", "joinedOn", "date", "kind", "reference", "role", "from", "to");
  /** forms/record-contributor-activity.form; a role there starts on the day of the contribution. */
  static final Labels FORM = new Labels("Handle", "Name", "Joined the pathway on", "Date of the contribution",
      "Kind of contribution", "Reference", "Role", null, null);
  static final Labels CSV = new Labels(ContributorCsv.HANDLE, ContributorCsv.NAME, ContributorCsv.JOINED_ON,
      ContributorCsv.ACTIVITY_DATE, ContributorCsv.ACTIVITY_KIND, ContributorCsv.ACTIVITY_REFERENCE, ContributorCsv.ROLE,
      ContributorCsv.ROLE_FROM, ContributorCsv.ROLE_TO);

  /** A contributor; the joining day is null when not given. */
  record Person(String handle, String name, LocalDate joinedOn) {}

  /** A contribution; the reference is empty when none was given. */
  record Contribution(LocalDate date, String kind, String reference) {}

  /** A role from its first day, to its last or open-ended. */
  record Role(String role, LocalDate from, LocalDate to) {}

  private final Labels labels;
  private final LocalDate today;
  private final Place place;

  ContributorFields(Labels labels, LocalDate today, Place place) {
    this.labels = labels;
    this.today = today;
    this.place = place;
  }

  /** The checks of one request, whose problems have no line. */
  static ContributorFields of(Labels labels, LocalDate today) {
    return new ContributorFields(labels, today, new Place(null, new ArrayList<>()));
  }

  /** The handle, the name and the day they joined, which has happened. */
  Person person(String handle, String name, String joinedOn) {
    String checkedHandle = ContributorRules.handle(handle, labels.handle(), place);
    String checkedName = ContributorRules.name(name, labels.name(), place);
    LocalDate joined = ContributorRules.date(joinedOn, labels.joinedOn(), place);
    ContributorRules.notAfter(joined, today, labels.joinedOn(), place);
    return new Person(checkedHandle, checkedName, joined);
  }

  /** A day that has happened, a kind, and an optional reference. */
  Contribution contribution(String date, String kind, String reference) {
    LocalDate day = ContributorRules.requiredDate(date, labels.date(), "the day of the contribution", place);
    ContributorRules.notAfter(day, today, labels.date(), place);
    String checkedKind = ContributorRules.kind(kind, labels.kind(), place);
    return new Contribution(day, checkedKind, ContributorRules.reference(reference, labels.reference(), place));
  }

  /** A role, its first day, which has happened, and its last day, if any, on or after the first. */
  Role role(String role, String from, String to) {
    String checkedRole = ContributorRules.role(role, labels.role(), place);
    LocalDate first = ContributorRules.requiredDate(from, labels.roleFrom(), "the role's first day", place);
    LocalDate last = ContributorRules.date(to, labels.roleTo(), place);
    ContributorRules.notAfter(first, today, labels.roleFrom(), place);
    if (first != null && last != null && last.isBefore(first)) {
      place.add(labels.roleTo(), labels.roleTo() + " " + last + " is before " + labels.roleFrom() + " " + first
          + ": a role ends on or after its first day");
    }
    return new Role(checkedRole, first, last);
  }

  /** A role's name when one is given, else null. */
  String optionalRole(String role) {
    return ContributorRules.blankToNull(role) == null ? null : ContributorRules.role(role, labels.role(), place);
  }

  /** A contribution is not dated before its contributor joined. */
  void contributionNotBeforeJoining(LocalDate day, String handle, LocalDate joined) {
    notBeforeJoining(day, handle, joined, labels.date());
  }

  /** A role does not start before its contributor joined. */
  void roleNotBeforeJoining(LocalDate from, String handle, LocalDate joined) {
    notBeforeJoining(from, handle, joined, labels.roleFrom());
  }

  /** Throws {@link InvalidContributorData} with every problem found, if there is one. */
  void rejectIfAny(String summary) {
    InvalidContributorData.throwIfAny(summary, place.problems());
  }

  private void notBeforeJoining(LocalDate day, String handle, LocalDate joined, String field) {
    if (day != null && joined != null && day.isBefore(joined)) {
      place.add(field, field + " " + day + " is before '" + handle + "' joined the pathway on " + joined
          + "; correct the date, or the day they joined");
    }
  }
}
