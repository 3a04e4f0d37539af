package org.communitylifecycle.source.gharchive;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Where a source's GH Archive files are and in which order they are read. A location is a path
 * relative to the configured root, so that a source set up in the app cannot read any file of the
 * server; GH Archive names its files {@code YYYY-MM-DD-H.json.gz} with an unpadded hour, so they
 * are ordered with numbers compared as numbers ({@code 2015-01-01-9} before {@code 2015-01-01-10}).
 */
final class ArchiveFiles {

  /**
   * Orders file names as times: runs of digits compare by value, everything else by character,
   * so the unpadded hours of GH Archive names sort right.
   */
  static final Comparator<String> ORDER = ArchiveFiles::compareNames;

  private ArchiveFiles() {
  }

  /** Whether a file name is one the source reads. */
  static boolean isArchiveName(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.endsWith(".json") || lower.endsWith(".json.gz");
  }

  /**
   * Resolves a location against the root, or says why it may not be used.
   *
   * @return the resolved path, or null after adding a problem
   */
  static Path resolve(Path root, String location, List<String> problems) {
    Path relative;
    try {
      relative = Path.of(location);
    } catch (InvalidPathException e) {
      problems.add("location: '" + location + "' is not a path: give a file or folder under " + root);
      return null;
    }
    if (relative.isAbsolute() || location.startsWith("/") || location.startsWith("\\") || relative.getRoot() != null) {
      problems.add("location: '" + location + "' is an absolute path: give a file or folder relative to " + root);
      return null;
    }
    Path resolved = root.resolve(relative).normalize();
    if (!resolved.startsWith(root)) {
      problems.add("location: '" + location + "' leads out of " + root + ": give a file or folder under it");
      return null;
    }
    return resolved;
  }

  /** The files of a location in reading order: the file itself, or a folder's archive files (not its subfolders). */
  static List<Path> list(Path location) throws IOException {
    if (Files.isRegularFile(location)) {
      return List.of(location);
    }
    List<Path> files = new ArrayList<>();
    try (Stream<Path> entries = Files.list(location)) {
      entries.filter(f -> isArchiveName(f.getFileName().toString()) && Files.isRegularFile(f)).forEach(files::add);
    }
    files.sort(Comparator.comparing(f -> f.getFileName().toString(), ORDER));
    return files;
  }

  /** Opens a file for reading line by line, decompressing a {@code .gz}. */
  static BufferedReader open(Path file) throws IOException {
    InputStream in = Files.newInputStream(file);
    try {
      if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz")) {
        in = new GZIPInputStream(in, 1 << 16);
      }
    } catch (IOException e) {
      in.close();
      throw e;
    }
    return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
  }

  private static int compareNames(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      char ca = a.charAt(i);
      char cb = b.charAt(j);
      if (isDigit(ca) && isDigit(cb)) {
        int endA = i;
        while (endA < a.length() && isDigit(a.charAt(endA))) {
          endA++;
        }
        int endB = j;
        while (endB < b.length() && isDigit(b.charAt(endB))) {
          endB++;
        }
        int byValue = compareDigits(a.substring(i, endA), b.substring(j, endB));
        if (byValue != 0) {
          return byValue;
        }
        i = endA;
        j = endB;
      } else {
        if (ca != cb) {
          return Character.compare(ca, cb);
        }
        i++;
        j++;
      }
    }
    int byLength = Integer.compare(a.length() - i, b.length() - j);
    return byLength != 0 ? byLength : a.compareTo(b);
  }

  private static int compareDigits(String a, String b) {
    String x = stripZeros(a);
    String y = stripZeros(b);
    return x.length() != y.length() ? Integer.compare(x.length(), y.length()) : x.compareTo(y);
  }

  private static String stripZeros(String digits) {
    int k = 0;
    while (k < digits.length() - 1 && digits.charAt(k) == '0') {
      k++;
    }
    return digits.substring(k);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
