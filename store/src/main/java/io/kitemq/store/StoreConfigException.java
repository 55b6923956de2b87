package io.kitemq.store;

/** A store configuration value is missing or out of range; {@link #key()} names the setting. */
public final class StoreConfigException extends IllegalArgumentException {

  private final String key;

  public StoreConfigException(String key, String reason) {
    super(key + ": " + reason);
    this.key = key;
  }

  /** The broker.conf key whose value was rejected. */
  public String key() {
    return key;
  }
}
