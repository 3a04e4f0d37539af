package org.communitylifecycle.source.discourse;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The settings of a Discourse source, read and checked in one place so that {@link DiscourseSource#check}
 * and {@link DiscourseSource#fetch} agree on them.
 *
 * @param siteUrl the site's address without a trailing slash
 * @param categories the followed categories: slugs (a sub-category as parent/child) or numeric ids
 * @param apiUsername the user the API key acts as, or null for "system"
 */
record DiscourseSettings(String siteUrl, List<String> categories, String apiUsername) {

  static final String SITE_URL = "siteUrl";
  static final String CATEGORIES = "categories";
  static final String API_USERNAME = "apiUsername";
  static final String DEFAULT_API_USERNAME = "system";

  private static final Pattern CATEGORY = Pattern.compile("[\\p{L}\\p{N}_-]+(/[\\p{L}\\p{N}_-]+)*");
  private static final Pattern USERNAME = Pattern.compile("[\\p{L}\\p{N}_.-]+");
  private static final Pattern SEPARATORS = Pattern.compile("[,\\s]+");

  static DiscourseSettings read(Map<String, String> settings, List<String> problems) {
    Map<String, String> given = settings == null ? Map.of() : settings;
    for (String key : given.keySet()) {
      if (!Set.of(SITE_URL, CATEGORIES, API_USERNAME).contains(key)) {
        problems.add("Unknown setting '" + key + "': a Discourse source takes siteUrl, categories and apiUsername");
      }
    }
    String siteUrl = trim(given.get(SITE_URL)).replaceAll("/+$", "");
    if (siteUrl.isEmpty()) {
      problems.add("siteUrl: give the address of the Discourse site, for example https://discourse.mozilla.org");
    } else if (!isHttpAddress(siteUrl)) {
      problems.add("siteUrl: '" + siteUrl + "' is not an http(s) address, for example https://discourse.mozilla.org");
    }
    Set<String> categories = new LinkedHashSet<>();
    for (String part : SEPARATORS.split(trim(given.get(CATEGORIES)))) {
      if (part.isEmpty()) {
        continue;
      }
      String category = part.replaceAll("^/+|/+$", "");
      if (!CATEGORY.matcher(category).matches()) {
        problems.add("categories: '" + part + "' is not a category slug or id, for example sumo or 5");
      } else {
        categories.add(category.toLowerCase(Locale.ROOT));
      }
    }
    if (categories.isEmpty() && trim(given.get(CATEGORIES)).isEmpty()) {
      problems.add("categories: give the categories to follow as slugs or ids, comma separated, for example sumo, 5");
    }
    String apiUsername = trim(given.get(API_USERNAME));
    if (!apiUsername.isEmpty() && !USERNAME.matcher(apiUsername).matches()) {
      problems.add("apiUsername: '" + apiUsername + "' is not a Discourse username; leave it empty for "
          + DEFAULT_API_USERNAME + " or give the user the API key belongs to");
    }
    return new DiscourseSettings(siteUrl, List.copyOf(categories), apiUsername.isEmpty() ? null : apiUsername);
  }

  Map<String, String> toMap() {
    Map<String, String> map = new LinkedHashMap<>();
    map.put(SITE_URL, siteUrl);
    map.put(CATEGORIES, String.join(", ", categories));
    if (apiUsername != null) {
      map.put(API_USERNAME, apiUsername);
    }
    return map;
  }

  private static boolean isHttpAddress(String value) {
    try {
      URI uri = new URI(value);
      return uri.getScheme() != null && Set.of("http", "https").contains(uri.getScheme().toLowerCase(Locale.ROOT))
          && uri.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static String trim(String value) {
    return value == null ? "" : value.trim();
  }
}
