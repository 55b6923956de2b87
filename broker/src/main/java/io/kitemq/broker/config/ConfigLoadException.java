package io.kitemq.broker.config;

/** A configuration file (and its backup) could not be read or parsed at start. */
public final class ConfigLoadException extends RuntimeException {

  public ConfigLoadException(String message, Throwable cause) {
    super(message, cause);
  }
}
