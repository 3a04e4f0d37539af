package org.communitylifecycle.alumni;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The alumni settings: defaults, and clear messages naming the setting when one is wrong. */
class AlumniPropertiesTest {

  @Test
  void defaultsAreTheSeedsAndASafeRateLimit() {
    AlumniProperties settings = bind(Map.of());

    assertThat(settings.invitationValidFor()).isEqualTo("P30D");
    assertThat(settings.reunionAfter()).isEqualTo("P6M");
    assertThat(settings.publicBaseUrl()).isEqualTo("http://localhost:8080");
    assertThat(settings.rateLimit().requests()).isEqualTo(60);
    assertThat(settings.rateLimit().period()).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void settingsAreReadFromTheirKebabCaseNames() {
    AlumniProperties settings = bind(Map.of(
        "community-lifecycle.alumni.invitation-valid-for", "P14D",
        "community-lifecycle.alumni.reunion-after", "P3M",
        "community-lifecycle.alumni.public-base-url", "https://hub.example.org/",
        "community-lifecycle.alumni.rate-limit.requests", "5",
        "community-lifecycle.alumni.rate-limit.period", "10s"));

    assertThat(settings.invitationValidFor()).isEqualTo("P14D");
    assertThat(settings.reunionAfter()).isEqualTo("P3M");
    assertThat(settings.publicBaseUrl()).as("without the trailing slash").isEqualTo("https://hub.example.org");
    assertThat(settings.rateLimit().period()).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void aWrongSettingStopsStartupAndIsNamed() {
    assertThatThrownBy(() -> bind(Map.of("community-lifecycle.alumni.reunion-after", "six months")))
        .isInstanceOf(BindException.class)
        .hasStackTraceContaining("community-lifecycle.alumni.reunion-after is not an ISO-8601 duration: 'six months' (try P30D or P6M)");
    assertThatThrownBy(() -> bind(Map.of("community-lifecycle.alumni.invitation-valid-for", "-P3D"))).hasStackTraceContaining("community-lifecycle.alumni.invitation-valid-for must be a positive duration, got '-P3D'");
    assertThatThrownBy(() -> bind(Map.of("community-lifecycle.alumni.public-base-url", "hub.example.org"))).hasStackTraceContaining("community-lifecycle.alumni.public-base-url must be an http(s) address");
    assertThatThrownBy(() -> bind(Map.of("community-lifecycle.alumni.rate-limit.requests", "0"))).hasStackTraceContaining("community-lifecycle.alumni.rate-limit.requests must be at least 1, got 0");
    assertThatThrownBy(() -> bind(Map.of("community-lifecycle.alumni.rate-limit.period", "0s"))).hasStackTraceContaining("community-lifecycle.alumni.rate-limit.period must be a positive duration");
  }

  private static AlumniProperties bind(Map<String, String> settings) {
    return new Binder(new MapConfigurationPropertySource(settings))
        .bindOrCreate("community-lifecycle.alumni", AlumniProperties.class);
  }
}
