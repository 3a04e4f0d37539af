package org.communitylifecycle.modelcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FormFileTest {

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aCamundaFormPasses() {
    byte[] form = bytes("{\"id\": \"review\", \"components\": [{\"type\": \"textfield\", \"key\": \"x\"}]}");
    assertThat(FormFile.check(form)).isEmpty();
    assertThat(FormFile.id(form)).isEqualTo("review");
  }

  @Test
  void brokenJsonIsRefusedWithLineAndColumn() {
    assertThat(FormFile.check(bytes("{\n  \"id\": \"review\",\n  \"components\": [\n    {\"type\" \"text\"}\n  ]\n}")))
        .singleElement().satisfies(v -> {
          assertThat(v.reason()).contains("is not valid JSON");
          assertThat(v.line()).isEqualTo(4);
          assertThat(v.column()).isPositive();
        });
  }

  @Test
  void aFormWithoutIdOrComponentsIsRefused() {
    assertThat(FormFile.check(bytes("{\"components\": []}"))).singleElement()
        .extracting(Violation::where).isEqualTo("id");
    assertThat(FormFile.check(bytes("{\"id\": \"review\"}"))).singleElement()
        .extracting(Violation::where).isEqualTo("components");
    assertThat(FormFile.check(bytes("[]"))).hasSize(1);
  }
}
