package org.communitylifecycle.contributor;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.communitylifecycle.contributor.ContributorExceptions.InvalidContributorData;
import org.communitylifecycle.contributor.ContributorStore.Stored;
import org.communitylifecycle.contributor.ContributorViews.Detail;
import org.communitylifecycle.contributor.ContributorViews.PossibleDuplicate;
import org.communitylifecycle.contributor.IdentityStore.NewContribution;
import org.communitylifecycle.contributor.IdentityStore.StoredIdentity;
import org.communitylifecycle.contributor.SourcedEvent.Account;
import org.communitylifecycle.engine.AppClock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * People, not accounts: the contributions sources fetch are credited to the person an account
 * belongs to (SortingHat's idea, for one community). A new account becomes a new contributor,
 * unless the same record names another account of a known person (a commit's email next to its
 * login), or a contributor typed in by hand has the account's name as handle and no account of
 * that kind yet. Two people whose accounts share an email address are merged. Anything else is
 * merged or split by a person: through the API or the Tasklist process "Review possible
 * duplicates". Tiers are per person and are decided again after every change.
 */
@Service
public class ContributorIdentities {

  /** Names at least this similar (Jaro-Winkler) are offered as possible duplicates. */
  static final double SIMILAR = 0.88;

  private final ContributorService contributors;
  private final ContributorStore store;
  private final IdentityStore identities;

  ContributorIdentities(ContributorService contributors, ContributorStore store, IdentityStore identities) {
    this.contributors = contributors;
    this.store = store;
    this.identities = identities;
  }

  /**
   * What writing a batch of sourced events did.
   *
   * @param contributionsAdded contributions that were new
   * @param contributorsAdded people seen for the first time
   * @param merged people merged into others because an email address matched
   * @param skipped events of erased people, or with a reference or kind that cannot be stored
   * @param tierHistoriesChanged contributors whose conversion points changed
   */
  public record Written(int events, int contributionsAdded, int contributorsAdded, int merged, int skipped,
      int tierHistoriesChanged) {}

  /**
   * Writes a batch of events from a source, in the caller's transaction: identities first, then
   * the contributions in JDBC batches. The people whose contributions changed are marked; their
   * tier histories are decided again, each once, when {@code lastOfSync} is true (the sync's last
   * batch), so a sync of many batches does not decide everyone after each. Writing the same events
   * again adds nothing.
   */
  @Transactional
  public Written write(String communityKey, long sourceId, List<SourcedEvent> events, boolean lastOfSync) {
    contributors.community(communityKey);
    Map<String, StoredIdentity> known = identities.all(communityKey);
    Map<String, Stored> handles = store.byHandleKey(communityKey);
    Set<String> erased = identities.erased(communityKey, accountKeys(events));
    Set<Long> changed = new LinkedHashSet<>();
    Map<Long, LocalDate> firstDay = new HashMap<>();
    List<NewContribution> rows = new ArrayList<>();
    int added = 0;
    int merged = 0;
    int skipped = 0;
    for (SourcedEvent event : events) {
      List<Account> accounts = event.accounts().stream()
          .filter(a -> a.value() != null && !a.value().isBlank())
          .filter(a -> !erased.contains(IdentityStore.key(a.kind(), a.value())))
          .toList();
      String reference = event.reference() == null ? "" : event.reference().trim();
      if (accounts.isEmpty() || !accounts.get(0).equals(event.author())
          || reference.length() > ContributorRules.REFERENCE_MAX || !validKind(event.kind())) {
        skipped++;
        continue;
      }
      LocalDate day = LocalDate.ofInstant(event.occurredAt(), ZoneOffset.UTC);
      // The people the event's accounts belong to, the credited account's first.
      LinkedHashSet<Long> people = new LinkedHashSet<>();
      for (Account account : accounts) {
        StoredIdentity identity = known.get(IdentityStore.key(account.kind(), account.value()));
        if (identity != null) {
          people.add(identity.contributorId());
        }
      }
      long person;
      if (people.isEmpty()) {
        Account author = accounts.get(0);
        Optional<Stored> byHandle = handMadeWithoutAccount(handles, known, author);
        Stored found = byHandle.orElse(null);
        if (found == null) {
          String handle = freeHandle(handles, author);
          found = store.insert(communityKey, handle, name(accounts), day);
          handles.put(ContributorRules.handleKey(handle), found);
          added++;
        }
        person = found.id();
      } else {
        List<Long> all = new ArrayList<>(people);
        person = all.get(0);
        for (Long other : all.subList(1, all.size())) {
          // One record names accounts of two people: they are one (an email or login matched).
          identities.moveAll(other, person);
          changed.remove(other);
          changed.add(person);
          LocalDate otherFirst = firstDay.remove(other);
          if (otherFirst != null) {
            firstDay.merge(person, otherFirst, (a, b) -> a.isBefore(b) ? a : b);
          }
          handles.values().removeIf(h -> h.id() == other);
          for (StoredIdentity moved : new ArrayList<>(known.values())) {
            if (moved.contributorId() == other) {
              known.put(moved.kind() + ":" + moved.valueKey(),
                  new StoredIdentity(moved.id(), person, moved.kind(), moved.valueKey()));
            }
          }
          rows.replaceAll(r -> r.contributorId() == other
              ? new NewContribution(person, r.identityId(), r.on(), r.kind(), r.reference()) : r);
          merged++;
        }
      }
      long credited = 0;
      for (Account account : accounts) {
        String key = IdentityStore.key(account.kind(), account.value());
        StoredIdentity identity = known.get(key);
        if (identity == null) {
          identity = identities.insert(communityKey, person, account.kind(), account.value(), account.displayName());
          known.put(key, identity);
        }
        if (credited == 0) {
          credited = identity.id();
        }
      }
      rows.add(new NewContribution(person, credited, day, event.kind(), reference));
      firstDay.merge(person, day, (a, b) -> a.isBefore(b) ? a : b);
    }
    IdentityStore.Added written = identities.addContributions(sourceId, rows);
    changed.addAll(written.contributors());
    Map<Long, LocalDate> joined = new HashMap<>(firstDay);
    joined.keySet().retainAll(changed);
    identities.joinedNoLaterThan(joined);
    identities.markStale(changed);
    int decided = 0;
    if (lastOfSync) {
      List<Stored> stale = identities.takeStale(communityKey).stream().map(this::stored).flatMap(Optional::stream).toList();
      decided = contributors.recomputeTiers(communityKey, stale);
    }
    return new Written(events.size(), written.count(), added, merged, skipped, decided);
  }

  /** The same, deciding the tiers at once: one batch that is a whole sync. */
  @Transactional
  public Written write(String communityKey, long sourceId, List<SourcedEvent> events) {
    return write(communityKey, sourceId, events, true);
  }

  /**
   * Merges {@code otherHandle} into {@code handle}: one person with the accounts, contributions
   * and roles of both, who joined on the earlier day. The other handle is gone afterwards.
   */
  @Transactional
  public Detail merge(String communityKey, String handle, String otherHandle) {
    Stored into = contributors.existingContributor(communityKey, handle);
    Stored from = contributors.existingContributor(communityKey, otherHandle);
    if (into.id() == from.id()) {
      throw new InvalidContributorData("Nothing was merged", List.of(new ContributorProblem(null, "from",
          "'" + otherHandle + "' and '" + handle + "' are the same contributor; name another one to merge")));
    }
    identities.moveAll(from.id(), into.id());
    Stored merged = stored(into.id()).orElseThrow();
    contributors.recomputeTiers(communityKey, List.of(merged));
    return contributors.detailOf(merged);
  }

  /**
   * Splits one account, with the contributions credited to it, off a contributor, as a contributor
   * of its own; the two are not offered as duplicates again. Returns the new contributor.
   */
  @Transactional
  public Detail split(String communityKey, String handle, String kind, String value, String decidedBy) {
    Stored from = contributors.existingContributor(communityKey, handle);
    List<ContributorProblem> problems = new ArrayList<>();
    if (kind == null || kind.isBlank() || value == null || value.isBlank()) {
      problems.add(new ContributorProblem(null, "kind", "give the account to split off: its kind (github, discourse,"
          + " email) and its value, as GET …/contributors/" + handle + " lists them under identities"));
      InvalidContributorData.throwIfAny("Nothing was split", problems);
    }
    List<StoredIdentity> accounts = identities.ofContributor(from.id());
    String valueKey = IdentityStore.valueKey(value);
    StoredIdentity account = accounts.stream()
        .filter(i -> i.kind().equals(kind.trim()) && i.valueKey().equals(valueKey)).findFirst()
        .orElseThrow(() -> new InvalidContributorData("Nothing was split", List.of(new ContributorProblem(null, "value",
            "'" + handle + "' has no " + kind + " account '" + value + "'; their accounts are "
                + accounts.stream().map(i -> i.kind() + " " + i.valueKey()).toList()))));
    if (accounts.size() == 1) {
      throw new InvalidContributorData("Nothing was split", List.of(new ContributorProblem(null, "value",
          "'" + value + "' is the only account of '" + handle + "', so there is nothing to split it from")));
    }
    Account asAccount = new Account(account.kind(), value.trim(), null);
    Stored created = store.insert(communityKey, freeHandle(store.byHandleKey(communityKey), asAccount), null, from.joinedOn());
    identities.moveIdentity(account.id(), from.id(), created.id());
    LocalDate first = identities.firstContribution(created.id());
    if (first != null) {
      identities.setJoined(created.id(), first);
    }
    identities.markDistinct(communityKey, from.id(), created.id(), decidedBy);
    Stored split = stored(created.id()).orElseThrow();
    contributors.recomputeTiers(communityKey, List.of(stored(from.id()).orElseThrow(), split));
    return contributors.detailOf(split);
  }

  /** Records that two contributors are two people: they are not offered as duplicates again. */
  @Transactional
  public void markDistinct(String communityKey, String handle, String otherHandle, String decidedBy) {
    Stored first = contributors.existingContributor(communityKey, handle);
    Stored second = contributors.existingContributor(communityKey, otherHandle);
    identities.markDistinct(communityKey, first.id(), second.id(), decidedBy);
  }

  /**
   * Erases a person: their contributor record, accounts, contributions, roles and conversion
   * points. Their accounts are remembered as hashes only, so that no sync brings them back.
   */
  @Transactional
  public void erase(String communityKey, String handle) {
    Stored person = contributors.existingContributor(communityKey, handle);
    identities.rememberErased(communityKey,
        identities.ofContributor(person.id()).stream().map(i -> i.kind() + ":" + i.valueKey()).toList());
    store.delete(person.id());
  }

  /**
   * Contributors who may be one person: names, handles or account names at least {@value #SIMILAR}
   * alike (Jaro-Winkler, ignoring case, accents and punctuation) and beginning with the same two
   * letters, most alike first, leaving out pairs a person called distinct.
   */
  public List<PossibleDuplicate> possibleDuplicates(String communityKey, int limit) {
    contributors.community(communityKey);
    Set<String> distinct = identities.distinctPairs(communityKey);
    List<Candidate> people = store.namesAndAccounts(communityKey).stream().map(Candidate::of).toList();
    JaroWinklerSimilarity similarity = new JaroWinklerSimilarity();
    List<PossibleDuplicate> found = new ArrayList<>();
    for (long pair : pairsSharingAPrefix(people)) {
      Candidate a = people.get((int) (pair / people.size()));
      Candidate b = people.get((int) (pair % people.size()));
      long low = Math.min(a.person.id(), b.person.id());
      long high = Math.max(a.person.id(), b.person.id());
      if (distinct.contains(low + "/" + high)) {
        continue;
      }
      double best = 0;
      String why = null;
      for (String x : a.names) {
        for (String y : b.names) {
          double score = x.equals(y) ? 1.0 : similarity.apply(x, y);
          if (score > best) {
            best = score;
            why = "'" + x + "' and '" + y + "'";
          }
        }
      }
      if (best >= SIMILAR) {
        found.add(new PossibleDuplicate(a.person.handle(), a.person.name(), b.person.handle(), b.person.name(),
            Math.round(best * 100) / 100.0, why + (best == 1.0 ? " are the same" : " are alike")));
      }
    }
    found.sort((x, y) -> Double.compare(y.similarity(), x.similarity()));
    return found.subList(0, Math.min(limit, found.size()));
  }

  /**
   * The pairs worth comparing, as {@code i * n + j} with i before j: those where a name of one
   * begins with the same two letters as a name of the other. Jaro-Winkler weighs the start of a
   * name most, so alike names share it; a community of thousands is not compared pair by pair.
   */
  private static java.util.SortedSet<Long> pairsSharingAPrefix(List<Candidate> people) {
    Map<String, List<Integer>> byPrefix = new HashMap<>();
    for (int i = 0; i < people.size(); i++) {
      for (String name : people.get(i).names()) {
        List<Integer> bucket = byPrefix.computeIfAbsent(name.substring(0, 2), k -> new ArrayList<>());
        if (bucket.isEmpty() || bucket.get(bucket.size() - 1).intValue() != i) {
          bucket.add(i);
        }
      }
    }
    java.util.SortedSet<Long> pairs = new java.util.TreeSet<>();
    long n = people.size();
    for (List<Integer> bucket : byPrefix.values()) {
      for (int x = 0; x < bucket.size(); x++) {
        for (int y = x + 1; y < bucket.size(); y++) {
          pairs.add(Math.min(bucket.get(x), bucket.get(y)) * n + Math.max(bucket.get(x), bucket.get(y)));
        }
      }
    }
    return pairs;
  }

  /** A contributor with the names to compare: name, handle, account values (email addresses' local part). */
  private record Candidate(Stored person, Set<String> names) {

    static Candidate of(ContributorStore.NamedPerson named) {
      Set<String> names = new HashSet<>();
      for (String value : named.names()) {
        if (value == null) {
          continue;
        }
        String v = value.contains("@") ? value.substring(0, value.indexOf('@')) : value;
        if (v.contains("+")) {
          v = v.substring(v.indexOf('+') + 1);
        }
        v = java.text.Normalizer.normalize(v, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        v = v.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").trim();
        if (v.length() >= 3) {
          names.add(v);
          names.add(v.replace(" ", ""));
        }
      }
      return new Candidate(named.person(), names);
    }
  }

  private Optional<Stored> stored(long id) {
    return store.byId(id);
  }

  /** A contributor typed in by hand whose handle is the account's name and who has no account of that kind. */
  private static Optional<Stored> handMadeWithoutAccount(Map<String, Stored> handles, Map<String, StoredIdentity> known,
      Account account) {
    if ("email".equals(account.kind())) {
      return Optional.empty();
    }
    Stored same = handles.get(ContributorRules.handleKey(account.value().trim()));
    if (same == null || known.values().stream().anyMatch(i -> i.contributorId() == same.id() && i.kind().equals(account.kind()))) {
      return Optional.empty();
    }
    return Optional.of(same);
  }

  /** The account's name as a handle that the community does not have yet. */
  private static String freeHandle(Map<String, Stored> handles, Account account) {
    String base = account.value().trim();
    if ("email".equals(account.kind()) && base.contains("@")) {
      base = base.substring(0, base.indexOf('@'));
    }
    base = base.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[^A-Za-z0-9]+", "");
    if (base.isEmpty()) {
      base = account.kind();
    }
    if (base.length() > ContributorRules.HANDLE_MAX - 4) {
      base = base.substring(0, ContributorRules.HANDLE_MAX - 4);
    }
    if (ContributorRules.RESERVED_HANDLES.contains(base.toLowerCase(Locale.ROOT))) {
      base = base + "-" + account.kind();
    }
    String handle = base;
    for (int n = 2; handles.containsKey(ContributorRules.handleKey(handle)); n++) {
      handle = base + "-" + n;
    }
    return handle;
  }

  private static String name(List<Account> accounts) {
    return accounts.stream().map(Account::displayName).filter(n -> n != null && !n.isBlank())
        .map(n -> n.length() > ContributorRules.NAME_MAX ? n.substring(0, ContributorRules.NAME_MAX) : n)
        .findFirst().orElse(null);
  }

  private static boolean validKind(String kind) {
    return kind != null && kind.matches("[a-z][a-z0-9-]{0," + (ContributorRules.KIND_MAX - 1) + "}");
  }

  private static Set<String> accountKeys(List<SourcedEvent> events) {
    Set<String> keys = new HashSet<>();
    for (SourcedEvent event : events) {
      for (Account account : event.accounts()) {
        if (account.value() != null && !account.value().isBlank()) {
          keys.add(IdentityStore.key(account.kind(), account.value()));
        }
      }
    }
    return keys;
  }
}
