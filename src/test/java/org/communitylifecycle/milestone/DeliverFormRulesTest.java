package org.communitylifecycle.milestone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The deliver form checks the link in the browser (form-js's validate.pattern) before the server
 * does ({@link Handoffs}). The browser may let through what the server then refuses, never the
 * other way round: every link the server takes must pass the form's pattern. Java's and
 * JavaScript's regular expressions agree on the pattern's plain constructs (^, \s, classes, ?).
 */
class DeliverFormRulesTest {

  static final ObjectMapper JSON = new ObjectMapper();

  static final List<String> WEB_LINKS = List.of("https://wiki.example.org/page", "http://example.org",
      "HTTPS://WIKI.EXAMPLE.ORG", "HtTp://x", "  https://wiki.example.org/page  ", "https://team_wiki.example.org/a?b=c#d",
      "https://user@host:8443/", "https://[::1]/x", "http://192.168.0.1:80");

  static final List<String> NOT_LINKS = List.of("wiki page", "www.example.org", "example.org/page",
      "ftp://example.org/file", "mailto:someone@example.org", "https://", "https:///path", "https:/example.org",
      "javascript:alert(1)", "file:///etc/passwd");

  @Test
  void theServerTakesTheLinksAndRefusesTheOthers() {
    assertThat(WEB_LINKS).allMatch(link -> Handoffs.isWebLink(link.trim()));
    assertThat(NOT_LINKS).noneMatch(link -> Handoffs.isWebLink(link.trim()));
  }

  @Test
  void theFormsPatternIsNoStricterThanTheServerAndRefusesWhatIsNoLink() throws IOException {
    JsonNode validate = field("deliverableUrl").path("validate");
    Pattern pattern = Pattern.compile(validate.path("pattern").asText());

    assertThat(validate.path("required").asBoolean()).isTrue();
    assertThat(WEB_LINKS).as("the browser lets every web link through").allMatch(link -> pattern.matcher(link).find());
    assertThat(NOT_LINKS).as("the browser marks what is no web link").noneMatch(link -> pattern.matcher(link).find());
  }

  @Test
  void theFieldSaysWhatIsExpectedAsTheServerWould() throws IOException {
    JsonNode link = field("deliverableUrl");

    assertThat(link.path("description").asText()).contains("http://", "https://");
    assertThat(link.path("properties").path("patternMessage").asText())
        .as("the message Tasklist shows under the field, the server's without the echoed value")
        .isEqualTo("Link to the deliverable: give a web address such as https://wiki.example.org/page");
  }

  private static JsonNode field(String key) throws IOException {
    JsonNode form = JSON.readTree(Path.of("forms/milestone-deliver.form").toFile());
    for (JsonNode component : form.path("components")) {
      if (key.equals(component.path("key").asText())) {
        return component;
      }
    }
    throw new AssertionError("forms/milestone-deliver.form has no field " + key);
  }
}
