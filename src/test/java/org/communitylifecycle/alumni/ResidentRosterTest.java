package org.communitylifecycle.alumni;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.communitylifecycle.engine.InvalidInputException;
import org.junit.jupiter.api.Test;

/** Reading the roster a host pastes; messages name lines, never their content. */
class ResidentRosterTest {

  @Test
  void namesAreTidiedAndEmailsKeptAsGiven() {
    assertThat(ResidentRoster.parse("  Ana   Lima ,  Ana.Lima@Example.org  "))
        .containsExactly(new Resident("Ana Lima", "Ana.Lima@Example.org"));
    assertThat(ResidentRoster.parse("Zoë Ångström <zoe@example.org>")).containsExactly(new Resident("Zoë Ångström", "zoe@example.org"));
  }

  @Test
  void aLongRosterIsRefused() {
    String roster = IntStream.rangeClosed(1, 201).mapToObj(i -> "Resident " + i + ", r" + i + "@example.org")
        .collect(Collectors.joining("\n"));
    assertThatThrownBy(() -> ResidentRoster.parse(roster)).isInstanceOf(InvalidInputException.class)
        .hasMessage("Residents: at most 200 in one cohort, got 201; split the cohort");
  }

  @Test
  void problemsNameTheLineButNotThePerson() {
    assertThatThrownBy(() -> ResidentRoster.parse("Secret Person, secret@@example.org"))
        .hasMessageNotContaining("Secret").hasMessageNotContaining("secret@")
        .hasMessageContaining("line 1: the email address is not valid");
    assertThatThrownBy(() -> ResidentRoster.parse("x".repeat(121) + ", x@example.org"))
        .hasMessageContaining("line 1: the name is longer than 120 characters");
    assertThatThrownBy(() -> ResidentRoster.parse("42, n@example.org")).hasMessageContaining("line 1: the name is missing");
  }

  @Test
  void manyProblemsAreSummarised() {
    String roster = IntStream.rangeClosed(1, 8).mapToObj(i -> "Nobody " + i).collect(Collectors.joining("\n"));
    assertThatThrownBy(() -> ResidentRoster.parse(roster))
        .hasMessageContaining("line 5 has no email address (and 3 more)");
  }
}
