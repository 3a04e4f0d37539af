package org.communitylifecycle.source;

import java.util.List;
import java.util.Map;
import org.communitylifecycle.contributor.SourcedEvent;

/**
 * What one fetch brought.
 *
 * @param events the contributions found, bots already left out; fetching the same again is harmless (the store adds nothing twice)
 * @param cursor where the next fetch starts, as the kind reads it back (JSON is a good choice)
 * @param more true when the source has more right now: the sync fetches again at once
 * @param settings changed settings to keep (a repository renamed at the source), or null
 * @param notes what a liaison should know (renamed, skipped), shown as the sync's message
 */
public record SyncBatch(List<SourcedEvent> events, String cursor, boolean more, Map<String, String> settings,
    List<String> notes) {

  public SyncBatch {
    events = List.copyOf(events);
    notes = notes == null ? List.of() : List.copyOf(notes);
  }

  public static SyncBatch of(List<SourcedEvent> events, String cursor, boolean more) {
    return new SyncBatch(events, cursor, more, null, List.of());
  }
}
