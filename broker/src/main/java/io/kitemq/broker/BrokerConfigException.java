package io.kitemq.broker;

/** A broker.conf value that is missing or invalid; {@link #key()} names the offending key. */
public final class BrokerConfigException extends IllegalArgumentException {

  private final String key;

  public BrokerConfigException(String key, String message) {
    super(key + ": " + message);
    this.key = key;
  }

  public BrokerConfigException(String key, String message, Throwable cause) {
    super(key + ": " + message, cause);
    this.key = key;
  }

  /** The broker.conf key whose value was refused. */
  public String key() {
    return key;
  }
}
