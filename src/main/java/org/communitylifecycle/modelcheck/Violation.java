package org.communitylifecycle.modelcheck;

/**
 * A place where a model breaks a rule.
 *
 * @param elementId the id of the model element, as Camunda Modeler shows it; empty for the file as a whole
 * @param where the element or attribute, such as {@code camunda:class} or {@code scriptTask}
 * @param reason what is refused and what to do instead
 * @param line the line in the file, 0 when unknown
 * @param column the column in the line, 0 when unknown
 */
record Violation(String elementId, String where, String reason, int line, int column) {

  public Violation(String elementId, String where, String reason, int line) {
    this(elementId, where, reason, line, 0);
  }

  static Violation at(ModelElement element, String where, String reason) {
    return new Violation(element.ownerId(), where, reason, element.line());
  }

  /** "Element 'Task_Send', camunda:class: reason". */
  public String message() {
    String element = elementId.isEmpty() ? "The model" : "Element '" + elementId + "'";
    return element + ", " + where + ": " + reason;
  }

  /** " (line 3, column 7)", " (line 3)" or nothing. */
  String position() {
    if (line <= 0) {
      return "";
    }
    return column > 0 ? " (line " + line + ", column " + column + ")" : " (line " + line + ")";
  }
}
