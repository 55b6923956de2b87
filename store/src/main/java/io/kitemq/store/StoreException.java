package io.kitemq.store;

/** The store could not open, recover or touch its files; the message says which file and why. */
public final class StoreException extends RuntimeException {

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }

  public StoreException(String message) {
    super(message);
  }
}
