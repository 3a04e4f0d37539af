package org.communitylifecycle.contributor;

import static org.communitylifecycle.contributor.ContributorCsv.*;

import java.time.Clock;
import org.communitylifecycle.engine.AppClock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.communitylifecycle.community.CommunityDirectory;
import org.communitylifecycle.community.CommunityDirectory.Community;
import org.communitylifecycle.contributor.ContributorExceptions.DuplicateContributor;
import org.communitylifecycle.contributor.ContributorExceptions.InvalidContributorData;
import org.communitylifecycle.contributor.ContributorExceptions.TierRuleGap;
import org.communitylifecycle.contributor.ContributorExceptions.UnknownCommunity;
import org.communitylifecycle.contributor.ContributorExceptions.UnknownContributor;
import org.communitylifecycle.contributor.ContributorRules.Place;
import org.communitylifecycle.contributor.ContributorStore.Stored;
import org.communitylifecycle.contributor.ContributorViews.Conversion;
import org.communitylifecycle.contributor.ContributorViews.Detail;
import org.communitylifecycle.contributor.ContributorViews.ImportResult;
import org.communitylifecycle.contributor.ContributorViews.Recorded;
import org.communitylifecycle.contributor.ContributorViews.Summary;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records contributors, their contributions and their roles, and keeps each contributor's tier
 * history up to date through the decision {@code contributor-tier}. Every write checks all of its
 * input first and then writes in one transaction: input with a problem, or a gap in the tier
 * rules, changes nothing. Who may call it for which community is the caller's to check
 * ({@link CommunityDirectory#mayRead}).
 */
@Service
public class ContributorService {

  private final CommunityDirectory communities;
  private final ContributorStore store;
  private final TierDecision decision;
  private final ContributorProperties properties;
  private final Clock clock;

  @Autowired
  ContributorService(CommunityDirectory communities, ContributorStore store, TierDecision decision,
      ContributorProperties properties) {
    this(communities, store, decision, properties, AppClock.clock());
  }

  ContributorService(CommunityDirectory communities, ContributorStore store, TierDecision decision,
      ContributorProperties properties, Clock clock) {
    this.communities = communities;
    this.store = store;
    this.decision = decision;
    this.properties = properties;
    this.clock = clock;
  }

  /** The community, or {@link UnknownCommunity}. */
  public Community community(String communityKey) {
    return communities.find(communityKey).orElseThrow(() -> new UnknownCommunity(communityKey));
  }

  public List<Summary> list(String communityKey) {
    community(communityKey);
    return store.summaries(communityKey, today());
  }

  public Detail get(String communityKey, String handle) {
    community(communityKey);
    return detail(existing(communityKey, handle));
  }

  /** Conversion points between two days, inclusive, oldest first. */
  public List<Conversion> conversions(String communityKey, LocalDate since, LocalDate until) {
    community(communityKey);
    return store.conversions(communityKey, since == null ? LocalDate.of(1900, 1, 1) : since,
        until == null ? today() : until);
  }

  /** Adds a contributor who joined the pathway on {@code joinedOn} (today when blank). */
  @Transactional
  public Detail create(String communityKey, String handle, String name, String joinedOn) {
    community(communityKey);
    List<ContributorProblem> problems = new ArrayList<>();
    Place place = new Place(null, problems);
    String checkedHandle = ContributorRules.handle(handle, "handle", place);
    String checkedName = ContributorRules.name(name, "name", place);
    LocalDate joined = ContributorRules.date(joinedOn, "joinedOn", place);
    ContributorRules.notAfter(joined, today(), "joinedOn", place);
    reject("The contributor was not added", problems);
    store.find(communityKey, checkedHandle).ifPresent(c -> {
      throw new DuplicateContributor(communityKey, checkedHandle, c.handle());
    });
    return detail(store.insert(communityKey, checkedHandle, checkedName, joined == null ? today() : joined));
  }

  /** Records a contribution of an existing contributor; recording the same one again changes nothing. */
  @Transactional
  public Recorded addContribution(String communityKey, String handle, String date, String kind, String reference) {
    community(communityKey);
    Stored contributor = existing(communityKey, handle);
    List<ContributorProblem> problems = new ArrayList<>();
    Place place = new Place(null, problems);
    LocalDate day = ContributorRules.requiredDate(date, "date", "the day of the contribution", place);
    ContributorRules.notAfter(day, today(), "date", place);
    String checkedKind = ContributorRules.kind(kind, "kind", place);
    String checkedReference = ContributorRules.reference(reference, "reference", place);
    notBeforeJoining(day, contributor.handle(), contributor.joinedOn(), "date", place);
    reject("The contribution was not recorded", problems);
    String before = tierToday(contributor.id()).id();
    boolean added = store.addContribution(contributor.id(), day, checkedKind, checkedReference);
    recompute(communityKey, contributor, decision::decide);
    return new Recorded(detail(contributor), false, added, before);
  }

  /** Records a leadership or ownership role; the same role from the same day is updated, not doubled. */
  @Transactional
  public Recorded addRole(String communityKey, String handle, String role, String from, String to) {
    community(communityKey);
    Stored contributor = existing(communityKey, handle);
    List<ContributorProblem> problems = new ArrayList<>();
    Place place = new Place(null, problems);
    String checkedRole = ContributorRules.role(role, "role", place);
    LocalDate first = ContributorRules.requiredDate(from, "from", "the role's first day", place);
    LocalDate last = ContributorRules.date(to, "to", place);
    ContributorRules.notAfter(first, today(), "from", place);
    roleDates(first, last, "from", "to", place);
    notBeforeJoining(first, contributor.handle(), contributor.joinedOn(), "from", place);
    reject("The role was not recorded", problems);
    String before = tierToday(contributor.id()).id();
    ContributorStore.RoleWrite written = store.putRole(contributor.id(), checkedRole, first, last);
    recompute(communityKey, contributor, decision::decide);
    return new Recorded(detail(contributor), false, written != ContributorStore.RoleWrite.UNCHANGED, before);
  }

  /**
   * Records a contribution from the Tasklist form: adds the contributor if new (joining on
   * {@code joinedOn}, or on the day of the contribution), and the role if one is named (from the
   * day of the contribution).
   */
  @Transactional
  public Recorded record(String communityKey, String handle, String name, String joinedOn, String date, String kind,
      String reference, String role) {
    community(communityKey);
    List<ContributorProblem> problems = new ArrayList<>();
    Place place = new Place(null, problems);
    String checkedHandle = ContributorRules.handle(handle, "Handle", place);
    String checkedName = ContributorRules.name(name, "Name", place);
    LocalDate joined = ContributorRules.date(joinedOn, "Joined the pathway on", place);
    ContributorRules.notAfter(joined, today(), "Joined the pathway on", place);
    LocalDate day = ContributorRules.requiredDate(date, "Date of the contribution", "the day of the contribution", place);
    ContributorRules.notAfter(day, today(), "Date of the contribution", place);
    String checkedKind = ContributorRules.kind(kind, "Kind of contribution", place);
    String checkedReference = ContributorRules.reference(reference, "Reference", place);
    String checkedRole = ContributorRules.blankToNull(role) == null ? null : ContributorRules.role(role, "Role", place);
    reject("The contribution was not recorded", problems);

    // The joining day is asked for new contributors only; an existing one keeps theirs.
    Optional<Stored> found = store.find(communityKey, checkedHandle);
    LocalDate joinedDay = found.map(Stored::joinedOn).orElse(joined != null ? joined : day);
    notBeforeJoining(day, checkedHandle, joinedDay, "Date of the contribution", place);
    reject("The contribution was not recorded", problems);

    Stored contributor;
    String before;
    if (found.isEmpty()) {
      contributor = store.insert(communityKey, checkedHandle, checkedName, joinedDay);
      before = Tier.NONE.id();
    } else {
      contributor = found.get();
      before = tierToday(contributor.id()).id();
      if (checkedName != null && !checkedName.equals(contributor.name())) {
        store.update(contributor.id(), checkedName, contributor.joinedOn());
        contributor = new Stored(contributor.id(), contributor.handle(), checkedName, contributor.joinedOn());
      }
    }
    boolean added = store.addContribution(contributor.id(), day, checkedKind, checkedReference);
    if (checkedRole != null) {
      store.putRole(contributor.id(), checkedRole, day, null);
    }
    recompute(communityKey, contributor, decision::decide);
    return new Recorded(detail(contributor), found.isEmpty(), added, before);
  }

  /** Imports a CSV file (see docs/contributors.md): every row is checked first, then all are written or none. */
  @Transactional
  public ImportResult importCsv(String communityKey, String csv) {
    community(communityKey);
    ContributorCsv.Parsed parsed = ContributorCsv.parse(csv, properties.importMaxRows());
    return importChecked(communityKey, parsed.records(), parsed.problems());
  }

  /** Imports rows built in code, as the demo data is; the same checks as for a file. */
  @Transactional
  public ImportResult importRecords(String communityKey, List<ContributorRecord> records) {
    community(communityKey);
    return importChecked(communityKey, records, List.of());
  }

  /** Whether the community has any contributor yet. */
  public boolean hasContributors(String communityKey) {
    return store.hasContributors(communityKey);
  }

  // --- import ---

  /** The rows of one contributor in an import. */
  private static final class Group {
    final String handle;
    final int firstLine;
    String name;
    Integer nameLine;
    LocalDate joinedOn;
    Integer joinedLine;
    final List<ContributorRecord> rows = new ArrayList<>();

    Group(String handle, int firstLine) {
      this.handle = handle;
      this.firstLine = firstLine;
    }

    Stream<LocalDate> dates() {
      return rows.stream().flatMap(r -> Stream.of(r.activityDate(), r.roleFrom())).filter(Objects::nonNull);
    }
  }

  private ImportResult importChecked(String communityKey, List<ContributorRecord> records,
      List<ContributorProblem> earlier) {
    List<ContributorProblem> problems = new ArrayList<>(earlier);
    LocalDate today = today();
    Map<String, Group> groups = new LinkedHashMap<>();
    for (ContributorRecord row : records) {
      Place place = new Place(row.line(), problems);
      int before = problems.size();
      String handle = ContributorRules.handle(row.handle(), HANDLE, place);
      String name = ContributorRules.name(row.name(), NAME, place);
      ContributorRules.notAfter(row.joinedOn(), today, JOINED_ON, place);
      String kind = null;
      String reference = null;
      String role = null;
      boolean contribution = row.activityDate() != null || row.activityKind() != null || row.activityReference() != null;
      if (contribution) {
        ContributorRules.requiredDate(row.activityDate() == null ? null : row.activityDate().toString(),
            ACTIVITY_DATE, "the day of the contribution", place);
        ContributorRules.notAfter(row.activityDate(), today, ACTIVITY_DATE, place);
        kind = ContributorRules.kind(row.activityKind(), ACTIVITY_KIND, place);
        reference = ContributorRules.reference(row.activityReference(), ACTIVITY_REFERENCE, place);
      }
      if (row.role() != null || row.roleFrom() != null || row.roleTo() != null) {
        role = ContributorRules.role(row.role(), ROLE, place);
        ContributorRules.requiredDate(row.roleFrom() == null ? null : row.roleFrom().toString(),
            ROLE_FROM, "the role's first day", place);
        ContributorRules.notAfter(row.roleFrom(), today, ROLE_FROM, place);
        roleDates(row.roleFrom(), row.roleTo(), ROLE_FROM, ROLE_TO, place);
      }
      if (problems.size() > before) {
        continue;
      }
      Group group = groups.computeIfAbsent(ContributorRules.handleKey(handle), k -> new Group(handle, row.line()));
      if (row.joinedOn() != null) {
        if (group.joinedOn != null && !group.joinedOn.equals(row.joinedOn())) {
          place.add(JOINED_ON, JOINED_ON + " " + row.joinedOn() + " differs from " + group.joinedOn + " on line "
              + group.joinedLine + " for the same contributor '" + group.handle + "'");
        } else if (group.joinedOn == null) {
          group.joinedOn = row.joinedOn();
          group.joinedLine = row.line();
        }
      }
      if (name != null) {
        if (group.name != null && !group.name.equals(name)) {
          place.add(NAME, NAME + " '" + name + "' differs from '" + group.name + "' on line " + group.nameLine
              + " for the same contributor '" + group.handle + "'");
        } else if (group.name == null) {
          group.name = name;
          group.nameLine = row.line();
        }
      }
      group.rows.add(new ContributorRecord(row.line(), handle, name, row.joinedOn(), row.activityDate(), kind,
          reference, role, row.roleFrom(), row.roleTo()));
    }

    Map<Group, Optional<Stored>> existing = new LinkedHashMap<>();
    for (Group group : groups.values()) {
      Optional<Stored> stored = store.find(communityKey, group.handle);
      existing.put(group, stored);
      LocalDate joined = joinedOn(group, stored);
      if (joined == null) {
        problems.add(new ContributorProblem(group.firstLine, JOINED_ON, "'" + group.handle
            + "' is a new contributor: give " + JOINED_ON + ", or a contribution or role to date their joining from"));
        continue;
      }
      if (stored.isPresent() && group.joinedOn != null && group.joinedOn.isAfter(stored.get().joinedOn())) {
        store.earliestRecordedDay(stored.get().id())
            .filter(first -> first.isBefore(group.joinedOn))
            .ifPresent(first -> problems.add(new ContributorProblem(group.joinedLine, JOINED_ON, JOINED_ON + " "
                + group.joinedOn + " is after " + first + ", when '" + group.handle
                + "' already has a contribution or role on record")));
      }
      for (ContributorRecord row : group.rows) {
        Place place = new Place(row.line(), problems);
        notBeforeJoining(row.activityDate(), group.handle, joined, ACTIVITY_DATE, place);
        notBeforeJoining(row.roleFrom(), group.handle, joined, ROLE_FROM, place);
      }
    }
    problems.sort(Comparator.comparing(ContributorProblem::line, Comparator.nullsFirst(Comparator.naturalOrder())));
    long badRows = problems.stream().map(ContributorProblem::line).distinct().count();
    reject("Nothing was imported: " + badRows + (badRows == 1 ? " row has" : " rows have") + " problems", problems);

    int added = 0, updated = 0, contributions = 0, rolesAdded = 0, rolesUpdated = 0, retimed = 0;
    Map<TierDecision.Inputs, Tier> decided = new HashMap<>();
    Function<TierDecision.Inputs, Tier> decide = inputs -> decided.computeIfAbsent(inputs, decision::decide);
    for (Map.Entry<Group, Optional<Stored>> entry : existing.entrySet()) {
      Group group = entry.getKey();
      LocalDate joined = joinedOn(group, entry.getValue());
      Stored contributor;
      if (entry.getValue().isEmpty()) {
        contributor = store.insert(communityKey, group.handle, group.name, joined);
        added++;
      } else {
        contributor = entry.getValue().get();
        String name = group.name != null ? group.name : contributor.name();
        if (!Objects.equals(name, contributor.name()) || !joined.equals(contributor.joinedOn())) {
          store.update(contributor.id(), name, joined);
          updated++;
        }
      }
      for (ContributorRecord row : group.rows) {
        if (row.activityDate() != null
            && store.addContribution(contributor.id(), row.activityDate(), row.activityKind(), row.activityReference())) {
          contributions++;
        }
        if (row.roleFrom() != null) {
          switch (store.putRole(contributor.id(), row.role(), row.roleFrom(), row.roleTo())) {
            case ADDED -> rolesAdded++;
            case UPDATED -> rolesUpdated++;
            case UNCHANGED -> { }
          }
        }
      }
      if (recompute(communityKey, contributor, decide)) {
        retimed++;
      }
    }
    return new ImportResult(records.size(), added, updated, contributions, rolesAdded,
        rolesUpdated, retimed);
  }

  private static LocalDate joinedOn(Group group, Optional<Stored> stored) {
    if (group.joinedOn != null) {
      return group.joinedOn;
    }
    return stored.map(Stored::joinedOn).orElseGet(() -> group.dates().min(Comparator.naturalOrder()).orElse(null));
  }

  // --- shared ---

  private Stored existing(String communityKey, String handle) {
    return store.find(communityKey, handle == null ? "" : handle.trim())
        .orElseThrow(() -> new UnknownContributor(communityKey, handle));
  }

  /**
   * Rebuilds the contributor's conversion points from all their contributions and roles; true
   * when they changed. A gap in the rules throws, and the caller's transaction writes nothing.
   */
  private boolean recompute(String communityKey, Stored contributor, Function<TierDecision.Inputs, Tier> decide) {
    List<LocalDate> days = store.contributions(contributor.id()).stream().map(ContributorViews.Contribution::date).toList();
    List<TierTimeline.Role> roles =
        store.roles(contributor.id()).stream().map(r -> new TierTimeline.Role(r.from(), r.to())).toList();
    List<TierTimeline.Change> changes = TierTimeline.changes(days, roles, properties.window(), decide,
        (day, inputs) -> new TierRuleGap("No rule of the decision '" + TierDecision.DECISION_KEY
            + "' gives a tier for contributor '" + contributor.handle() + "' of '" + communityKey + "' on " + day
            + " (" + inputs + "), so nothing was recorded. A process designer must add a rule for these inputs"
            + " to processes/contributor-tier.dmn."));
    if (changes.equals(store.tierChanges(contributor.id()))) {
      return false;
    }
    store.replaceTierChanges(contributor.id(), changes);
    return true;
  }

  private Tier tierToday(long contributorId) {
    LocalDate today = today();
    Tier tier = Tier.NONE;
    for (TierTimeline.Change change : store.tierChanges(contributorId)) {
      if (!change.on().isAfter(today)) {
        tier = change.to();
      }
    }
    return tier;
  }

  private Detail detail(Stored contributor) {
    LocalDate today = today();
    List<TierTimeline.Change> changes = store.tierChanges(contributor.id());
    List<Conversion> past = new ArrayList<>();
    Conversion next = null;
    for (TierTimeline.Change change : changes) {
      Conversion conversion = new Conversion(contributor.handle(), change.from().id(), change.to().id(), change.on());
      if (!change.on().isAfter(today)) {
        past.add(conversion);
      } else if (next == null) {
        next = conversion;
      }
    }
    String tier = past.isEmpty() ? Tier.NONE.id() : past.get(past.size() - 1).toTier();
    return new Detail(contributor.handle(), contributor.name(), contributor.joinedOn(), tier,
        store.contributions(contributor.id()), store.roles(contributor.id()), past, next);
  }

  private static void roleDates(LocalDate from, LocalDate to, String fromField, String toField, Place place) {
    if (from != null && to != null && to.isBefore(from)) {
      place.add(toField, toField + " " + to + " is before " + fromField + " " + from + ": a role ends on or after its first day");
    }
  }

  private static void notBeforeJoining(LocalDate day, String handle, LocalDate joined, String field, Place place) {
    if (day != null && joined != null && day.isBefore(joined)) {
      place.add(field, field + " " + day + " is before '" + handle + "' joined the pathway on " + joined
          + "; correct the date, or the day they joined");
    }
  }

  private static void reject(String summary, List<ContributorProblem> problems) {
    if (!problems.isEmpty()) {
      throw new InvalidContributorData(summary, problems);
    }
  }

  private LocalDate today() {
    return LocalDate.now(clock);
  }
}
