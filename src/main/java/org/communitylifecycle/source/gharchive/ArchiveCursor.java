package org.communitylifecycle.source.gharchive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Where reading stopped: in a file at a line, or after a file read to its end. File names, not
 * positions in a listing, so that files added to a folder later are read by a later sync, in
 * their place in the order.
 *
 * @param file the name of the file (within the location's folder)
 * @param line the number of lines of it already read; 0 with {@code done}
 * @param done whether the file was read to its end
 */
record ArchiveCursor(String file, long line, boolean done) {

  private static final ObjectMapper JSON = new ObjectMapper();

  static ArchiveCursor reading(String file, long line) {
    return new ArchiveCursor(file, line, false);
  }

  static ArchiveCursor finished(String file) {
    return new ArchiveCursor(file, 0, true);
  }

  /** Reads a cursor as {@link #toJson} wrote it; null for none, an exception for anything else. */
  static ArchiveCursor parse(String json) {
    if (json == null || json.isBlank()) {
      return null;
    }
    try {
      JsonNode node = JSON.readTree(json);
      if (node.hasNonNull("done")) {
        return finished(node.get("done").asText());
      }
      if (node.hasNonNull("file") && node.path("line").canConvertToLong() && node.path("line").asLong() >= 0) {
        return reading(node.get("file").asText(), node.get("line").asLong());
      }
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("unreadable cursor", e);
    }
    throw new IllegalArgumentException("unreadable cursor");
  }

  /** {@code {"file":"2015-01-01-15.json.gz","line":1200}} or {@code {"done":"2015-01-01-15.json.gz"}}. */
  String toJson() {
    ObjectNode node = JSON.createObjectNode();
    if (done) {
      node.put("done", file);
    } else {
      node.put("file", file);
      node.put("line", line);
    }
    return node.toString();
  }
}
