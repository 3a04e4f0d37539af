package org.communitylifecycle.contributor;

import java.time.LocalDate;

/**
 * One row of contributor data to import: a contributor, and optionally one contribution and one
 * role of theirs. Text fields are checked on import; blank ones count as absent.
 *
 * @param line where the row came from (the CSV line, the header being line 1), for error messages
 * @param handle the contributor's handle, unique in the community regardless of case
 * @param name their name, optional
 * @param joinedOn the day they joined the pathway; for a new contributor without one, their
 *     earliest contribution or role in the import
 * @param activityDate the day of a contribution, with {@code activityKind}
 * @param activityKind what kind of contribution: code, docs, translation, support, event, review...
 * @param activityReference a link or other reference that tells two contributions of a kind on a day apart
 * @param role a leadership or ownership role, with {@code roleFrom}
 * @param roleFrom the role's first day
 * @param roleTo the role's last day, or null while it is held
 */
public record ContributorRecord(
    int line,
    String handle,
    String name,
    LocalDate joinedOn,
    LocalDate activityDate,
    String activityKind,
    String activityReference,
    String role,
    LocalDate roleFrom,
    LocalDate roleTo) {

  /** A contributor with one contribution. */
  public static ContributorRecord contribution(int line, String handle, String name, LocalDate joinedOn,
      LocalDate date, String kind) {
    return new ContributorRecord(line, handle, name, joinedOn, date, kind, null, null, null, null);
  }

  /** A contributor with one role. */
  public static ContributorRecord role(int line, String handle, String role, LocalDate from, LocalDate to) {
    return new ContributorRecord(line, handle, null, null, null, null, null, role, from, to);
  }
}
