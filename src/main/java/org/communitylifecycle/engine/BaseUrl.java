package org.communitylifecycle.engine;

import java.net.URI;
import java.net.URISyntaxException;

/** The address people reach the app at, as settings give it: links in mails and on pages start with it. */
public final class BaseUrl {

  private BaseUrl() {}

  /**
   * An http(s) address without query or fragment, with any trailing slash removed, or a failure
   * that names the setting.
   *
   * @param setting the setting's name, as the person who wrote it knows it
   * @param who who reaches the app at it, such as "people" or "residents"
   * @param example an address to write instead, such as https://lifecycle.example.org
   */
  public static String require(String setting, String value, String who, String example) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(
          setting + " is empty; give the address " + who + " reach the app at, such as " + example);
    }
    String trimmed = value.trim().replaceAll("/+$", "");
    try {
      URI uri = new URI(trimmed);
      boolean web = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
      if (web && uri.getRawAuthority() != null && uri.getRawQuery() == null && uri.getRawFragment() == null) {
        return trimmed;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        setting + " must be an http(s) address without query, such as " + example + "; got '" + value + "'");
  }
}
