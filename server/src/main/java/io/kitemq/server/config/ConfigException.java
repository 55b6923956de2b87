package io.kitemq.server.config;

/**
 * The configuration cannot be used: an unknown key, a bad value, a file that cannot be read. The
 * message is one line naming the key (or file) and what would fix it; the launcher prints it and
 * exits with status 2.
 */
public final class ConfigException extends RuntimeException {

  private final String key;

  /**
   * @param key the offending key, file or variable
   * @param message one line, naming {@code key}
   */
  public ConfigException(String key, String message) {
    super(message);
    this.key = key;
  }

  public ConfigException(String key, String message, Throwable cause) {
    super(message, cause);
    this.key = key;
  }

  /** The key, file or environment variable the error is about. */
  public String key() {
    return key;
  }
}
