package org.communitylifecycle.source;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
// getCurrentAuthentication() returns this impl type; there is no public one.
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.communitylifecycle.community.CommunityDirectory;
import org.communitylifecycle.community.CommunityDirectory.Community;
import org.communitylifecycle.identity.Teams;
import org.communitylifecycle.source.SourceViews.InvalidSource;
import org.communitylifecycle.source.SourceViews.Kind;
import org.communitylifecycle.source.SourceViews.Source;
import org.communitylifecycle.source.SourceViews.SourceForbidden;
import org.communitylifecycle.source.SourceViews.UnknownSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A community's sources: added, changed, removed and synced on demand by its activators and
 * liaisons and the portfolio groups ({@link CommunityDirectory#mayRead}), the same people who may
 * read its contributors. Adding a source starts its first sync; {@link SourceSchedule} starts the
 * later ones. A token is sealed ({@link Credentials}) before it is stored and never shown again.
 */
@Service
public class Sources {

  /** The sync process; one instance is one sync of one source, its business key "source-" and the id. */
  public static final String SYNC_PROCESS = "contribution-source-sync";
  static final String SOURCE_ID = "sourceId";

  private final SourceStore store;
  private final Credentials credentials;
  private final Map<String, SourceKind> kinds;
  private final CommunityDirectory directory;
  private final RuntimeService runtime;
  private final ManagementService management;
  private final IdentityService identity;
  private final SourceProperties properties;

  Sources(SourceStore store, Credentials credentials, List<SourceKind> kinds, CommunityDirectory directory,
      RuntimeService runtime, ManagementService management, IdentityService identity, SourceProperties properties) {
    this.store = store;
    this.credentials = credentials;
    this.kinds = kinds.stream().collect(Collectors.toMap(SourceKind::id, Function.identity(), (a, b) -> {
      throw new IllegalStateException("Two source kinds have the id '" + a.id() + "'");
    }, LinkedHashMap::new));
    this.directory = directory;
    this.runtime = runtime;
    this.management = management;
    this.identity = identity;
    this.properties = properties;
  }

  /** The kinds this server knows. */
  public List<Kind> kinds() {
    return kinds.values().stream()
        .map(k -> new Kind(k.id(), k.label(), k.credentialUse().name().toLowerCase(java.util.Locale.ROOT))).toList();
  }

  public List<Source> list(String communityKey, String userId, Collection<String> groups) {
    community(communityKey, userId, groups);
    return store.ofCommunity(communityKey).stream().map(this::view).toList();
  }

  public Source get(String communityKey, long id, String userId, Collection<String> groups) {
    community(communityKey, userId, groups);
    return view(existing(communityKey, id));
  }

  /** The sources of a community for the dashboard, whose caller was checked there. */
  public List<Source> ofCommunity(String communityKey) {
    return store.ofCommunity(communityKey).stream().map(this::view).toList();
  }

  /**
   * Adds a source and starts its first sync. Everything is checked first (name, kind, settings,
   * token, interval); with any problem nothing is saved.
   */
  @Transactional
  public Source add(String communityKey, String name, String kind, Map<String, String> settings, String token,
      String syncInterval, String userId, Collection<String> groups) {
    community(communityKey, userId, groups);
    List<String> problems = new ArrayList<>();
    String cleanName = name(name, problems);
    SourceKind sourceKind = kind(kind, problems);
    Map<String, String> checked = sourceKind == null ? Map.of() : sourceKind.check(clean(settings), problems);
    String cleanToken = token == null || token.isBlank() ? null : token.trim();
    if (sourceKind != null) {
      tokenProblems(sourceKind, cleanToken, problems);
    }
    Duration interval = interval(syncInterval, problems);
    if (cleanName != null && store.findByName(communityKey, cleanName).isPresent()) {
      problems.add("name: '" + communityKey + "' already has a source named '" + cleanName + "'; choose another name");
    }
    if (!problems.isEmpty()) {
      throw new InvalidSource("The source was not added", problems);
    }
    long id = store.insert(communityKey, cleanName, sourceKind.id(), checked, interval, userId);
    if (cleanToken != null) {
      store.setCredential(id, credentials.encrypt(id, cleanToken));
    }
    startRun(id);
    return view(store.find(id).orElseThrow());
  }

  /**
   * Changes a source: its settings (the cursor stays), its interval, its token (a new one
   * replaces the old; {@code removeToken} drops it).
   */
  @Transactional
  public Source change(String communityKey, long id, Map<String, String> settings, String token, boolean removeToken,
      String syncInterval, String userId, Collection<String> groups) {
    community(communityKey, userId, groups);
    SourceStore.Stored source = existing(communityKey, id);
    SourceKind kind = kinds.get(source.kind());
    List<String> problems = new ArrayList<>();
    Map<String, String> merged = new HashMap<>(source.settings());
    if (settings != null) {
      merged.putAll(clean(settings));
    }
    Map<String, String> checked = kind.check(merged, problems);
    String cleanToken = token == null || token.isBlank() ? null : token.trim();
    if (cleanToken != null) {
      tokenProblems(kind, cleanToken, problems);
    } else if (removeToken && kind.credentialUse() == SourceKind.CredentialUse.REQUIRED) {
      problems.add("token: " + kind.label() + " sources need a token; give a new one instead of removing it");
    }
    Duration interval = syncInterval == null || syncInterval.isBlank() ? source.syncInterval()
        : interval(syncInterval, problems);
    if (!problems.isEmpty()) {
      throw new InvalidSource("The source was not changed", problems);
    }
    store.update(id, checked, interval);
    if (cleanToken != null) {
      store.setCredential(id, credentials.encrypt(id, cleanToken));
    } else if (removeToken) {
      store.setCredential(id, null);
    }
    // A sync stopped by an incident tries again with what was just fixed (a new token, a corrected repository).
    retryFailed(store.find(id).orElseThrow());
    return view(store.find(id).orElseThrow());
  }

  /**
   * Removes a source: it is synced no more and its token is dropped. What it brought stays: the
   * contributions are the community's record, whoever typed or fetched them.
   */
  @Transactional
  public void remove(String communityKey, long id, String userId, Collection<String> groups) {
    community(communityKey, userId, groups);
    existing(communityKey, id);
    store.remove(id);
  }

  /**
   * Starts a sync now, unless one is running. A sync stopped by an incident (its retries spent) is
   * retried instead: once its cause is fixed, "sync now" is all a liaison needs, no visit to Cockpit.
   */
  @Transactional
  public Source syncNow(String communityKey, long id, String userId, Collection<String> groups) {
    community(communityKey, userId, groups);
    existing(communityKey, id);
    if (!startRun(id)) {
      retryFailed(store.find(id).orElseThrow());
    }
    return view(store.find(id).orElseThrow());
  }

  /** Gives the failed job of the source's running sync one more try; true when there was one. */
  boolean retryFailed(SourceStore.Stored source) {
    if (source.processInstanceId() == null) {
      return false;
    }
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      List<Job> failed = management.createJobQuery().processInstanceId(source.processInstanceId()).noRetriesLeft().list();
      failed.forEach(job -> management.setJobRetries(job.getId(), 1));
      return !failed.isEmpty();
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }

  /**
   * Starts a sync of the source unless one is running; true when it started one. The source's row
   * is locked first, so two nodes asking at the same moment start one run between them.
   */
  @Transactional
  public boolean startRun(long id) {
    SourceStore.Stored source = store.lock(id).orElseThrow(() -> new UnknownSource("There is no source " + id));
    if (source.removedAt() != null || running(source)) {
      return false;
    }
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      // The sync is the app's work, not the caller's: it runs without their authorizations.
      ProcessInstance run = runtime.startProcessInstanceByKey(SYNC_PROCESS, "source-" + id,
          Map.of(SOURCE_ID, id, "sourceName", source.name(), "communityKey", source.communityKey()));
      store.runStarted(id, run.getId());
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
    return true;
  }

  private boolean running(SourceStore.Stored source) {
    return source.processInstanceId() != null
        && runtime.createProcessInstanceQuery().processInstanceId(source.processInstanceId()).count() > 0;
  }

  Source view(SourceStore.Stored s) {
    SourceKind kind = kinds.get(s.kind());
    SourceStore.Contributed contributed = store.contributed(s.id());
    return new Source(s.id(), s.communityKey(), s.name(), s.kind(), kind == null ? s.kind() : kind.label(), s.settings(),
        s.sealedCredential() != null, s.syncInterval().toString(), s.createdAt(), s.createdBy(), s.lastSyncAt(),
        s.lastStatus(), s.lastMessage(), s.lastSyncAdded(), contributed.contributions(), contributed.contributors(),
        running(s), s.processInstanceId());
  }

  private Community community(String communityKey, String userId, Collection<String> groups) {
    Community community = directory.find(communityKey == null ? "" : communityKey.trim())
        .orElseThrow(() -> new UnknownSource("There is no community with the key '" + communityKey + "'"));
    if (!directory.mayRead(userId, groups, community)) {
      throw new SourceForbidden("'" + userId + "' may not manage the sources of '" + communityKey + "': they bring"
          + " personal data, so only the community's teams (the groups " + Teams.Kind.ACTIVATORS.groupId(communityKey)
          + " and " + Teams.Kind.LIAISONS.groupId(communityKey) + ") and the groups "
          + String.join(", ", CommunityDirectory.PORTFOLIO_GROUPS) + " may");
    }
    return community;
  }

  private SourceStore.Stored existing(String communityKey, long id) {
    return store.find(id).filter(s -> s.communityKey().equals(communityKey) && s.removedAt() == null)
        .orElseThrow(() -> new UnknownSource("'" + communityKey + "' has no source " + id));
  }

  private static String name(String name, List<String> problems) {
    String value = name == null ? "" : name.trim();
    if (value.isEmpty()) {
      problems.add("name: give the source a name, for example 'kitsune on GitHub'");
      return null;
    }
    if (value.length() > 120) {
      problems.add("name: at most 120 characters, got " + value.length());
      return null;
    }
    return value;
  }

  private SourceKind kind(String kind, List<String> problems) {
    SourceKind found = kind == null ? null : kinds.get(kind.trim().toLowerCase(java.util.Locale.ROOT));
    if (found == null) {
      problems.add("kind: " + (kind == null || kind.isBlank() ? "missing" : "'" + kind + "' is unknown")
          + "; give one of " + String.join(", ", kinds.keySet()));
    }
    return found;
  }

  private void tokenProblems(SourceKind kind, String token, List<String> problems) {
    if (token == null) {
      if (kind.credentialUse() == SourceKind.CredentialUse.REQUIRED) {
        problems.add("token: " + kind.label() + " sources need a token");
      }
      return;
    }
    if (kind.credentialUse() == SourceKind.CredentialUse.NONE) {
      problems.add("token: " + kind.label() + " sources take no token; leave it empty");
    } else if (!credentials.available()) {
      problems.add("token: " + Credentials.missingKey());
    } else if (token.length() > 1000 || token.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
      problems.add("token: a token is up to 1000 printable characters without spaces; paste it again");
    }
  }

  private Duration interval(String value, List<String> problems) {
    if (value == null || value.isBlank()) {
      return properties.syncInterval();
    }
    try {
      Duration interval = Duration.parse(value.trim());
      if (interval.compareTo(Duration.ofMinutes(5)) < 0 || interval.compareTo(Duration.ofDays(31)) > 0) {
        problems.add("syncInterval: between PT5M and P31D, got '" + value + "'");
      }
      return interval;
    } catch (DateTimeParseException e) {
      problems.add("syncInterval: '" + value + "' is not an ISO-8601 duration such as PT1H or PT30M");
      return null;
    }
  }

  private static Map<String, String> clean(Map<String, String> settings) {
    Map<String, String> clean = new LinkedHashMap<>();
    if (settings != null) {
      settings.forEach((k, v) -> {
        if (k != null && v != null) {
          clean.put(k.trim(), v.trim());
        }
      });
    }
    return clean;
  }

  Optional<SourceKind> kindOf(String id) {
    return Optional.ofNullable(kinds.get(id));
  }
}
