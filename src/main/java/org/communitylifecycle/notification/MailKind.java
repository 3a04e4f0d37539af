package org.communitylifecycle.notification;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The kinds of mail the application sends; people opt out of each separately. */
enum MailKind {
  ASSIGNMENT("assignment"),
  ESCALATION("escalation"),
  DIGEST("digest");

  private final String key;

  MailKind(String key) {
    this.key = key;
  }

  /** The name in the database, the API and the BPMN property {@code notification}. */
  String key() {
    return key;
  }

  static Optional<MailKind> byKey(String key) {
    return Arrays.stream(values()).filter(kind -> kind.key.equals(key)).findFirst();
  }

  static List<String> keys() {
    return Arrays.stream(values()).map(MailKind::key).toList();
  }
}
