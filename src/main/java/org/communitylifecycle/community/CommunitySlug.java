package org.communitylifecycle.community;

import java.text.Normalizer;
import java.util.Locale;

/** Turns a community name into the key its process instances carry: "SUMO Community" → "sumo-community". */
public final class CommunitySlug {

  static final int MAX_LENGTH = 64;

  private CommunitySlug() {}

  /** The slug, or an empty string when the name has no letters or digits. */
  public static String of(String name) {
    String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
    if (slug.length() > MAX_LENGTH) {
      slug = slug.substring(0, MAX_LENGTH).replaceAll("-+$", "");
    }
    return slug;
  }
}
