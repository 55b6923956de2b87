package io.kitemq.server;

/**
 * A node could not start for a reason outside the configuration's text: a port in use, a directory
 * that cannot be written. The message is one line naming the port or path and what would fix it;
 * the launcher prints it and exits with status 1.
 */
public final class LaunchException extends RuntimeException {

  public LaunchException(String message, Throwable cause) {
    super(message, cause);
  }

  public LaunchException(String message) {
    super(message);
  }
}
