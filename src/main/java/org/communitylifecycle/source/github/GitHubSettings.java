package org.communitylifecycle.source.github;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The settings of a GitHub source, read and checked in one place so that {@link GitHubSource#check}
 * and {@link GitHubSource#fetch} agree on them.
 *
 * @param repositories the followed repositories as owner/name, in the order given
 * @param organisation an organisation whose repositories are followed as well, or null
 * @param apiUrl the REST API's root without a trailing slash
 */
record GitHubSettings(List<String> repositories, String organisation, String apiUrl) {

  static final String REPOSITORIES = "repositories";
  static final String ORGANISATION = "organisation";
  static final String API_URL = "apiUrl";
  static final String DEFAULT_API_URL = "https://api.github.com";

  private static final Pattern REPOSITORY = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})/[A-Za-z0-9._-]{1,100}");
  private static final Pattern LOGIN = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})");
  private static final Pattern SEPARATORS = Pattern.compile("[,\\s]+");
  private static final Pattern WEB_PREFIX = Pattern.compile("^https?://(www\\.)?github\\.com/", Pattern.CASE_INSENSITIVE);

  /** Reads settings, adding a problem per wrong one. */
  static GitHubSettings read(Map<String, String> settings, List<String> problems) {
    Map<String, String> given = settings == null ? Map.of() : settings;
    for (String key : given.keySet()) {
      if (!Set.of(REPOSITORIES, ORGANISATION, API_URL).contains(key)) {
        problems.add("Unknown setting '" + key + "': a GitHub source takes repositories, organisation and apiUrl");
      }
    }
    Set<String> repositories = new LinkedHashSet<>();
    Set<String> seen = new LinkedHashSet<>();
    for (String part : SEPARATORS.split(trim(given.get(REPOSITORIES)))) {
      if (part.isEmpty()) {
        continue;
      }
      String repository = WEB_PREFIX.matcher(part).replaceFirst("").replaceAll("(\\.git)?/*$", "");
      if (!REPOSITORY.matcher(repository).matches()) {
        problems.add("repositories: '" + part + "' is not owner/name, for example mozilla/kitsune");
      } else if (seen.add(repository.toLowerCase(Locale.ROOT))) {
        repositories.add(repository);
      }
    }
    String organisation = trim(given.get(ORGANISATION));
    if (!organisation.isEmpty() && !LOGIN.matcher(organisation).matches()) {
      problems.add("organisation: '" + organisation + "' is not a GitHub organisation login, for example mozilla");
    }
    if (repositories.isEmpty() && organisation.isEmpty() && trim(given.get(REPOSITORIES)).isEmpty()) {
      problems.add("repositories: give the repositories to follow as owner/name (for example mozilla/kitsune),"
          + " or an organisation whose repositories to follow");
    }
    String apiUrl = trim(given.get(API_URL)).replaceAll("/+$", "");
    if (apiUrl.isEmpty()) {
      apiUrl = DEFAULT_API_URL;
    } else if (!isHttpAddress(apiUrl)) {
      problems.add("apiUrl: '" + apiUrl + "' is not an http(s) address; leave it empty for " + DEFAULT_API_URL
          + " or give your GitHub Enterprise API, for example https://github.example.org/api/v3");
    }
    return new GitHubSettings(List.copyOf(repositories), organisation.isEmpty() ? null : organisation, apiUrl);
  }

  /** The settings as they are kept. */
  Map<String, String> toMap() {
    Map<String, String> map = new LinkedHashMap<>();
    if (!repositories.isEmpty()) {
      map.put(REPOSITORIES, String.join(", ", repositories));
    }
    if (organisation != null) {
      map.put(ORGANISATION, organisation);
    }
    map.put(API_URL, apiUrl);
    return map;
  }

  /** These settings with one repository renamed. */
  GitHubSettings renamed(String from, String to) {
    List<String> renamed = new ArrayList<>();
    for (String repository : repositories) {
      renamed.add(repository.equalsIgnoreCase(from) ? to : repository);
    }
    return new GitHubSettings(List.copyOf(new LinkedHashSet<>(renamed)), organisation, apiUrl);
  }

  static boolean isHttpAddress(String value) {
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
