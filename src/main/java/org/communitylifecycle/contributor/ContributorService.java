package org.communitylifecycle.contributor;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.communitylifecycle.community.CommunityDirectory;
import org.communitylifecycle.community.CommunityDirectory.Community;
import org.communitylifecycle.contributor.ContributorExceptions.DuplicateContributor;
import org.communitylifecycle.contributor.ContributorExceptions.TierRuleGap;
import org.communitylifecycle.contributor.ContributorExceptions.UnknownCommunity;
import org.communitylifecycle.contributor.ContributorExceptions.UnknownContributor;
import org.communitylifecycle.contributor.ContributorFields.Contribution;
import org.communitylifecycle.contributor.ContributorFields.Person;
import org.communitylifecycle.contributor.ContributorFields.Role;
import org.communitylifecycle.contributor.ContributorStore.Stored;
import org.communitylifecycle.contributor.ContributorViews.Conversion;
import org.communitylifecycle.contributor.ContributorViews.Detail;
import org.communitylifecycle.contributor.ContributorViews.ImportResult;
import org.communitylifecycle.contributor.ContributorViews.Recorded;
import org.communitylifecycle.contributor.ContributorViews.Summary;
import org.communitylifecycle.engine.AppClock;
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

  private static final String NOT_RECORDED = "The contribution was not recorded";

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
    ContributorFields fields = apiFields();
    Person person = fields.person(handle, name, joinedOn);
    fields.rejectIfAny("The contributor was not added");
    store.find(communityKey, person.handle()).ifPresent(c -> {
      throw new DuplicateContributor(communityKey, person.handle(), c.handle());
    });
    LocalDate joined = person.joinedOn() == null ? today() : person.joinedOn();
    return detail(store.insert(communityKey, person.handle(), person.name(), joined));
  }

  /** Records a contribution of an existing contributor; recording the same one again changes nothing. */
  @Transactional
  public Recorded addContribution(String communityKey, String handle, String date, String kind, String reference) {
    Stored contributor = existing(communityKey, handle);
    ContributorFields fields = apiFields();
    Contribution contribution = fields.contribution(date, kind, reference);
    fields.contributionNotBeforeJoining(contribution.date(), contributor.handle(), contributor.joinedOn());
    fields.rejectIfAny(NOT_RECORDED);
    String before = tierToday(contributor.id()).id();
    boolean added = store.addContribution(contributor.id(), contribution.date(), contribution.kind(),
        contribution.reference());
    recompute(communityKey, contributor, decision::decide);
    return new Recorded(detail(contributor), false, added, before);
  }

  /** Records a leadership or ownership role; the same role from the same day is updated, not doubled. */
  @Transactional
  public Recorded addRole(String communityKey, String handle, String role, String from, String to) {
    Stored contributor = existing(communityKey, handle);
    ContributorFields fields = apiFields();
    Role checked = fields.role(role, from, to);
    fields.roleNotBeforeJoining(checked.from(), contributor.handle(), contributor.joinedOn());
    fields.rejectIfAny("The role was not recorded");
    String before = tierToday(contributor.id()).id();
    ContributorStore.RoleWrite written = store.putRole(contributor.id(), checked.role(), checked.from(), checked.to());
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
    ContributorFields fields = ContributorFields.of(ContributorFields.FORM, today());
    Person person = fields.person(handle, name, joinedOn);
    Contribution contribution = fields.contribution(date, kind, reference);
    String checkedRole = fields.optionalRole(role);
    fields.rejectIfAny(NOT_RECORDED);
    // The joining day is asked for new contributors only; an existing one keeps theirs.
    Optional<Stored> found = store.find(communityKey, person.handle());
    LocalDate joined = found.map(Stored::joinedOn)
        .orElse(person.joinedOn() != null ? person.joinedOn() : contribution.date());
    fields.contributionNotBeforeJoining(contribution.date(), person.handle(), joined);
    fields.rejectIfAny(NOT_RECORDED);

    String before = found.map(c -> tierToday(c.id()).id()).orElse(Tier.NONE.id());
    Stored contributor = found.isEmpty()
        ? store.insert(communityKey, person.handle(), person.name(), joined)
        : renamed(found.get(), person.name());
    boolean added = store.addContribution(contributor.id(), contribution.date(), contribution.kind(),
        contribution.reference());
    if (checkedRole != null) {
      store.putRole(contributor.id(), checkedRole, contribution.date(), null);
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

  /** Checks every row, then writes them all; a tier is decided once per distinct inputs. */
  private ImportResult importChecked(String communityKey, List<ContributorRecord> records,
      List<ContributorProblem> earlier) {
    ContributorImport checked = ContributorImport.check(communityKey, store, today(), records, earlier);
    Map<TierDecision.Inputs, Tier> decided = new HashMap<>();
    Function<TierDecision.Inputs, Tier> decide = inputs -> decided.computeIfAbsent(inputs, decision::decide);
    return checked.write(contributor -> recompute(communityKey, contributor, decide));
  }

  /**
   * Decides the tier history of these contributors again, each once, with one decision per
   * distinct inputs; the number whose history changed. Used after sourced contributions, merges
   * and splits, and by the bulk recompute.
   */
  int recomputeTiers(String communityKey, java.util.Collection<Stored> contributors) {
    return recomputeTiersOf(communityKey, contributors).size();
  }

  /**
   * The same in bulk, with a few queries for all of them rather than a few each: their
   * contributions, roles and conversion points are read together, and only the histories that
   * changed are written. Returns each changed contributor with their tier today before and after.
   */
  Map<Stored, String[]> recomputeTiersOf(String communityKey, java.util.Collection<Stored> contributors) {
    Map<Stored, String[]> changed = new java.util.LinkedHashMap<>();
    if (contributors.isEmpty()) {
      return changed;
    }
    List<Long> ids = contributors.stream().map(Stored::id).toList();
    Map<Long, List<LocalDate>> days = store.contributionDaysOf(ids);
    Map<Long, List<TierTimeline.Role>> roles = store.rolesOf(ids);
    Map<Long, List<TierTimeline.Change>> current = store.tierChangesOf(ids);
    Function<TierDecision.Inputs, Tier> decide = decision.bulk();
    Map<Long, List<TierTimeline.Change>> writes = new java.util.LinkedHashMap<>();
    LocalDate today = today();
    for (Stored contributor : contributors) {
      List<TierTimeline.Change> changes = TierTimeline.changes(days.getOrDefault(contributor.id(), List.of()),
          roles.getOrDefault(contributor.id(), List.of()), properties.window(), decide, gap(communityKey, contributor));
      List<TierTimeline.Change> before = current.getOrDefault(contributor.id(), List.of());
      if (!changes.equals(before)) {
        writes.put(contributor.id(), changes);
        changed.put(contributor, new String[] {tierOn(before, today).id(), tierOn(changes, today).id()});
      }
    }
    store.replaceTierChanges(writes);
    return changed;
  }

  private static Tier tierOn(List<TierTimeline.Change> changes, LocalDate day) {
    Tier tier = Tier.NONE;
    for (TierTimeline.Change change : changes) {
      if (!change.on().isAfter(day)) {
        tier = change.to();
      }
    }
    return tier;
  }

  private static TierTimeline.GapReport gap(String communityKey, Stored contributor) {
    return (day, inputs) -> new TierRuleGap("No rule of the decision '" + TierDecision.DECISION_KEY
        + "' gives a tier for contributor '" + contributor.handle() + "' of '" + communityKey + "' on " + day
        + " (" + inputs + "), so nothing was recorded. A process designer must add a rule for these inputs"
        + " to processes/contributor-tier.dmn.");
  }

  /** The tier of a stored contributor today. */
  String tierToday(Stored contributor) {
    return tierToday(contributor.id()).id();
  }

  /** The contributor in full, as the API shows it. */
  Detail detailOf(Stored contributor) {
    return detail(contributor);
  }

  /** A contributor of a community, or UnknownContributor. */
  Stored existingContributor(String communityKey, String handle) {
    return existing(communityKey, handle);
  }

  // --- shared ---

  /** A contributor of a community, both known (else UnknownCommunity, then UnknownContributor). */
  private Stored existing(String communityKey, String handle) {
    community(communityKey);
    return store.find(communityKey, handle == null ? "" : handle.trim())
        .orElseThrow(() -> new UnknownContributor(communityKey, handle));
  }

  /** Checks of the fields an API caller sends, today. */
  private ContributorFields apiFields() {
    return ContributorFields.of(ContributorFields.API, today());
  }

  /** The contributor under the name given, when one is given and differs. */
  private Stored renamed(Stored contributor, String name) {
    if (name == null || name.equals(contributor.name())) {
      return contributor;
    }
    store.update(contributor.id(), name, contributor.joinedOn());
    return new Stored(contributor.id(), contributor.handle(), name, contributor.joinedOn());
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
        store.contributions(contributor.id()), store.roles(contributor.id()), past, next,
        store.identities(contributor.id()));
  }

  private LocalDate today() {
    return LocalDate.now(clock);
  }
}
