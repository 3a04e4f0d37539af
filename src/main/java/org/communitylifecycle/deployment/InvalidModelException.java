package org.communitylifecycle.deployment;

/** A model or form in processes/ or forms/ that cannot be deployed; startup stops and names the file. */
class InvalidModelException extends RuntimeException {

  public InvalidModelException(String message) {
    super(message);
  }
}
