package org.communitylifecycle.alumni;

import static org.assertj.core.api.Assertions.assertThat;

import org.communitylifecycle.alumni.AlumniFeedback.Answers;
import org.communitylifecycle.alumni.AlumniFeedback.Consent;
import org.junit.jupiter.api.Test;

/** The feedback form's rules: storage must be answered, and contact, listing and what one is up to need storage. */
class FeedbackAnswersTest {

  @Test
  void nothingAnsweredAsksForStorage() {
    assertThat(AlumniFeedback.problems(new Answers(null, null, null, ""))).containsOnlyKeys("store");
  }

  @Test
  void storingNeedsTheOtherTwoAnswers() {
    assertThat(AlumniFeedback.problems(new Answers("yes", null, null, null)))
        .containsOnlyKeys("contact", "list")
        .containsEntry("contact", "Say whether we may contact you about reunions and opportunities");
    assertThat(AlumniFeedback.problems(new Answers("yes", "no", "yes", "Gardening"))).isEmpty();
  }

  @Test
  void withoutStorageNothingElseCanBeKept() {
    assertThat(AlumniFeedback.problems(new Answers("no", "yes", "yes", "Gardening")))
        .containsOnlyKeys("contact", "list", "upTo")
        .containsEntry("list", "To list you we need to store your name: answer yes to storing your details, or no here");
    assertThat(AlumniFeedback.problems(new Answers("no", null, null, "  "))).isEmpty();
    assertThat(AlumniFeedback.problems(new Answers("no", "no", "no", null))).isEmpty();
  }

  @Test
  void whatOneIsUpToIsShortPlainText() {
    assertThat(AlumniFeedback.problems(new Answers("yes", "no", "no", "x".repeat(501))))
        .containsEntry("upTo", "What you are up to can be at most 500 characters; it has 501");
    assertThat(AlumniFeedback.problems(new Answers("yes", "no", "no", "bell\u0007"))).containsKey("upTo");
    assertThat(AlumniFeedback.problems(new Answers("yes", "no", "no", "line one\nline two"))).isEmpty();
  }

  @Test
  void onlyYesAndNoCount() {
    assertThat(AlumniFeedback.problems(new Answers("true", "1", "on", null))).containsOnlyKeys("store");
  }

  @Test
  void consentKeepsOnlyWhatStorageAllows() {
    assertThat(AlumniFeedback.consent(new Answers("yes", "yes", "no", "  Weaving  ")))
        .isEqualTo(new Consent(true, true, false, "Weaving"));
    assertThat(AlumniFeedback.consent(new Answers("no", "no", "no", "")))
        .isEqualTo(new Consent(false, false, false, null));
  }
}
