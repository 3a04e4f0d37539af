package org.communitylifecycle.contributor;

/**
 * One thing wrong with contributor input: a JSON field, a form field, or a CSV row.
 *
 * @param line the CSV line (the header is line 1), or null outside an import
 * @param field the field or column at fault, or null when the problem is the row as a whole
 * @param message what is wrong and how to put it right
 */
record ContributorProblem(Integer line, String field, String message) {

  @Override
  public String toString() {
    return line != null ? "line " + line + ": " + message : message;
  }
}
