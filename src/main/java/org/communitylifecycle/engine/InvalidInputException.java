package org.communitylifecycle.engine;

// Tasklist shows a form field error only for this engine exception type; it has no public counterpart.
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * Input a person or a caller got wrong: a form field, a REST payload, a process variable. The
 * message says what is wrong and how to put it right; the engine call is rolled back, so nothing
 * is half-done. Being a form validation error, Tasklist shows the message and the REST API's
 * submit-form endpoints answer 400.
 */
public class InvalidInputException extends FormFieldValidationException {

  public InvalidInputException(String message) {
    super(null, message);
  }
}
