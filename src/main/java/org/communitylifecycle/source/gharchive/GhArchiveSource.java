package org.communitylifecycle.source.gharchive;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.communitylifecycle.contributor.SourcedEvent;
import org.communitylifecycle.source.SourceFailure;
import org.communitylifecycle.source.SourceKind;
import org.communitylifecycle.source.SyncBatch;
import org.communitylifecycle.source.SyncRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * GH Archive files (gharchive.org): hourly files of all of GitHub's public events, one JSON
 * object a line, {@code .json} or {@code .json.gz}. A community without API access to its
 * repositories, or one that wants its past years at once, copies the files it needs under the
 * server's GH Archive root ({@code community-lifecycle.sources.gharchive-root}) and follows its
 * repositories in them; nothing is fetched from the network.
 *
 * <p>Settings: {@code location}, a file or a folder of files under the root (a folder's files
 * are read in time order, files added later by a later sync); {@code repositories}, the
 * owner/name of each followed repository; {@code branches}, whose pushes count as commits
 * (default main and master).
 *
 * <p>What counts: an issue opened ({@code issue}), a pull request opened ({@code pull-request})
 * or merged ({@code merge}, credited to the pull request's author, dated when merged), a review
 * ({@code review}), an issue or review comment ({@code comment}), and each distinct commit pushed
 * to a followed branch ({@code commit}, credited to its author: the login of a GitHub noreply
 * address, or the pusher when the author's name is the pusher's login, else the address alone).
 * Bots are left out. Other events, and lines that are not JSON, are skipped; unreadable lines are
 * counted in the batch's notes and never stop the sync.
 *
 * <p>The cursor names the file and the line reached, so a batch resumes where the last one
 * stopped; reading again from an older cursor yields the same events, which the store adds once.
 * A file a batch stopped in is left open for the next one ({@link OpenFiles}), so that a large
 * {@code .json.gz} read in many batches is decompressed once, not once a batch.
 */
@Component
public class GhArchiveSource implements SourceKind, AutoCloseable {

  static final String LOCATION = "location";
  static final String REPOSITORIES = "repositories";
  static final String BRANCHES = "branches";
  private static final String DEFAULT_BRANCHES = "main,master";
  private static final Pattern LIST_SEPARATOR = Pattern.compile("[,\\s]+");
  private static final Pattern REPOSITORY = Pattern.compile("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+");
  private static final Pattern BRANCH = Pattern.compile("[^\\s,~^:?*\\[\\\\]+");

  private final Path root;
  private final ObjectMapper json = new ObjectMapper();
  private final OpenFiles openFiles = new OpenFiles();

  public GhArchiveSource(@Value("${community-lifecycle.sources.gharchive-root:data/gharchive}") Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  @Override
  public String id() {
    return "gharchive";
  }

  @Override
  public String label() {
    return "GH Archive files";
  }

  @Override
  public CredentialUse credentialUse() {
    return CredentialUse.NONE;
  }

  @Override
  public Map<String, String> check(Map<String, String> settings, List<String> problems) {
    Map<String, String> cleaned = new LinkedHashMap<>();
    String location = trimmed(settings.get(LOCATION));
    if (location == null) {
      problems.add("location: give a GH Archive file or folder under " + root
          + ", for example 2026-09 or 2026-09-01-15.json.gz");
    } else {
      cleaned.put(LOCATION, location);
      checkLocation(location, problems);
    }

    List<String> repositories = list(settings.get(REPOSITORIES));
    if (repositories.isEmpty()) {
      problems.add("repositories: give the repositories to follow as owner/name, for example mozilla/kitsune");
    }
    for (String repository : repositories) {
      if (!REPOSITORY.matcher(repository).matches()) {
        problems.add("repositories: '" + repository + "' is not owner/name: write it as in its GitHub address,"
            + " for example mozilla/kitsune");
      }
    }
    cleaned.put(REPOSITORIES, String.join(",", repositories));

    List<String> branches = settings.get(BRANCHES) == null || settings.get(BRANCHES).isBlank()
        ? list(DEFAULT_BRANCHES) : list(settings.get(BRANCHES));
    List<String> names = new ArrayList<>();
    for (String branch : branches) {
      String name = branch.startsWith("refs/heads/") ? branch.substring("refs/heads/".length()) : branch;
      if (name.isEmpty() || !BRANCH.matcher(name).matches()) {
        problems.add("branches: '" + branch + "' is not a branch name: give names such as main,master");
      } else if (!names.contains(name)) {
        names.add(name);
      }
    }
    cleaned.put(BRANCHES, String.join(",", names));
    return cleaned;
  }

  private void checkLocation(String location, List<String> problems) {
    Path path = ArchiveFiles.resolve(root, location, problems);
    if (path == null) {
      return;
    }
    if (!Files.isRegularFile(path) && !Files.isDirectory(path)) {
      problems.add("location: '" + location + "' is not a file or folder under " + root
          + ": put GH Archive files (.json or .json.gz) there");
    } else if (Files.isRegularFile(path)) {
      if (!ArchiveFiles.isArchiveName(path.getFileName().toString())) {
        problems.add("location: '" + location + "' is not a .json or .json.gz file: give a GH Archive file"
            + " or a folder of them");
      } else if (!Files.isReadable(path)) {
        problems.add("location: '" + location + "' under " + root + " cannot be read by the app: let it read the file");
      }
    } else {
      try {
        if (!Files.isReadable(path) || ArchiveFiles.list(path).isEmpty()) {
          problems.add("location: the folder '" + location + "' under " + root
              + " holds no .json or .json.gz files the app can read: put GH Archive files there");
        }
      } catch (IOException e) {
        problems.add("location: the folder '" + location + "' under " + root + " cannot be read by the app ("
            + e.getClass().getSimpleName() + "): let it read the folder");
      }
    }
  }

  @Override
  public SyncBatch fetch(SyncRequest request) {
    String location = trimmed(request.settings().get(LOCATION));
    List<String> pathProblems = new ArrayList<>();
    Path path = location == null ? null : ArchiveFiles.resolve(root, location, pathProblems);
    if (path == null || !Files.exists(path)) {
      throw new SourceFailure(SourceFailure.Reason.NOT_FOUND, "The GH Archive location '" + location + "' of '"
          + request.sourceName() + "' is not a file or folder under " + root
          + ": put the files back, or change the source's location");
    }
    List<Path> files;
    try {
      files = ArchiveFiles.list(path);
    } catch (IOException | UncheckedIOException e) {
      throw new SourceFailure(SourceFailure.Reason.UNAVAILABLE, "The GH Archive folder '" + location + "' of '"
          + request.sourceName() + "' under " + root + " cannot be read (" + e.getClass().getSimpleName()
          + "): let the app read it", null, e);
    }

    List<String> notes = new ArrayList<>();
    ArchiveCursor cursor;
    try {
      cursor = ArchiveCursor.parse(request.cursor());
    } catch (IllegalArgumentException e) {
      notes.add("the cursor could not be read: reading '" + location + "' from its first file again");
      cursor = null;
    }
    ArchiveEvents reader = new ArchiveEvents(json, request,
        list(request.settings().get(REPOSITORIES)),
        list(request.settings().getOrDefault(BRANCHES, DEFAULT_BRANCHES)));
    int max = Math.max(1, request.maxEvents());
    List<SourcedEvent> events = new ArrayList<>();

    int first = firstFile(files, cursor);
    String end = cursor == null ? null : cursor.toJson();
    for (int index = first; index < files.size(); index++) {
      Path file = files.get(index);
      String name = file.getFileName().toString();
      long skip = index == first && cursor != null && !cursor.done() && cursor.file().equals(name) ? cursor.line() : 0;
      int unreadable = 0;
      OpenFiles.Lines lines = skip > 0 ? openFiles.take(request.sourceId(), file, skip) : null;
      boolean keep = false;
      try {
        if (lines == null) {
          lines = OpenFiles.Lines.open(file);
          while (lines.position() < skip && lines.next() != null) {
            // reading up to the cursor's line
          }
        }
        String line;
        while ((line = lines.next()) != null) {
          if (reader.read(line, events) == ArchiveEvents.Outcome.UNREADABLE) {
            unreadable++;
          }
          if (events.size() >= max) {
            noteUnreadable(notes, unreadable, name);
            if (lines.hasNext()) {
              lines.touch();
              openFiles.keep(request.sourceId(), lines);
              keep = true;
              return new SyncBatch(events, ArchiveCursor.reading(name, lines.position()).toJson(), true, null, notes);
            }
            return new SyncBatch(events, ArchiveCursor.finished(name).toJson(), index + 1 < files.size(), null, notes);
          }
        }
      } catch (NoSuchFileException e) {
        notes.add("'" + name + "' went away while being read: skipped");
      } catch (IOException e) {
        notes.add("'" + name + "' ends unexpectedly after line " + (lines == null ? 0 : lines.position())
            + " (" + e.getMessage() + "): read what it holds");
      } finally {
        if (lines != null && !keep) {
          lines.close();
        }
      }
      noteUnreadable(notes, unreadable, name);
      end = ArchiveCursor.finished(name).toJson();
    }
    return new SyncBatch(events, end, false, null, notes);
  }

  /** Closes the files left open for a next batch (Spring calls it when the context closes). */
  @Override
  public void close() {
    openFiles.close();
  }

  /** The index of the first file to read after a cursor: its file again if unfinished, else the next in order. */
  private static int firstFile(List<Path> files, ArchiveCursor cursor) {
    if (cursor == null) {
      return 0;
    }
    for (int i = 0; i < files.size(); i++) {
      int order = ArchiveFiles.ORDER.compare(files.get(i).getFileName().toString(), cursor.file());
      if (order > 0 || (order == 0 && !cursor.done())) {
        return i;
      }
    }
    return files.size();
  }

  private static void noteUnreadable(List<String> notes, int unreadable, String file) {
    if (unreadable > 0) {
      notes.add("skipped " + unreadable + " unreadable line" + (unreadable == 1 ? "" : "s") + " in " + file);
    }
  }

  private static List<String> list(String value) {
    if (value == null) {
      return List.of();
    }
    Set<String> seen = new LinkedHashSet<>();
    List<String> items = new ArrayList<>();
    Arrays.stream(LIST_SEPARATOR.split(value.trim()))
        .filter(s -> !s.isEmpty())
        .filter(s -> seen.add(s.toLowerCase(Locale.ROOT)))
        .forEach(items::add);
    return items;
  }

  private static String trimmed(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
