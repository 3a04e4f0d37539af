package org.communitylifecycle.community;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommunitySlugTest {

  @Test
  void lowercasesAndJoinsWordsWithHyphens() {
    assertThat(CommunitySlug.of("SUMO Community")).isEqualTo("sumo-community");
    assertThat(CommunitySlug.of("  Rust -- Berlin  ")).isEqualTo("rust-berlin");
  }

  @Test
  void dropsAccentsAndPunctuation() {
    assertThat(CommunitySlug.of("Comunidad Mozilla México!")).isEqualTo("comunidad-mozilla-mexico");
  }

  @Test
  void isEmptyWithoutLettersOrDigitsAndBoundedInLength() {
    assertThat(CommunitySlug.of("!!!")).isEmpty();
    assertThat(CommunitySlug.of("a".repeat(100))).hasSize(CommunitySlug.MAX_LENGTH);
  }
}
