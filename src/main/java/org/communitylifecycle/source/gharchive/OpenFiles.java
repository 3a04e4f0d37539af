package org.communitylifecycle.source.gharchive;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Files left open between two batches of a sync, positioned where the last batch stopped. A
 * {@code .json.gz} cannot be entered in the middle: without this, each batch would decompress its
 * file again from the start to the cursor's line, and a sync of a large hourly file in small
 * batches would take time growing with the square of its size. Only a speed-up: the cursor stays
 * what a batch starts from, a file is taken back only at the cursor's exact line, and unchanged
 * (same size, same time), else it is opened again and read up to the line.
 *
 * <p>At most {@link #MAX_OPEN} files stay open, each at most {@link #IDLE}; the rest are closed.
 */
final class OpenFiles implements AutoCloseable {

  static final int MAX_OPEN = 8;
  static final Duration IDLE = Duration.ofMinutes(10);

  private final Map<Key, Lines> open = new LinkedHashMap<>();

  /** An open file of a source. */
  private record Key(long sourceId, Path file) {
  }

  /** Takes the file back if it was left open exactly at {@code line} and is unchanged; else null. */
  synchronized Lines take(long sourceId, Path file, long line) {
    closeIdle();
    Lines lines = open.remove(new Key(sourceId, file));
    if (lines == null) {
      return null;
    }
    if (lines.position() == line && lines.unchanged()) {
      return lines;
    }
    lines.close();
    return null;
  }

  /** Keeps a file open for the source's next batch. */
  synchronized void keep(long sourceId, Lines lines) {
    Lines previous = open.put(new Key(sourceId, lines.file()), lines);
    if (previous != null && previous != lines) {
      previous.close();
    }
    while (open.size() > MAX_OPEN) {
      Iterator<Lines> oldest = open.values().iterator();
      oldest.next().close();
      oldest.remove();
    }
  }

  private void closeIdle() {
    long now = System.nanoTime();
    open.values().removeIf(l -> {
      if (now - l.keptAt > IDLE.toNanos()) {
        l.close();
        return true;
      }
      return false;
    });
  }

  @Override
  public synchronized void close() {
    open.values().forEach(Lines::close);
    open.clear();
  }

  /** A file read line by line, which can look at the next line without losing it. */
  static final class Lines implements AutoCloseable {

    private final Path file;
    private final BufferedReader reader;
    private final long size;
    private final long modified;
    private long position;
    private String pending;
    private long keptAt = System.nanoTime();

    private Lines(Path file, BufferedReader reader, long size, long modified) {
      this.file = file;
      this.reader = reader;
      this.size = size;
      this.modified = modified;
    }

    static Lines open(Path file) throws IOException {
      long size = Files.size(file);
      long modified = Files.getLastModifiedTime(file).toMillis();
      return new Lines(file, ArchiveFiles.open(file), size, modified);
    }

    Path file() {
      return file;
    }

    /** How many lines {@link #next} returned. */
    long position() {
      return position;
    }

    /** The next line, or null at the end. */
    String next() throws IOException {
      String line = pending != null ? pending : reader.readLine();
      pending = null;
      if (line != null) {
        position++;
      }
      return line;
    }

    /** Whether there is a next line. */
    boolean hasNext() throws IOException {
      if (pending == null) {
        pending = reader.readLine();
      }
      return pending != null;
    }

    boolean unchanged() {
      try {
        return Files.size(file) == size && Files.getLastModifiedTime(file).toMillis() == modified;
      } catch (IOException e) {
        return false;
      }
    }

    void touch() {
      keptAt = System.nanoTime();
    }

    @Override
    public void close() {
      try {
        reader.close();
      } catch (IOException e) {
        // nothing more to do with it
      }
    }
  }
}
