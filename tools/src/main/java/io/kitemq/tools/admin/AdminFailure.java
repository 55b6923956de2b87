package io.kitemq.tools.admin;

/**
 * An admin operation that could not be done; its message is the one line shown to the operator
 * (what failed and, where known, why). Exit status 1.
 */
public final class AdminFailure extends Exception {

  private static final long serialVersionUID = 1L;

  public AdminFailure(String message) {
    super(message);
  }

  public AdminFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
